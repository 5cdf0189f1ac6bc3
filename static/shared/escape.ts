/** Escape in an inline form does what its Cancel button does (not while it is saving). */
import type { KeyboardEvent } from 'react';

export const escapeCancels =
  (saving: boolean, onCancel: () => void) =>
  (e: KeyboardEvent<HTMLElement>): void => {
    if (e.key !== 'Escape' || e.defaultPrevented || saving) return;
    e.preventDefault();
    e.stopPropagation();
    onCancel();
  };

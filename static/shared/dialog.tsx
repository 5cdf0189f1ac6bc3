/** A confirm dialog on the native <dialog> element: modal, focus kept inside, Esc cancels.
 * Focus starts on Cancel (the first button), the safe choice for a destructive action.
 * showModal() makes the page inert but, inside the app's iframe, Tab still walks out to the host page:
 * the dialog wraps Tab itself. Escape is handled on keydown too, because Chrome may close a dialog on
 * Escape without a cancel event (no recent user activation), which would leave it closed but "open". */
import { useId, useLayoutEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { Button } from './ui';
import { t } from './i18n';

const FOCUSABLE = 'button, [href], input, select, textarea, [tabindex]:not([tabindex="-1"])';

export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  busy,
  danger = true,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  busy?: boolean;
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const opener = useRef<Element | null>(null);

  // A layout effect: the dialog must stop being modal in the same commit that closes it, or the page is
  // still inert when the caller moves focus on the next frame (and focus falls to <body>).
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (open && !el.open) {
      opener.current = document.activeElement;
      if (typeof el.showModal === 'function') el.showModal();
      else el.setAttribute('open', '');
    } else if (!open && el.open) {
      el.close();
      if (opener.current instanceof HTMLElement && opener.current.isConnected) opener.current.focus();
    }
  }, [open]);

  const onKeyDown = (e: KeyboardEvent<HTMLDialogElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      if (!busy) onCancel();
    } else if (e.key === 'Tab' && ref.current) {
      const items = [...ref.current.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !el.hasAttribute('disabled'));
      if (items.length === 0) return;
      const first = items[0];
      const last = items[items.length - 1];
      const at = document.activeElement;
      if (e.shiftKey && (at === first || !ref.current.contains(at))) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && (at === last || !ref.current.contains(at))) {
        e.preventDefault();
        first.focus();
      }
    }
  };

  return (
    <dialog
      ref={ref}
      className="pv-dialog"
      aria-labelledby={titleId}
      onKeyDown={onKeyDown}
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onCancel();
      }}
      onClose={() => {
        // Closed by the browser while still meant to be open: treat it as Cancel.
        if (open) onCancel();
      }}
    >
      <div className="pv-dialog-body">
        <h2 id={titleId}>{title}</h2>
        {children}
        <div className="pv-dialog-actions">
          <Button appearance="subtle" onClick={onCancel} disabled={busy}>
            {t('Cancel')}
          </Button>
          <Button appearance={danger ? 'danger' : 'primary'} busy={busy} onClick={onConfirm}>
            {busy ? t('Working…') : confirmLabel}
          </Button>
        </div>
      </div>
    </dialog>
  );
}

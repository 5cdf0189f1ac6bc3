/** A confirm dialog on the native <dialog> element: modal, focus kept inside, Esc cancels.
 * Focus starts on Cancel (the first button), the safe choice for a destructive action. */
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { Button } from './ui';

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

  useEffect(() => {
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

  return (
    <dialog
      ref={ref}
      className="pv-dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <div className="pv-dialog-body">
        <h2 id={titleId}>{title}</h2>
        {children}
        <div className="pv-dialog-actions">
          <Button appearance="subtle" onClick={onCancel} disabled={busy}>
            Cancel
          </Button>
          <Button appearance={danger ? 'danger' : 'primary'} busy={busy} onClick={onConfirm}>
            {busy ? 'Working…' : confirmLabel}
          </Button>
        </div>
      </div>
    </dialog>
  );
}

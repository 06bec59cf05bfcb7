import { useEffect, useRef, type ReactNode } from 'react';

/** A modal question before an act that cannot be undone (reveal, close); Esc or Cancel backs out. */
export function ConfirmDialog({
  open,
  title,
  confirm,
  onConfirm,
  onClose,
  children,
}: {
  open: boolean;
  title: string;
  /** The confirming button's words ("Reveal now"). */
  confirm: string;
  onConfirm(): void;
  onClose(): void;
  children: ReactNode;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const id = `confirm-${confirm.replace(/\W+/g, '-').toLowerCase()}`;
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);
  return (
    <dialog ref={dialog} aria-labelledby={id} onClose={onClose} onCancel={onClose}>
      <h2 id={id}>{title}</h2>
      {children}
      <div className="dialog-actions">
        <button type="button" className="primary" onClick={onConfirm}>
          {confirm}
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}

import { useEffect, useRef, type ReactNode } from 'react';

type Props = {
  /** Prefix of the ids: `<id>-title`, `<id>-confirm`, `<id>-cancel`. */
  id: string;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  busyLabel: string;
  cancelLabel: string;
  busy: boolean;
  /** Red, for steps that take something away (revoking, withdrawing). */
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
};

/**
 * The last step before a change that cannot be undone, shown in place of the button that asked for it.
 * It takes focus so the question is read out, and says what will happen before anything does.
 */
export function ConfirmStep({ id, title, children, confirmLabel, busyLabel, cancelLabel, busy, danger, onConfirm, onCancel }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div
      className={danger ? 'confirm-box confirm-step' : 'confirm-box confirm-box--neutral confirm-step'}
      role="group"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      tabIndex={-1}
      ref={ref}
      id={id}
    >
      <p className="notice__title" id={`${id}-title`}>
        {title}
      </p>
      <div id={`${id}-body`}>{children}</div>
      <div className="button-row">
        <button
          className={danger ? 'button button--danger' : 'button'}
          type="button"
          id={`${id}-confirm`}
          onClick={() => {
            if (!busy) onConfirm();
          }}
          aria-disabled={busy || undefined}
        >
          {busy ? busyLabel : confirmLabel}
        </button>
        <button className="button button--secondary" type="button" id={`${id}-cancel`} onClick={onCancel}>
          {cancelLabel}
        </button>
      </div>
    </div>
  );
}

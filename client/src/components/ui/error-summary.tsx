import { useEffect, useId, useRef, type MouseEvent } from 'react';

export type ErrorSummaryItem = {
  message: string;
  /** The id of the input the message is about; omitted for errors about the form as a whole. */
  fieldId?: string;
};

type ErrorSummaryProps = {
  title: string;
  items: ErrorSummaryItem[];
  /** Change this (e.g. a submit counter) to move focus to the summary again. */
  focusSignal: number;
};

/**
 * The list of problems at the top of a form. It is announced (role="alert"), takes focus after
 * a failed submit, and each item links to its field.
 */
export function ErrorSummary({ title, items, focusSignal }: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const hasItems = items.length > 0;

  useEffect(() => {
    if (hasItems) ref.current?.focus();
    // Only a new submit should steal focus, not every change to the list.
  }, [focusSignal]);

  if (!hasItems) return null;

  return (
    <div className="error-summary" role="alert" aria-labelledby={titleId} tabIndex={-1} ref={ref}>
      <h2 className="error-summary__title" id={titleId}>
        {title}
      </h2>
      <ul className="error-summary__list">
        {items.map((item, index) =>
          item.fieldId ? (
            <li key={`${item.fieldId}-${index}`}>
              <a href={`#${item.fieldId}`} onClick={(event) => focusField(event, item.fieldId!)}>
                {item.message}
              </a>
            </li>
          ) : (
            <li key={`form-${index}`}>{item.message}</li>
          ),
        )}
      </ul>
    </div>
  );
}

// Focus the input itself rather than following the fragment, which would also change the URL.
function focusField(event: MouseEvent<HTMLAnchorElement>, fieldId: string) {
  const input = document.getElementById(fieldId);
  if (!input) return;
  event.preventDefault();
  const label = document.querySelector(`label[for="${fieldId}"]`);
  (label ?? input).scrollIntoView({ block: 'start' });
  input.focus({ preventScroll: true });
}

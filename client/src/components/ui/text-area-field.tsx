import { describedBy, FieldFrame } from './field-frame';

type Props = {
  /** Used as both id and name, so tests and error-summary links can find the field. */
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  error?: string;
  required?: boolean;
  rows?: number;
  maxLength?: number;
};

/** A labelled textarea whose hint and error are tied to it with aria-describedby (the multi-line TextField). */
export function TextAreaField({ id, label, value, onChange, hint, error, required, rows = 4, maxLength }: Props) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <textarea
        className="field__input field__textarea"
        id={id}
        name={id}
        rows={rows}
        maxLength={maxLength}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        required={required}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
    </FieldFrame>
  );
}

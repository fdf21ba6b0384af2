import { FieldFrame } from '../../../components/ui/field-frame';

type Props = {
  /** Used as both id and name, so tests and error-summary links can find the input. */
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The unit as a word beside the input ("%", "元", "years"); read out with the input. */
  unit?: string;
  hint?: string;
  error?: string;
  /** A formatted reading of large numbers ("= 500 万元"), for sighted users only. */
  preview?: string;
};

/** A labelled number input with its unit beside it; hint, unit and error are tied to it with aria-describedby. */
export function NumberField({ id, label, value, onChange, unit, hint, error, preview }: Props) {
  const describedBy = [hint ? `${id}-hint` : '', unit ? `${id}-unit` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <div className="field__with-unit">
        <input
          className="field__input field__input--number"
          id={id}
          name={id}
          type="number"
          step="any"
          inputMode="decimal"
          autoComplete="off"
          value={value}
          onChange={(event) => onChange(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
        />
        {unit && (
          <span className="field__unit" id={`${id}-unit`}>
            {unit}
          </span>
        )}
        {preview && (
          <span className="field__preview" aria-hidden="true">
            = {preview}
          </span>
        )}
      </div>
    </FieldFrame>
  );
}

import type { HTMLInputAutoCompleteAttribute, InputHTMLAttributes } from 'react';
import { describedBy, FieldFrame } from './field-frame';

type TextFieldProps = {
  /** Used as both id and name, so tests and error-summary links can find the input. */
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  error?: string;
  type?: 'text' | 'email' | 'password';
  autoComplete?: HTMLInputAutoCompleteAttribute;
  required?: boolean;
  inputMode?: InputHTMLAttributes<HTMLInputElement>['inputMode'];
  spellCheck?: boolean;
  autoCapitalize?: string;
  className?: string;
};

/** A labelled input whose hint and error are tied to it with aria-describedby. */
export function TextField({
  id,
  label,
  value,
  onChange,
  hint,
  error,
  type = 'text',
  autoComplete,
  required,
  inputMode,
  spellCheck,
  autoCapitalize,
  className,
}: TextFieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <input
        className={className ? `field__input ${className}` : 'field__input'}
        id={id}
        name={id}
        type={type}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        autoComplete={autoComplete}
        required={required}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        inputMode={inputMode}
        spellCheck={spellCheck}
        autoCapitalize={autoCapitalize}
      />
    </FieldFrame>
  );
}

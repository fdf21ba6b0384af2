import type { HTMLInputAutoCompleteAttribute, InputHTMLAttributes } from 'react';
import { useT } from '../../lib/i18n';

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
  const t = useT();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;

  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={errorId}>
          <span className="visually-hidden">{t('common.errorPrefix')}</span>
          {error}
        </p>
      )}
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
        aria-describedby={describedBy}
        inputMode={inputMode}
        spellCheck={spellCheck}
        autoCapitalize={autoCapitalize}
      />
    </div>
  );
}

import { Fragment, type ReactNode } from 'react';
import { useI18n } from '../../lib/i18n';
import type { FieldNode } from '../../lib/facts/fact-schema';
import type { FormValue, Path } from '../../lib/facts/form-values';
import { FactField } from './fact-fields';

type Props = {
  /** The schema's top-level facts, in order. */
  fields: FieldNode[];
  values: FormValue;
  onChange: (path: Path, value: FormValue) => void;
  /** Messages by input id; the "as of" date's is under `asOfId`. */
  errors: Record<string, string>;
  /** The id of the "as of" date input (its hint and error ids take it as their prefix). */
  asOfId: string;
  asOf: string;
  onAsOfChange: (value: string) => void;
  /** Shows something else in a fact's place: return content to replace its input, or nothing to keep it. */
  replaceField?: (field: FieldNode) => ReactNode;
};

/** The body of a fact form: one input per fact, drawn from the schema, then the date to judge as of. */
export function FactFormFields({ fields, values, onChange, errors, asOfId, asOf, onAsOfChange, replaceField }: Props) {
  const { t } = useI18n();
  const asOfError = errors[asOfId];

  return (
    <>
      {fields.map((field) => {
        const replacement = replaceField?.(field);
        return replacement ? (
          <Fragment key={field.name}>{replacement}</Fragment>
        ) : (
          <FactField
            key={field.name}
            node={field}
            path={[field.name]}
            value={typeof values === 'object' && !Array.isArray(values) ? values[field.name] : undefined}
            onChange={onChange}
            errors={errors}
          />
        );
      })}

      <fieldset className="fieldset fact-group">
        <legend className="fact-group__legend">{t('precheck.whenLegend')}</legend>
        <div className={asOfError ? 'field field--error' : 'field'}>
          <label className="field__label" htmlFor={asOfId}>
            {t('precheck.asOf')}
          </label>
          <p className="field__hint" id={`${asOfId}-hint`}>
            {t('precheck.asOfHint')}
          </p>
          {asOfError && (
            <p className="field__error" id={`${asOfId}-error`}>
              <span className="visually-hidden">{t('common.errorPrefix')}</span>
              {asOfError}
            </p>
          )}
          <input
            className="field__input field__input--date"
            id={asOfId}
            name="asOf"
            type="date"
            value={asOf}
            onChange={(event) => onAsOfChange(event.target.value)}
            aria-invalid={asOfError ? true : undefined}
            aria-describedby={[`${asOfId}-hint`, asOfError ? `${asOfId}-error` : ''].filter(Boolean).join(' ')}
          />
        </div>
      </fieldset>
    </>
  );
}

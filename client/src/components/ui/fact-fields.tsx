import type { ReactNode } from 'react';
import { formatQuantity, unitWord } from '../../lib/format';
import { localize, useI18n, type Language, type Localized } from '../../lib/i18n';
import type { FieldNode, NumberListNode, ObjectListNode, ObjectNode } from '../../lib/facts/fact-schema';
import { NONE_GIVEN, emptyValue, fieldId, parseNumber, type FormObject, type FormValue, type Path } from '../../lib/facts/form-values';

type FieldProps = {
  node: FieldNode;
  path: Path;
  value: FormValue | undefined;
  onChange: (path: Path, value: FormValue) => void;
  errors: Record<string, string>;
};

/** One fact of the form, drawn from its schema node; groups recurse. */
export function FactField(props: FieldProps) {
  const { node } = props;
  switch (node.kind) {
    case 'object':
      return <ObjectGroup {...props} node={node} />;
    case 'numberList':
      return <NumberList {...props} node={node} />;
    case 'objectList':
      return <ObjectList {...props} node={node} />;
    case 'boolean':
      return <BooleanField {...props} />;
    default:
      return <LeafField {...props} />;
  }
}

function text(value: Localized | undefined, language: Language): string {
  return value ? localize(value, language) : '';
}

function asString(value: FormValue | undefined): string {
  return typeof value === 'string' ? value : '';
}

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  return ids.filter(Boolean).join(' ') || undefined;
}

function FieldError({ id, message }: { id: string; message?: string }) {
  const { t } = useI18n();
  if (!message) return null;
  return (
    <p className="field__error" id={id}>
      <span className="visually-hidden">{t('common.errorPrefix')}</span>
      {message}
    </p>
  );
}

function requiredMark(required: boolean, inRow: boolean, t: ReturnType<typeof useI18n>['t']): string {
  return required && inRow ? ` ${t('precheck.requiredInRow')}` : '';
}

/** Number, enum, date and text inputs. */
function LeafField({ node, path, value, onChange, errors, label: labelOverride }: FieldProps & { label?: string }) {
  const { language, t } = useI18n();
  const id = fieldId(path);
  const current = asString(value);
  const error = errors[id];
  const help = text(node.help, language);
  const hintId = `${id}-hint`;
  const unitId = `${id}-unit`;
  const errorId = `${id}-error`;
  const unit = node.kind === 'number' ? unitWord(node.unit, language) : '';
  const label = (labelOverride ?? text(node.label, language)) + requiredMark(node.required, path.length > 1, t);

  let hint = help;
  if (node.kind === 'number' && node.unit === 'ratio') hint = [help, t('precheck.ratioHint')].filter(Boolean).join(' ');
  if (node.kind === 'string' && node.sensitive) hint = [help, t('precheck.sensitiveHint')].filter(Boolean).join(' ');
  if (node.kind === 'date') hint = [help, t('precheck.dateHint')].filter(Boolean).join(' ');

  const aria = {
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(hint && hintId, unit && unitId, error && errorId),
  } as const;

  let control: ReactNode;
  if (node.kind === 'enum') {
    control = (
      <select className="field__input field__select" id={id} name={id} value={current} onChange={(event) => onChange(path, event.target.value)} {...aria}>
        <option value="">{t('precheck.notAnswered')}</option>
        {node.options.map((option) => (
          <option key={option.value} value={option.value}>
            {localize(option.label, language)}
          </option>
        ))}
      </select>
    );
  } else if (node.kind === 'date') {
    control = (
      <input className="field__input field__input--date" id={id} name={id} type="date" value={current} onChange={(event) => onChange(path, event.target.value)} {...aria} />
    );
  } else if (node.kind === 'number') {
    const parsed = current.trim() ? parseNumber(current, node.unit) : null;
    const preview = parsed !== null && (node.unit === 'yuan' || node.unit === 'usd') && Math.abs(parsed) >= 10000 ? formatQuantity(parsed, node.unit, language) : '';
    control = (
      <div className="field__with-unit">
        <input
          className="field__input field__input--number"
          id={id}
          name={id}
          type="text"
          inputMode={node.integer && node.unit !== 'ratio' ? 'numeric' : 'decimal'}
          autoComplete="off"
          spellCheck={false}
          value={current}
          onChange={(event) => onChange(path, event.target.value)}
          {...aria}
        />
        {unit && (
          <span className="field__unit" id={unitId}>
            {unit}
          </span>
        )}
        {preview && (
          <span className="field__preview" aria-hidden="true">
            = {preview}
          </span>
        )}
      </div>
    );
  } else {
    const sensitive = node.kind === 'string' && node.sensitive;
    control = (
      <input
        className={sensitive ? 'field__input field__input--code' : 'field__input'}
        id={id}
        name={id}
        type="text"
        maxLength={node.kind === 'string' ? node.maxLength : undefined}
        autoComplete="off"
        spellCheck={sensitive ? false : undefined}
        value={current}
        onChange={(event) => onChange(path, event.target.value)}
        {...aria}
      />
    );
  }

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
      <FieldError id={errorId} message={error} />
      {control}
    </div>
  );
}

/** Yes / no / not answered; the "yes" radio carries the fact's id, the others `-false` and `-unset`. */
function BooleanField({ node, path, value, onChange, errors }: FieldProps) {
  const { language, t } = useI18n();
  const id = fieldId(path);
  const current = asString(value);
  const error = errors[id];
  const help = text(node.help, language);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const legendId = `${id}-legend`;
  const options = [
    { value: 'true', id, label: t('precheck.yes') },
    { value: 'false', id: `${id}-false`, label: t('precheck.no') },
    { value: '', id: `${id}-unset`, label: t('precheck.notAnswered') },
  ];
  return (
    <fieldset
      className={error ? 'field field--error fieldset fieldset--choice' : 'field fieldset fieldset--choice'}
      aria-describedby={describedBy(help && hintId, error && errorId)}
    >
      <legend className="field__label" id={legendId}>
        {text(node.label, language) + requiredMark(node.required, path.length > 1, t)}
      </legend>
      {help && (
        <p className="field__hint" id={hintId}>
          {help}
        </p>
      )}
      <FieldError id={errorId} message={error} />
      <div className="choices">
        {options.map((option) => (
          <div className="choice" key={option.id}>
            <input
              className="choice__input"
              type="radio"
              id={option.id}
              name={id}
              value={option.value}
              checked={current === option.value}
              onChange={() => onChange(path, option.value)}
              aria-invalid={error ? true : undefined}
            />
            <label className="choice__label" htmlFor={option.id}>
              {option.label}
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

function GroupShell({ id, legend, help, children, error }: { id: string; legend: string; help?: string; error?: string; children: ReactNode }) {
  const hintId = `${id}-group-hint`;
  const errorId = `${id}-group-error`;
  return (
    <fieldset className="fieldset fact-group" id={`${id}-group`} aria-describedby={describedBy(help && hintId, error && errorId)}>
      <legend className="fact-group__legend">{legend}</legend>
      {help && (
        <p className="field__hint" id={hintId}>
          {help}
        </p>
      )}
      <FieldError id={errorId} message={error} />
      {children}
    </fieldset>
  );
}

function ObjectGroup({ node, path, value, onChange, errors }: FieldProps & { node: ObjectNode }) {
  const { language } = useI18n();
  const id = fieldId(path);
  const source: FormObject = typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {};
  return (
    <GroupShell id={id} legend={text(node.label, language)} help={text(node.help, language)} error={errors[`${id}-group`]}>
      {node.fields.map((field) => (
        <FactField key={field.name} node={field} path={[...path, field.name]} value={source[field.name]} onChange={onChange} errors={errors} />
      ))}
    </GroupShell>
  );
}

function NumberList({ node, path, value, onChange, errors }: FieldProps & { node: NumberListNode }) {
  const { language, t } = useI18n();
  const id = fieldId(path);
  const entries = Array.isArray(value) && value.length > 0 ? value : [''];
  const unit = unitWord(node.unit, language);
  const legend = unit ? `${text(node.label, language)}（${unit}）` : text(node.label, language);
  const help = [text(node.help, language), t('precheck.yearsHint', { max: node.maxItems })].filter(Boolean).join(' ');

  function yearLabel(index: number): string {
    const base = t('precheck.year', { n: index + 1 });
    if (entries.length < 2 || !node.oldestFirst) return base;
    if (index === 0) return `${base}${t('precheck.oldest')}`;
    if (index === entries.length - 1) return `${base}${t('precheck.latest')}`;
    return base;
  }

  return (
    <GroupShell id={id} legend={legend} help={help} error={errors[`${id}-group`]}>
      <ol className="year-list">
        {entries.map((entry, index) => (
          <li className="year-list__item" key={index}>
            <LeafField
              node={{ ...node.item, label: node.label, help: undefined }}
              label={yearLabel(index)}
              path={[...path, index]}
              value={entry}
              onChange={onChange}
              errors={errors}
            />
            {entries.length > 1 && (
              <button
                className="button button--secondary button--small"
                type="button"
                onClick={() => onChange(path, entries.filter((_, i) => i !== index))}
              >
                {t('precheck.removeYear', { n: index + 1 })}
                <span className="visually-hidden">{t('precheck.forField', { label: text(node.label, language) })}</span>
              </button>
            )}
          </li>
        ))}
      </ol>
      {entries.length < node.maxItems && (
        <button className="button button--secondary button--small" type="button" onClick={() => onChange(path, [...entries, ''])}>
          {t('precheck.addYear')}
          <span className="visually-hidden">{t('precheck.forField', { label: text(node.label, language) })}</span>
        </button>
      )}
    </GroupShell>
  );
}

function ObjectList({ node, path, value, onChange, errors }: FieldProps & { node: ObjectListNode }) {
  const { language, t } = useI18n();
  const id = fieldId(path);
  const none = value === NONE_GIVEN;
  const rows = Array.isArray(value) ? value : [];
  const itemLabel = text(node.item.label, language);
  const noneId = fieldId([...path, 'none']);

  return (
    <GroupShell id={id} legend={text(node.label, language)} help={text(node.help, language)} error={errors[`${id}-group`]}>
      {rows.length === 0 && (
        <div className="choice">
          <input
            className="choice__input choice__input--checkbox"
            type="checkbox"
            id={noneId}
            name={noneId}
            checked={none}
            onChange={(event) => onChange(path, event.target.checked ? NONE_GIVEN : [])}
            aria-describedby={`${noneId}-hint`}
          />
          <label className="choice__label" htmlFor={noneId}>
            {t('precheck.noneGiven')}
          </label>
          <p className="field__hint choice__hint" id={`${noneId}-hint`}>
            {t('precheck.noneGivenHint')}
          </p>
        </div>
      )}
      {rows.map((row, index) => {
        const rowPath = [...path, index];
        const rowValue: FormObject = typeof row === 'object' && row !== null && !Array.isArray(row) ? row : {};
        return (
          <fieldset className="fieldset fact-row" key={index}>
            <legend className="fact-row__legend">{`${itemLabel} ${index + 1}`}</legend>
            {node.item.fields.map((field) => (
              <FactField
                key={field.name}
                node={field}
                path={[...rowPath, field.name]}
                value={rowValue[field.name]}
                onChange={onChange}
                errors={errors}
              />
            ))}
            <button
              className="button button--secondary button--small"
              type="button"
              onClick={() => onChange(path, rows.filter((_, i) => i !== index))}
            >
              {t('precheck.removeRow', { item: itemLabel, n: index + 1 })}
            </button>
          </fieldset>
        );
      })}
      {rows.length < node.maxItems && (
        <button
          className="button button--secondary button--small"
          type="button"
          onClick={() => onChange(path, [...rows, emptyValue(node.item)])}
        >
          {t('precheck.addRow', { item: itemLabel })}
        </button>
      )}
    </GroupShell>
  );
}

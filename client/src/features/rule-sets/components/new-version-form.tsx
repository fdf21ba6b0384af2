import { useState, type FormEvent } from 'react';
import { ErrorSummary, type ErrorSummaryItem } from '../../../components/ui/error-summary';
import { EvidenceBadge } from '../../../components/ui/evidence-badge';
import { isApiError } from '../../../lib/api';
import { describeError } from '../../../lib/error-message';
import { clean, formatParameterValue } from '../../../lib/format';
import { localize, useI18n, type Translate } from '../../../lib/i18n';
import { createRuleSet } from '../api/create-rule-set';
import type { RuleSetParameter, RuleSetVersion } from '../types';

type Kind = 'number' | 'string' | 'boolean' | 'json';

function kindOf(value: unknown): Kind {
  if (typeof value === 'number') return 'number';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'boolean';
  return 'json';
}

function initialText(value: unknown): string {
  switch (kindOf(value)) {
    case 'number':
      return String(clean(value as number));
    case 'string':
      return value as string;
    case 'boolean':
      return value ? 'true' : 'false';
    default:
      return JSON.stringify(value, null, 2);
  }
}

export function paramInputId(parameterId: string): string {
  return `param-${parameterId}`;
}

const FROM_ID = 'rs-effectiveFrom';
const TO_ID = 'rs-effectiveTo';
const NOTE_ID = 'rs-note';
const DATE = /^\d{4}-\d{2}-\d{2}$/;

type Errors = { fields: Record<string, string>; general: string[] };
const NO_ERRORS: Errors = { fields: {}, general: [] };

type Props = { code: string; basedOn: RuleSetVersion; onCreated: (version: RuleSetVersion) => void };

/** "New version based on this": edit values and dates, give a reason, publish. Only changed values are sent. */
export function NewVersionForm({ code, basedOn, onCreated }: Props) {
  const { language, t } = useI18n();
  const [texts, setTexts] = useState<Record<string, string>>(() =>
    Object.fromEntries(basedOn.parameters.map((parameter) => [parameter.id, initialText(parameter.value)])),
  );
  const [effectiveFrom, setEffectiveFrom] = useState('');
  const [effectiveTo, setEffectiveTo] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Errors>(NO_ERRORS);
  const [failedSubmits, setFailedSubmits] = useState(0);
  const [submitting, setSubmitting] = useState(false);

  const order = [...basedOn.parameters.map((parameter) => paramInputId(parameter.id)), FROM_ID, TO_ID, NOTE_ID];
  const summary: ErrorSummaryItem[] = [
    ...errors.general.map((message) => ({ message })),
    ...order.flatMap((id) => (errors.fields[id] ? [{ fieldId: id, message: errors.fields[id] }] : [])),
  ];

  function fail(next: Errors) {
    setErrors(next);
    setFailedSubmits((n) => n + 1);
  }

  function readParameters(fields: Record<string, string>): Record<string, unknown> {
    const changed: Record<string, unknown> = {};
    for (const parameter of basedOn.parameters) {
      const id = paramInputId(parameter.id);
      const text = texts[parameter.id] ?? '';
      const kind = kindOf(parameter.value);
      let next: unknown;
      if (kind === 'number') {
        const cleaned = text.replace(/[\s,_]/g, '');
        if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(cleaned)) {
          fields[id] = t('ruleSets.errors.notNumber');
          continue;
        }
        next = Number(cleaned);
      } else if (kind === 'boolean') {
        next = text === 'true';
      } else if (kind === 'string') {
        next = text;
      } else {
        try {
          next = JSON.parse(text);
        } catch (error) {
          fields[id] = t('ruleSets.errors.badJson', { detail: error instanceof Error ? error.message : '' });
          continue;
        }
        if (Array.isArray(parameter.value) !== Array.isArray(next) || (next !== null && typeof next !== typeof parameter.value)) {
          fields[id] = Array.isArray(parameter.value) ? t('ruleSets.errors.jsonArray') : t('ruleSets.errors.jsonSameType');
          continue;
        }
      }
      if (JSON.stringify(next) !== JSON.stringify(parameter.value)) changed[parameter.id] = next;
    }
    return changed;
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) return;
    const fields: Record<string, string> = {};
    const parameters = readParameters(fields);
    if (!effectiveFrom) fields[FROM_ID] = t('ruleSets.errors.fromRequired');
    else if (!DATE.test(effectiveFrom)) fields[FROM_ID] = t('precheck.errors.notDate');
    if (effectiveTo && !DATE.test(effectiveTo)) fields[TO_ID] = t('precheck.errors.notDate');
    else if (effectiveTo && effectiveFrom && effectiveTo < effectiveFrom) fields[TO_ID] = t('ruleSets.errors.toBeforeFrom');
    if (!note.trim()) fields[NOTE_ID] = t('ruleSets.errors.noteRequired');
    if (Object.keys(fields).length > 0) return fail({ fields, general: [] });

    setSubmitting(true);
    try {
      const created = await createRuleSet(code, {
        basedOn: { id: basedOn.id, version: basedOn.version },
        effectiveFrom,
        effectiveTo: effectiveTo || null,
        note: note.trim(),
        parameters,
      });
      setSubmitting(false);
      onCreated(created);
    } catch (error) {
      setSubmitting(false);
      fail(mapServerErrors(error, basedOn.parameters, t));
    }
  }

  const fieldClass = (id: string) => (errors.fields[id] ? 'field field--error' : 'field');
  const describedBy = (id: string, hint: boolean) =>
    [hint ? `${id}-hint` : '', errors.fields[id] ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const errorLine = (id: string) =>
    errors.fields[id] ? (
      <p className="field__error" id={`${id}-error`}>
        <span className="visually-hidden">{t('common.errorPrefix')}</span>
        {errors.fields[id]}
      </p>
    ) : null;

  const criteria = [...new Set(basedOn.parameters.map((parameter) => parameter.criterion))];

  return (
    <section className="section new-version" aria-labelledby="new-version-heading">
      <h2 id="new-version-heading">{t('ruleSets.newVersionTitle', { id: basedOn.id, version: String(basedOn.version) })}</h2>
      <p>{t('ruleSets.newVersionIntro')}</p>
      <ErrorSummary title={t('errors.summaryTitle')} items={summary} focusSignal={failedSubmits} />
      <form id="rule-set-form" className="form" onSubmit={handleSubmit} noValidate aria-busy={submitting || undefined}>
        {criteria.map((criterion) => (
          <fieldset className="fieldset fact-group" key={criterion}>
            <legend className="fact-group__legend">{criterion}</legend>
            {basedOn.parameters
              .filter((parameter) => parameter.criterion === criterion)
              .map((parameter) => (
                <ParameterInput
                  key={parameter.id}
                  parameter={parameter}
                  text={texts[parameter.id] ?? ''}
                  onChange={(text) => setTexts((current) => ({ ...current, [parameter.id]: text }))}
                  error={errors.fields[paramInputId(parameter.id)]}
                  language={language}
                />
              ))}
          </fieldset>
        ))}

        <fieldset className="fieldset fact-group">
          <legend className="fact-group__legend">{t('ruleSets.datesAndNote')}</legend>
          <div className={fieldClass(FROM_ID)}>
            <label className="field__label" htmlFor={FROM_ID}>
              {t('ruleSets.effectiveFrom')}
            </label>
            <p className="field__hint" id={`${FROM_ID}-hint`}>
              {t('ruleSets.effectiveFromHint')}
            </p>
            {errorLine(FROM_ID)}
            <input
              className="field__input field__input--date"
              id={FROM_ID}
              name="effectiveFrom"
              type="date"
              required
              aria-required
              value={effectiveFrom}
              onChange={(event) => setEffectiveFrom(event.target.value)}
              aria-invalid={errors.fields[FROM_ID] ? true : undefined}
              aria-describedby={describedBy(FROM_ID, true)}
            />
          </div>
          <div className={fieldClass(TO_ID)}>
            <label className="field__label" htmlFor={TO_ID}>
              {t('ruleSets.effectiveTo')}
            </label>
            <p className="field__hint" id={`${TO_ID}-hint`}>
              {t('ruleSets.effectiveToHint')}
            </p>
            {errorLine(TO_ID)}
            <input
              className="field__input field__input--date"
              id={TO_ID}
              name="effectiveTo"
              type="date"
              value={effectiveTo}
              onChange={(event) => setEffectiveTo(event.target.value)}
              aria-invalid={errors.fields[TO_ID] ? true : undefined}
              aria-describedby={describedBy(TO_ID, true)}
            />
          </div>
          <div className={fieldClass(NOTE_ID)}>
            <label className="field__label" htmlFor={NOTE_ID}>
              {t('ruleSets.noteLabel')}
            </label>
            <p className="field__hint" id={`${NOTE_ID}-hint`}>
              {t('ruleSets.noteHint')}
            </p>
            {errorLine(NOTE_ID)}
            <textarea
              className="field__input field__textarea"
              id={NOTE_ID}
              name="note"
              rows={3}
              required
              aria-required
              value={note}
              onChange={(event) => setNote(event.target.value)}
              aria-invalid={errors.fields[NOTE_ID] ? true : undefined}
              aria-describedby={describedBy(NOTE_ID, true)}
            />
          </div>
        </fieldset>
        <button className="button" type="submit">
          {submitting ? t('ruleSets.publishing') : t('ruleSets.publish')}
        </button>
      </form>
    </section>
  );
}

type InputProps = {
  parameter: RuleSetParameter;
  text: string;
  onChange: (text: string) => void;
  error?: string;
  language: 'zh-CN' | 'en';
};

function ParameterInput({ parameter, text, onChange, error, language }: InputProps) {
  const { t } = useI18n();
  const id = paramInputId(parameter.id);
  const kind = kindOf(parameter.value);
  const label = parameter.label ? localize(parameter.label, language) : parameter.id;
  const current = formatParameterValue(parameter.value, parameter.unit, language).join('; ');
  const hints = [
    t('ruleSets.currentValue', { value: current }),
    kind === 'number' && parameter.unit === 'ratio' ? t('ruleSets.ratioHint') : '',
    kind === 'number' && parameter.unit === 'yuan' ? t('ruleSets.yuanHint') : '',
    kind === 'json' ? t('ruleSets.jsonHint') : '',
    parameter.source ? t('ruleSets.sourceHint', { source: parameter.source }) : '',
  ].filter(Boolean);
  const describedBy = [`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ');
  const common = {
    id,
    name: id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
  } as const;

  return (
    <div className={error ? 'field field--error' : 'field'} data-parameter={parameter.id}>
      <label className="field__label" htmlFor={id}>
        {label} <span className="parameter-table__id">{parameter.id}</span>
      </label>
      <p className="field__hint" id={`${id}-hint`}>
        {hints.join(' ')} <EvidenceBadge level={parameter.evidence} />
      </p>
      {error && (
        <p className="field__error" id={`${id}-error`}>
          <span className="visually-hidden">{t('common.errorPrefix')}</span>
          {error}
        </p>
      )}
      {kind === 'boolean' ? (
        <select className="field__input field__select" value={text} onChange={(event) => onChange(event.target.value)} {...common}>
          <option value="true">{t('precheck.yes')}</option>
          <option value="false">{t('precheck.no')}</option>
        </select>
      ) : kind === 'json' ? (
        <textarea
          className="field__input field__textarea field__input--code-block"
          rows={Math.min(12, Math.max(3, text.split('\n').length))}
          spellCheck={false}
          value={text}
          onChange={(event) => onChange(event.target.value)}
          {...common}
        />
      ) : (
        <input
          className="field__input"
          type="text"
          inputMode={kind === 'number' ? 'decimal' : undefined}
          autoComplete="off"
          spellCheck={false}
          value={text}
          onChange={(event) => onChange(event.target.value)}
          {...common}
        />
      )}
    </div>
  );
}

function mapServerErrors(error: unknown, parameters: RuleSetParameter[], t: Translate): Errors {
  const message = describeError(error, t);
  if (!isApiError(error) || error.errors.length === 0) return { fields: {}, general: [message] };
  const result: Errors = { fields: {}, general: [] };
  const byField: Record<string, string> = { effectiveFrom: FROM_ID, effectiveTo: TO_ID, note: NOTE_ID };
  for (const { field, message: fieldMessage } of error.errors) {
    let id: string | undefined = byField[field];
    if (!id && field.startsWith('parameters.')) {
      const rest = field.slice('parameters.'.length);
      // The id itself may hold dots ("HTE-E05.salesBand1Max"); a longer path points inside its value.
      const match =
        parameters.find((parameter) => parameter.id === rest) ??
        parameters.find((parameter) => parameter.id.toLowerCase() === rest.toLowerCase()) ??
        [...parameters]
          .sort((a, b) => b.id.length - a.id.length)
          .find((parameter) => {
            const lower = rest.toLowerCase();
            const candidate = parameter.id.toLowerCase();
            return lower.startsWith(`${candidate}.`) || lower.startsWith(`${candidate}[`);
          });
      if (match) id = paramInputId(match.id);
    }
    if (id && !result.fields[id]) result.fields[id] = fieldMessage;
    else result.general.push(fieldMessage);
  }
  return result;
}

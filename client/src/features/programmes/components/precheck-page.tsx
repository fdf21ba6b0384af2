import { useEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorSummary, type ErrorSummaryItem } from '../../../components/ui/error-summary';
import { Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { PageHeading } from '../../../components/ui/page-heading';
import { isAbortError, isApiError } from '../../../lib/api';
import { describeError } from '../../../lib/error-message';
import { localize, useI18n } from '../../../lib/i18n';
import { useApiResource } from '../../../lib/use-api-resource';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { getProgramme } from '../api/get-programme';
import { precheck } from '../api/precheck';
import { FactFormFields } from '../../../components/ui/fact-form-fields';
import { parseFactSchema } from '../../../lib/facts/fact-schema';
import {
  clearStored,
  emptyValue,
  inputIds,
  loadStored,
  nearestInputId,
  normalize,
  saveStored,
  serverFieldPath,
  setIn,
  toFacts,
  withoutSensitive,
  type FormValue,
  type Path,
} from '../../../lib/facts/form-values';
import { PrecheckResultView } from '../../../components/ui/screening-result';
import type { PrecheckRequest, PrecheckResult, ProgrammeDetail } from '../types';

const AS_OF_ID = 'precheck-asOf';

export function PrecheckPage() {
  const { code = '' } = useParams();
  const { language, t } = useI18n();
  const programme = useApiResource(`programme:${code}`, (signal) => getProgramme(code, signal));
  const notFound = programme.status === 'error' && isApiError(programme.error) && programme.error.status === 404;

  const name = programme.status === 'success' ? localize(programme.data.name, language) : '';
  const title = notFound ? t('programme.notFoundTitle') : name ? t('precheck.title', { name }) : t('precheck.titleGeneric');

  return (
    <>
      <p className="back-link">
        {programme.status === 'success' ? (
          <Link to={`/programmes/${encodeURIComponent(code)}`}>{t('precheck.backToProgramme', { name })}</Link>
        ) : (
          <Link to="/programmes">{t('common.backToProgrammes')}</Link>
        )}
      </p>
      {programme.status === 'success' ? (
        <PrecheckForm key={code} code={code} programme={programme.data} title={title} />
      ) : (
        <StatusOnly title={title}>
          {programme.status === 'loading' && <Loading />}
          {notFound && <p>{t('programme.notFoundBody')}</p>}
          {programme.status === 'error' && !notFound && (
            <Notice kind="error">
              <p>
                {t('programme.loadFailed')} {describeError(programme.error, t)}
              </p>
              <button className="button button--secondary" type="button" onClick={programme.reload}>
                {t('common.retry')}
              </button>
            </Notice>
          )}
        </StatusOnly>
      )}
    </>
  );
}

function StatusOnly({ title, children }: { title: string; children: ReactNode }) {
  useDocumentTitle(title);
  return (
    <>
      <PageHeading>{title}</PageHeading>
      {children}
    </>
  );
}

type Errors = { fields: Record<string, string>; general: string[] };
const NO_ERRORS: Errors = { fields: {}, general: [] };

function PrecheckForm({ code, programme, title }: { code: string; programme: ProgrammeDetail; title: string }) {
  const { language, t } = useI18n();
  const schema = useMemo(() => parseFactSchema(programme.factSchema), [programme.factSchema]);

  const [values, setValues] = useState<FormValue>(() => {
    const stored = loadStored(code);
    return stored ? normalize(schema, stored.values) : emptyValue(schema);
  });
  const [asOf, setAsOf] = useState(() => loadStored(code)?.asOf ?? '');
  const [errors, setErrors] = useState<Errors>(NO_ERRORS);
  const [failedSubmits, setFailedSubmits] = useState(0);
  const [submitting, setSubmitting] = useState(false);
  const [result, setResult] = useState<PrecheckResult | null>(null);
  const [resultSignal, setResultSignal] = useState(0);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const lastRequest = useRef<PrecheckRequest | null>(null);
  const inFlight = useRef<AbortController | null>(null);

  useEffect(() => {
    saveStored(code, { values: withoutSensitive(schema, values), asOf });
  }, [code, schema, values, asOf]);

  useEffect(() => {
    if (resultSignal > 0) resultHeading.current?.focus();
  }, [resultSignal]);

  // The server words the result in the request's language: ask again when the language changes.
  const previousLanguage = useRef(language);
  useEffect(() => {
    if (previousLanguage.current === language) return;
    previousLanguage.current = language;
    if (lastRequest.current && result) void run(lastRequest.current, false);
  }, [language]);

  useEffect(() => () => inFlight.current?.abort(), []);

  const ids = useMemo(() => [...inputIds(schema, values, []), AS_OF_ID], [schema, values]);
  const summary: ErrorSummaryItem[] = [
    ...errors.general.map((message) => ({ message })),
    ...ids.flatMap((id) => (errors.fields[id] ? [{ fieldId: id, message: errors.fields[id] }] : [])),
  ];
  useDocumentTitle(summary.length > 0 ? `${t('common.errorPrefix')}${title}` : title);

  function handleChange(path: Path, next: FormValue) {
    setValues((current) => setIn(current, path, next));
  }

  function fail(next: Errors) {
    setErrors(next);
    setFailedSubmits((n) => n + 1);
  }

  async function run(body: PrecheckRequest, moveFocus: boolean) {
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    setSubmitting(true);
    try {
      const answer = await precheck(code, body, controller.signal);
      lastRequest.current = body;
      setResult(answer);
      setErrors(NO_ERRORS);
      if (moveFocus) setResultSignal((n) => n + 1);
    } catch (error) {
      if (isAbortError(error)) return;
      setResult(null);
      fail(mapServerErrors(error));
    } finally {
      if (inFlight.current === controller) {
        inFlight.current = null;
        setSubmitting(false);
      }
    }
  }

  function mapServerErrors(error: unknown): Errors {
    const message = describeError(error, t);
    if (!isApiError(error) || error.errors.length === 0) return { fields: {}, general: [message] };
    const mapped: Errors = { fields: {}, general: [] };
    for (const { field, message: fieldMessage } of error.errors) {
      const { inFacts, path } = serverFieldPath(field);
      const id = inFacts ? nearestInputId(path, ids) : path[0] === 'asOf' ? AS_OF_ID : undefined;
      if (id && !mapped.fields[id]) mapped.fields[id] = fieldMessage;
      else mapped.general.push(fieldMessage);
    }
    return mapped;
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const built = toFacts(schema, values);
    const fields: Record<string, string> = {};
    for (const problem of built.errors) fields[problem.fieldId] ??= t(problem.key, problem.values);
    if (asOf && !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) fields[AS_OF_ID] = t('precheck.errors.notDate');
    if (Object.keys(fields).length > 0) {
      setResult(null);
      return fail({ fields, general: [] });
    }
    void run(asOf ? { facts: built.facts, asOf } : { facts: built.facts }, true);
  }

  function handleClear() {
    inFlight.current?.abort();
    setValues(emptyValue(schema));
    setAsOf('');
    setErrors(NO_ERRORS);
    setResult(null);
    lastRequest.current = null;
    clearStored(code);
  }

  return (
    <>
      <PageHeading>{title}</PageHeading>
      <p className="lead">{t('precheck.intro')}</p>
      <ul className="hint-list">
        <li>{t('precheck.emptyMeansMissing')}</li>
        <li>{t('precheck.privacy')}</li>
      </ul>
      {programme.ruleSet && (
        <p className="muted">
          {t('precheck.ruleSetToday', { id: programme.ruleSet.id, version: String(programme.ruleSet.version) })}
        </p>
      )}

      <ErrorSummary title={t('errors.summaryTitle')} items={summary} focusSignal={failedSubmits} />

      <form id="precheck-form" className="form precheck-form" onSubmit={handleSubmit} noValidate aria-busy={submitting || undefined}>
        {schema.fields.length === 0 && <p>{t('precheck.noFacts')}</p>}
        <FactFormFields
          fields={schema.fields}
          values={values}
          onChange={handleChange}
          errors={errors.fields}
          asOfId={AS_OF_ID}
          asOf={asOf}
          onAsOfChange={setAsOf}
        />

        <div className="button-row">
          <button className="button" type="submit">
            {submitting ? t('precheck.submitting') : t('precheck.submit')}
          </button>
          <button className="button button--secondary" type="button" onClick={handleClear}>
            {t('precheck.clear')}
          </button>
        </div>
      </form>

      {submitting && <Loading />}
      {result && <PrecheckResultView result={result} programme={programme} headingRef={resultHeading} />}
    </>
  );
}

import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { CallBackLink } from '../../../components/ui/call-back-link';
import { CallOfficerLinks } from '../../../components/ui/call-officer-links';
import { ErrorSummary, type ErrorSummaryItem } from '../../../components/ui/error-summary';
import { LoadFailed } from '../../../components/ui/load-failed';
import { Loading } from '../../../components/ui/loading';
import { PageHeading } from '../../../components/ui/page-heading';
import { isAbortError, isApiError } from '../../../lib/api';
import { describeError } from '../../../lib/error-message';
import { clean, formatParameterValue, formatQuantity, unitWord } from '../../../lib/format';
import { localize, useI18n, type Language, type Translate } from '../../../lib/i18n';
import { useApiResource } from '../../../lib/use-api-resource';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { getCall } from '../../calls/api/get-call';
import { getCallParameters } from '../api/get-call-parameters';
import { runSimulation } from '../api/run-simulation';
import type { CallParameter, SimulationResult } from '../types';
import { fromInputText, toInputText } from '../values';
import { NumberField } from './number-field';
import { SimulationResults } from './simulation-results';
import { useNow } from '../../../lib/use-now';

/** The input of a parameter: `param-` and its id with dots as dashes ("HTE-E04.minTechStaffShare" → "param-HTE-E04-minTechStaffShare"). */
export function parameterInputId(parameterId: string): string {
  return `param-${parameterId.replace(/\./g, '-')}`;
}

type Loaded = { parameters: Awaited<ReturnType<typeof getCallParameters>>; callTitle: string | null };

async function load(callId: string, signal: AbortSignal): Promise<Loaded> {
  const [parameters, call] = await Promise.all([
    getCallParameters(callId, signal),
    // The title only names the page; without it the page still works.
    getCall(callId, signal).catch((error: unknown) => {
      if (isAbortError(error)) throw error;
      return null;
    }),
  ]);
  return { parameters, callTitle: call?.title ?? null };
}

/** Officers and admins: change some of the call's rule parameters and see how screening would come out. Nothing is saved. */
export function SimulatePage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const resource = useApiResource(`simulate:${id}`, (signal) => load(id, signal));
  const notFound = resource.status === 'error' && isApiError(resource.error) && resource.error.status === 404;
  const callTitle = resource.status === 'success' ? resource.data.callTitle : null;
  const title = callTitle ? t('simulate.title', { title: callTitle }) : t('simulate.titleGeneric');

  return (
    <>
      <CallBackLink callId={id} />
      <PageHeading>{title}</PageHeading>
      <CallOfficerLinks callId={id} current="simulate" />
      <p className="lead">{t('simulate.intro')}</p>
      {resource.status === 'loading' && <Loading />}
      {notFound && <p>{t('simulate.notFound')}</p>}
      {resource.status === 'error' && !notFound && <LoadFailed message="simulate.loadFailed" error={resource.error} onRetry={resource.reload} />}
      {resource.status === 'success' && resource.data.parameters.items.length === 0 && <p id="simulate-empty">{t('simulate.empty')}</p>}
      {/* The form sets the tab title itself (it marks errors there); otherwise it is set here. */}
      {resource.status === 'success' && resource.data.parameters.items.length > 0 ? (
        <SimulateForm key={id} callId={id} items={resource.data.parameters.items} title={title} />
      ) : (
        <DocumentTitle title={title} />
      )}
    </>
  );
}

function DocumentTitle({ title }: { title: string }) {
  useDocumentTitle(title);
  return null;
}

type Run =
  | { state: 'idle' }
  | { state: 'running'; startedAt: number }
  | { state: 'cancelled' }
  | { state: 'done'; result: SimulationResult };

function isEditable(parameter: CallParameter): parameter is CallParameter & { value: number } {
  return typeof parameter.value === 'number' && Number.isFinite(parameter.value);
}

function SimulateForm({ callId, items, title }: { callId: string; items: CallParameter[]; title: string }) {
  const { language, t } = useI18n();
  const initial = () => Object.fromEntries(items.filter(isEditable).map((p) => [p.id, toInputText(p.value, p.unit)]));
  const [values, setValues] = useState<Record<string, string>>(initial);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [failed, setFailed] = useState(0);
  const [run, setRun] = useState<Run>({ state: 'idle' });
  const controller = useRef<AbortController | null>(null);
  const runButton = useRef<HTMLButtonElement>(null);
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const [focusResults, setFocusResults] = useState(0);

  const summary: ErrorSummaryItem[] = [
    ...general.map((message) => ({ message })),
    ...items.flatMap((p) => (fieldErrors[p.id] ? [{ fieldId: parameterInputId(p.id), message: fieldErrors[p.id] }] : [])),
  ];
  useDocumentTitle(summary.length > 0 ? `${t('common.errorPrefix')}${title}` : title);

  // Stop a run still going when the officer leaves the page.
  useEffect(() => () => controller.current?.abort(), []);

  // The elapsed seconds while a run is going.
  const startedAt = run.state === 'running' ? run.startedAt : null;
  const now = useNow(1000, startedAt !== null);
  const elapsed = startedAt === null ? 0 : Math.max(0, Math.floor((now - startedAt) / 1000));

  useEffect(() => {
    if (focusResults > 0) resultsHeading.current?.focus();
  }, [focusResults]);

  const groups: { criterion: string; parameters: CallParameter[] }[] = [];
  for (const parameter of items) {
    const group = groups.find((g) => g.criterion === parameter.criterion);
    if (group) group.parameters.push(parameter);
    else groups.push({ criterion: parameter.criterion, parameters: [parameter] });
  }
  // Changed: typed differently and not the same number ("30.0" for 30% is no change; text that is no number is).
  const changedIds = items
    .filter((p) => {
      if (!isEditable(p)) return false;
      const text = values[p.id] ?? '';
      if (text === toInputText(p.value, p.unit)) return false;
      const value = fromInputText(text, p.unit);
      return value === null || clean(value) !== clean(p.value);
    })
    .map((p) => p.id);
  const hasRatio = items.some((p) => isEditable(p) && p.unit === 'ratio');
  const running = run.state === 'running';

  function fail(fields: Record<string, string>, messages: string[]) {
    setFieldErrors(fields);
    setGeneral(messages);
    setFailed((n) => n + 1);
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (running) return;
    // Only the values the officer changed are sent, as the rule set stores them (ratios as fractions).
    const parameters: Record<string, number> = {};
    const errors: Record<string, string> = {};
    for (const parameter of items) {
      if (!isEditable(parameter) || !changedIds.includes(parameter.id)) continue;
      const value = fromInputText(values[parameter.id] ?? '', parameter.unit);
      if (value === null) errors[parameter.id] = t('simulate.errors.notNumber', { label: localize(parameter.label, language) || parameter.id });
      else parameters[parameter.id] = value;
    }
    if (Object.keys(errors).length > 0) return fail(errors, []);
    // nothing changed: nothing to simulate (the server would refuse an empty change)
    if (Object.keys(parameters).length === 0) return fail({}, [t('simulate.errors.nothingChanged')]);
    setFieldErrors({});
    setGeneral([]);

    const abort = new AbortController();
    controller.current = abort;
    setRun({ state: 'running', startedAt: Date.now() });
    try {
      const result = await runSimulation(callId, parameters, abort.signal);
      if (abort.signal.aborted) return;
      setRun({ state: 'done', result });
      setFocusResults((n) => n + 1);
    } catch (error) {
      if (isAbortError(error) || abort.signal.aborted) return;
      setRun({ state: 'idle' });
      if (!isApiError(error) || error.errors.length === 0) return fail({}, [`${t('simulate.failed')} ${describeError(error, t)}`]);
      const fields: Record<string, string> = {};
      const rest: string[] = [];
      for (const problem of error.errors) {
        const parameterId = problem.field.replace(/^(body\.)?parameters\./, '');
        const known = problem.field !== parameterId && items.some((p) => p.id === parameterId && isEditable(p));
        if (known && !fields[parameterId]) fields[parameterId] = problem.message;
        else rest.push(problem.message);
      }
      fail(fields, rest);
    } finally {
      if (controller.current === abort) controller.current = null;
    }
  }

  function cancel() {
    controller.current?.abort();
    controller.current = null;
    setRun({ state: 'cancelled' });
    // The Cancel button goes away: the keyboard goes back to Run.
    runButton.current?.focus();
  }

  function reset() {
    setValues(initial());
    setFieldErrors({});
    setGeneral([]);
  }

  return (
    <>
      <ErrorSummary title={t('errors.summaryTitle')} items={summary} focusSignal={failed} />
      <section className="section" aria-labelledby="simulate-form-heading">
        <h2 id="simulate-form-heading">{t('simulate.formHeading')}</h2>
        {hasRatio && <p id="simulate-ratio-note">{t('simulate.ratioNote')}</p>}
        <form className="form simulate-form" id="simulate-form" onSubmit={(event) => void handleSubmit(event)} noValidate aria-busy={running || undefined}>
          {groups.map((group) => (
            <fieldset className="fieldset simulate-group" key={group.criterion} data-criterion={group.criterion}>
              <legend className="fieldset__legend">
                {t('simulate.criterion')} <span className="criterion__id">{group.criterion}</span>
              </legend>
              {group.parameters.map((parameter) =>
                isEditable(parameter) ? (
                  <NumberField
                    key={parameter.id}
                    id={parameterInputId(parameter.id)}
                    label={localize(parameter.label, language) || parameter.id}
                    hint={parameterHint(parameter, language, t)}
                    unit={unitWord(parameter.unit, language) || parameter.unit || undefined}
                    value={values[parameter.id] ?? ''}
                    onChange={(value) => setValues((current) => ({ ...current, [parameter.id]: value }))}
                    error={fieldErrors[parameter.id]}
                    preview={yuanPreview(values[parameter.id] ?? '', parameter.unit, language)}
                  />
                ) : (
                  <ReadOnlyParameter key={parameter.id} parameter={parameter} />
                ),
              )}
            </fieldset>
          ))}
          <p id="simulate-changed-count">
            {changedIds.length === 0 ? t('simulate.noChanges') : t('simulate.changedCount', { count: changedIds.length })}
          </p>
          <div className="button-row">
            <button className="button" type="submit" id="simulate-run" ref={runButton} aria-disabled={running || undefined}>
              {t('simulate.run')}
            </button>
            {running ? (
              <button className="button button--secondary" type="button" id="simulate-cancel" onClick={cancel}>
                {t('simulate.cancel')}
              </button>
            ) : (
              <button className="button button--secondary" type="button" id="simulate-reset" onClick={reset} disabled={changedIds.length === 0}>
                {t('simulate.reset')}
              </button>
            )}
          </div>
        </form>
        <div className="simulate-status" id="simulate-status" aria-live="polite">
          {run.state === 'running' && (
            <div className="simulate-progress">
              <progress className="simulate-progress__bar" id="simulate-progress" aria-label={t('simulate.running')} />
              <p className="simulate-progress__text">
                {t('simulate.running')} {t('simulate.elapsed', { seconds: elapsed })}
              </p>
            </div>
          )}
          {run.state === 'cancelled' && <p className="simulate-progress__text">{t('simulate.cancelled')}</p>}
        </div>
      </section>
      {run.state === 'done' && <SimulationResults result={run.result} headingRef={resultsHeading} />}
    </>
  );
}

function parameterHint(parameter: CallParameter & { value: number }, language: Language, t: Translate): string {
  const current = t('simulate.current', { value: formatQuantity(parameter.value, parameter.unit, language) });
  return parameter.source ? `${current} ${t('simulate.source', { source: parameter.source })}` : current;
}

function yuanPreview(text: string, unit: string, language: Language): string | undefined {
  if ((unit !== 'yuan' && unit !== 'usd') || !text.trim()) return undefined;
  const value = fromInputText(text, unit);
  return value !== null && Math.abs(value) >= 10000 ? formatQuantity(value, unit, language) : undefined;
}

/** A parameter whose value is a list, a table or text: shown, not changed here. */
function ReadOnlyParameter({ parameter }: { parameter: CallParameter }) {
  const { language, t } = useI18n();
  const lines = formatParameterValue(parameter.value, parameter.unit, language);
  return (
    <div className="field simulate-readonly" data-parameter={parameter.id}>
      <p className="field__label">{localize(parameter.label, language) || parameter.id}</p>
      <ul className="plain-list">
        {lines.map((line, index) => (
          <li key={index}>{line}</li>
        ))}
      </ul>
      <p className="field__hint">
        {t('simulate.readOnly')}
        {parameter.source && <> {t('simulate.source', { source: parameter.source })}</>}
      </p>
    </div>
  );
}

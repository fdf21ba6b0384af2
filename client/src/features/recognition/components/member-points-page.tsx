import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { ConfirmStep } from '../../../components/ui/confirm-step';
import { ErrorSummary, type ErrorSummaryItem } from '../../../components/ui/error-summary';
import { FactFormFields } from '../../../components/ui/fact-form-fields';
import { FactSummary } from '../../../components/ui/fact-summary';
import { LoadFailed } from '../../../components/ui/load-failed';
import { Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { PageHeading } from '../../../components/ui/page-heading';
import { isAbortError, isApiError } from '../../../lib/api';
import { describeError } from '../../../lib/error-message';
import { parseFactSchema, type ObjectNode } from '../../../lib/facts/fact-schema';
import {
  emptyValue,
  fromFacts,
  inputIds,
  nearestInputId,
  normalize,
  serverFieldPath,
  setIn,
  toFacts,
  type FormValue,
  type Path,
} from '../../../lib/facts/form-values';
import { formatFixed2 } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { recognitionStatusText } from '../../../lib/recognition/labels';
import { useApiResource } from '../../../lib/use-api-resource';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { computePoints } from '../api/compute-points';
import { getPointsProgramme } from '../api/get-programme';
import { getRequest } from '../api/get-request';
import { getRequests } from '../api/get-requests';
import { getTeam } from '../api/get-team';
import { submitRequest } from '../api/submit-request';
import type { PointsInput, PointsProgramme, PointsTeam, PrecheckResult, RecognitionRequest, RecognitionStatus, TeamMember } from '../types';
import { PointsBreakdown } from './points-breakdown';
import { RecognitionResult } from './recognition-result';

const AS_OF_ID = 'points-asOf';
const BIRTH_DATE = 'birthDate';
const SUBMITTED_ID = 'points-submitted';
const SUBMIT_ERROR_ID = 'points-submit-error';

type Loaded = { team: PointsTeam; member: TeamMember | null; programme: PointsProgramme; request: RecognitionRequest | null };

/** The member's request, if the firm has calculated their points before (the list holds one per member). */
async function findRequest(teamId: string, memberId: string, signal?: AbortSignal): Promise<RecognitionRequest | null> {
  const list = await getRequests({ teamId, limit: 200 }, signal);
  const found = list.items.find((item) => item.member.id === memberId);
  return found ? getRequest(found.id, signal) : null;
}

async function load(teamId: string, memberId: string, signal: AbortSignal): Promise<Loaded> {
  const [team, programme, request] = await Promise.all([getTeam(teamId, signal), getPointsProgramme(signal), findRequest(teamId, memberId, signal)]);
  return { team, member: team.members.find((member) => member.id === memberId) ?? null, programme, request };
}

/** Firm: a team member's residence points — the facts, the calculation with hints, submission and the confirmed result. */
export function MemberPointsPage() {
  const { id = '', memberId = '' } = useParams();
  const { t } = useI18n();
  const resource = useApiResource(`member-points:${id}:${memberId}`, (signal) => load(id, memberId, signal));
  const notFound = (resource.status === 'error' && isApiError(resource.error) && resource.error.status === 404) || (resource.status === 'success' && !resource.data.member);
  const member = resource.status === 'success' ? resource.data.member : null;
  const title = member?.name ? t('points.title', { name: member.name }) : t('points.titleGeneric');
  useDocumentTitle(title);

  return (
    <>
      <p className="back-link">
        {resource.status === 'success' ? (
          <Link to={`/teams/${encodeURIComponent(id)}`}>{t('points.backToTeam', { team: resource.data.team.name })}</Link>
        ) : (
          <Link to="/teams">{t('team.backToTeams')}</Link>
        )}
      </p>
      <PageHeading>{title}</PageHeading>
      {resource.status === 'loading' && <Loading />}
      {notFound && <p id="points-not-found">{t('points.notFound')}</p>}
      {resource.status === 'error' && !notFound && <LoadFailed message="points.loadFailed" error={resource.error} onRetry={resource.reload} />}
      {resource.status === 'success' && resource.data.member && (
        <PointsView key={`${id}:${memberId}`} team={resource.data.team} member={resource.data.member} programme={resource.data.programme} initial={resource.data.request} />
      )}
    </>
  );
}

type Errors = { fields: Record<string, string>; general: string[] };
const NO_ERRORS: Errors = { fields: {}, general: [] };

/** What the server keeps of the last calculation. */
type Kept = { id: string; status: RecognitionStatus; computedPoints: number };

type ViewProps = { team: PointsTeam; member: TeamMember; programme: PointsProgramme; initial: RecognitionRequest | null };

function PointsView({ team, member, programme, initial }: ViewProps) {
  const { language, t } = useI18n();
  const idHeld = Boolean(member.idNumberMasked);
  const schema = useMemo(() => parseFactSchema(programme.factSchema), [programme.factSchema]);
  // With the member's ID number held, the server takes the birth date from it: the form neither asks nor sends it.
  const formSchema = useMemo<ObjectNode>(() => (idHeld ? { ...schema, fields: schema.fields.filter((field) => field.name !== BIRTH_DATE) } : schema), [schema, idHeld]);

  const [values, setValues] = useState<FormValue>(() => (initial ? normalize(formSchema, fromFacts(formSchema, initial.facts)) : emptyValue(formSchema)));
  const [asOf, setAsOf] = useState(initial?.asOf ?? '');
  const [kept, setKept] = useState<Kept | null>(initial ? { id: initial.id, status: initial.status, computedPoints: initial.computedPoints } : null);
  const [detail, setDetail] = useState<RecognitionRequest | null>(initial);
  const [result, setResult] = useState<PrecheckResult | null>(initial?.result ?? null);
  // The body of the calculation the server holds: the draft may be submitted only while the form still says the same.
  const [calculated, setCalculated] = useState<string | null>(() => (initial ? JSON.stringify(requestBody(formSchema, values, initial.asOf).body) : null));

  const [errors, setErrors] = useState<Errors>(NO_ERRORS);
  const [failedSubmits, setFailedSubmits] = useState(0);
  const [calculating, setCalculating] = useState(false);
  const [resultSignal, setResultSignal] = useState(0);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const inFlight = useRef<AbortController | null>(null);

  const [asking, setAsking] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  const [submitError, setSubmitError] = useState('');
  const [focusTarget, setFocusTarget] = useState<{ id: string } | null>(null);

  useEffect(() => {
    if (resultSignal > 0) resultHeading.current?.focus();
  }, [resultSignal]);
  useEffect(() => {
    if (focusTarget) document.getElementById(focusTarget.id)?.focus();
  }, [focusTarget]);
  useEffect(() => () => inFlight.current?.abort(), []);

  // The server words the result in the request's language: load the kept request again when the language changes.
  const previousLanguage = useRef(language);
  useEffect(() => {
    if (previousLanguage.current === language) return;
    previousLanguage.current = language;
    if (kept) void reloadRequest();
  }, [language]);

  const status = kept?.status ?? null;
  const editable = !member.erasedAt && (status === null || status === 'draft');
  const built = useMemo(() => requestBody(formSchema, values, asOf), [formSchema, values, asOf]);
  const stale = calculated === null || JSON.stringify(built.body) !== calculated;

  const ids = useMemo(() => [...inputIds(formSchema, values, []), AS_OF_ID], [formSchema, values]);
  const summary: ErrorSummaryItem[] = [
    ...errors.general.map((message) => ({ message })),
    ...ids.flatMap((id) => (errors.fields[id] ? [{ fieldId: id, message: errors.fields[id] }] : [])),
  ];

  async function reloadRequest() {
    try {
      const request = kept ? await getRequest(kept.id) : await findRequest(team.id, member.id);
      if (!request) return;
      setDetail(request);
      setKept({ id: request.id, status: request.status, computedPoints: request.computedPoints });
      setResult(request.result);
    } catch {
      // The page keeps what it shows; the next action reports any lasting problem.
    }
  }

  function fail(next: Errors) {
    setErrors(next);
    setFailedSubmits((n) => n + 1);
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

  async function calculate(body: PointsInput) {
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    setCalculating(true);
    try {
      const { request, ...answer } = await computePoints(team.id, member.id, body, controller.signal);
      setResult(answer);
      setKept(request);
      setCalculated(JSON.stringify(body));
      setErrors(NO_ERRORS);
      setResultSignal((n) => n + 1);
    } catch (error) {
      if (isAbortError(error)) return;
      fail(mapServerErrors(error));
      // 409: the request was submitted meanwhile (another tab or colleague): show it as it now is.
      if (isApiError(error) && error.status === 409) void reloadRequest();
    } finally {
      if (inFlight.current === controller) {
        inFlight.current = null;
        setCalculating(false);
      }
    }
  }

  function handleCalculate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (calculating) return;
    const fields: Record<string, string> = {};
    for (const problem of built.errors) fields[problem.fieldId] ??= t(problem.key, problem.values);
    if (asOf && !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) fields[AS_OF_ID] = t('precheck.errors.notDate');
    if (Object.keys(fields).length > 0) return fail({ fields, general: [] });
    setAsking(false);
    setSubmitError('');
    void calculate(built.body);
  }

  function handleChange(path: Path, next: FormValue) {
    setValues((current) => setIn(current, path, next));
  }

  async function handleSubmitConfirmed() {
    if (!kept || submitting) return;
    setSubmitting(true);
    try {
      const request = await submitRequest(kept.id);
      setAsking(false);
      setDetail(request);
      setKept({ id: request.id, status: request.status, computedPoints: request.computedPoints });
      setResult(request.result);
      setSubmitted(true);
      setFocusTarget({ id: SUBMITTED_ID });
    } catch (error) {
      setAsking(false);
      setSubmitError(describeError(error, t));
      setFocusTarget({ id: SUBMIT_ERROR_ID });
      if (isApiError(error) && error.status === 409) void reloadRequest();
    } finally {
      setSubmitting(false);
    }
  }

  function cancelSubmit() {
    setAsking(false);
    setFocusTarget({ id: 'points-submit' });
  }

  const points = (value: number) => formatFixed2(value, language);
  const birthDateNote = member.idNumberMasked ? t('points.birthDateFromId', { masked: member.idNumberMasked }) : '';

  return (
    <>
      <p className="lead">{t('points.intro')}</p>
      <dl className="summary-list" id="points-member">
        <div className="summary-list__row">
          <dt>{t('points.team')}</dt>
          <dd>
            {team.name} <span className="muted">{team.company.name}</span>
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>{t('points.idNumber')}</dt>
          <dd>{member.idNumberMasked ? <span className="code-text id-number">{member.idNumberMasked}</span> : <span className="muted">{t('points.idNotGiven')}</span>}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t('points.status')}</dt>
          <dd>
            <span className={`status status--recognition-${status ?? 'none'}`} id="points-status" data-status={status ?? 'none'}>
              {recognitionStatusText(status, t)}
            </span>
          </dd>
        </div>
        {kept && (
          <div className="summary-list__row">
            <dt>{t('points.computed')}</dt>
            <dd id="points-computed" data-points={kept.computedPoints}>
              {t('breakdown.pointsValue', { points: points(kept.computedPoints) })}
            </dd>
          </div>
        )}
      </dl>

      {submitted && (
        <Notice kind="success">
          <p className="notice__title focus-heading" id={SUBMITTED_ID} tabIndex={-1}>
            {t('points.submitted', { name: member.name })}
          </p>
        </Notice>
      )}
      {status === 'submitted' && !submitted && (
        <Notice kind="info">
          <p id="points-waiting">{t('points.waiting')}</p>
        </Notice>
      )}
      {member.erasedAt && <p id="points-erased">{t('points.memberErased')}</p>}

      {status === 'confirmed' && detail && <RecognitionResult request={detail} />}

      {editable ? (
        <section className="section" aria-labelledby="points-facts-heading">
          <h2 id="points-facts-heading">{t('points.factsTitle')}</h2>
          <ul className="hint-list">
            <li>{t('points.emptyMeansMissing')}</li>
            <li>{t('points.keptAsDraft')}</li>
          </ul>
          <ErrorSummary title={t('errors.summaryTitle')} items={summary} focusSignal={failedSubmits} />
          <form id="points-form" className="form precheck-form" onSubmit={handleCalculate} noValidate aria-busy={calculating || undefined}>
            <FactFormFields
              fields={schema.fields}
              values={values}
              onChange={handleChange}
              errors={errors.fields}
              asOfId={AS_OF_ID}
              asOf={asOf}
              onAsOfChange={setAsOf}
              replaceField={(field) =>
                field.name === BIRTH_DATE && idHeld ? (
                  <div className="field points-derived" id="points-birthDate-note">
                    <p className="field__label">{t('points.birthDate')}</p>
                    <p className="field__hint">{birthDateNote}</p>
                  </div>
                ) : null
              }
            />

            <div className="button-row">
              <button className="button" type="submit" id="points-calculate">
                {calculating ? t('points.calculating') : t('points.calculate')}
              </button>
            </div>
          </form>
          {calculating && <Loading />}
        </section>
      ) : (
        detail && (
          <section className="section" aria-labelledby="points-facts-heading">
            <h2 id="points-facts-heading">{t('points.factsReadOnly')}</h2>
            <FactSummary
              facts={idHeld ? { ...detail.facts, [BIRTH_DATE]: birthDateNote } : detail.facts}
              factSchema={programme.factSchema}
              notGiven={t('points.notGiven')}
            />
          </section>
        )
      )}

      {result && (
        <section className="section" id="points-result" aria-labelledby="points-result-heading">
          <h2 id="points-result-heading" className="focus-heading" tabIndex={-1} ref={resultHeading}>
            {t('points.resultTitle')}
          </h2>
          <PointsBreakdown result={result} programme={programme} id="points-breakdown" forFirm />
        </section>
      )}

      {kept && status === 'draft' && !member.erasedAt && (
        <section className="section" aria-labelledby="points-submit-heading">
          <h2 id="points-submit-heading">{t('points.submitTitle')}</h2>
          <p>{t('points.submitIntro')}</p>
          {submitError && (
            <Notice kind="error">
              <p className="notice__title focus-heading" id={SUBMIT_ERROR_ID} tabIndex={-1}>
                {submitError}
              </p>
            </Notice>
          )}
          {stale ? (
            <p className="notice notice--info" id="points-stale">
              {t('points.stale')}
            </p>
          ) : asking ? (
            <ConfirmStep
              id="points-submit-step"
              title={t('points.submitQuestion', { name: member.name })}
              confirmLabel={t('points.submitConfirm')}
              busyLabel={t('points.submitBusy')}
              cancelLabel={t('points.cancel')}
              busy={submitting}
              onConfirm={() => void handleSubmitConfirmed()}
              onCancel={cancelSubmit}
            >
              <p>{t('points.submitBody', { points: points(kept.computedPoints) })}</p>
            </ConfirmStep>
          ) : (
            <div className="button-row">
              <button
                className="button"
                type="button"
                id="points-submit"
                onClick={() => {
                  setSubmitError('');
                  setAsking(true);
                }}
              >
                {t('points.submit')}
              </button>
            </div>
          )}
        </section>
      )}
    </>
  );
}

/** The request body the form now stands for, and any input that cannot be read. */
function requestBody(schema: ObjectNode, values: FormValue, asOf: string): { body: PointsInput; errors: ReturnType<typeof toFacts>['errors'] } {
  const { facts, errors } = toFacts(schema, values);
  return { body: asOf ? { facts, asOf } : { facts }, errors };
}

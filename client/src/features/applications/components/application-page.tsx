import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorSummary, type ErrorSummaryItem } from '../../../components/ui/error-summary';
import { FactField } from '../../../components/ui/fact-fields';
import { Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { PageHeading } from '../../../components/ui/page-heading';
import { PrecheckResultView } from '../../../components/ui/screening-result';
import { isApiError, NETWORK_ERROR } from '../../../lib/api';
import { formatDateTime, formatTime } from '../../../lib/datetime';
import { describeError } from '../../../lib/error-message';
import { parseFactSchema, type ObjectNode } from '../../../lib/facts/fact-schema';
import { fieldId, nearestInputId, serverFieldPath } from '../../../lib/facts/form-values';
import { formatParameterValue } from '../../../lib/format';
import { localize, useI18n } from '../../../lib/i18n';
import { hasAnyRole, useSession } from '../../../lib/session';
import { useApiResource } from '../../../lib/use-api-resource';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { getApplication } from '../api/get-application';
import { getProgramme } from '../api/get-programme';
import { submitApplication } from '../api/submit-application';
import { SECTION_TITLES, sectionOfFact, sectionsOf, type FactSection } from '../sections';
import { isEditable, statusLabel } from '../status';
import type { Application, ApplicationDocument, ProgrammeForApplication } from '../types';
import { useAutosave, type SaveState } from '../use-autosave';
import { APPEAL_EVIDENCE, AppealSection } from './appeal-section';
import { DecisionSection } from './decision-section';
import { DocumentsSection, documentKinds } from './documents-section';
import { ReturnControl, WithdrawControl } from './status-actions';
import { Timeline } from './timeline';

export function ApplicationPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const resource = useApiResource(`application:${id}`, async (signal) => {
    const application = await getApplication(id, signal);
    const programme = await getProgramme(application.programme, signal);
    return { application, programme };
  });
  const notFound = resource.status === 'error' && isApiError(resource.error) && resource.error.status === 404;
  const expired = resource.status === 'error' && isApiError(resource.error) && resource.error.status === 401;

  if (resource.status === 'success') {
    return <ApplicationView key={id} initial={resource.data.application} programme={resource.data.programme} />;
  }
  return (
    <StatusOnly title={notFound ? t('application.notFoundTitle') : t('application.titleGeneric')}>
      {resource.status === 'loading' && <Loading />}
      {notFound && <p>{t('application.notFoundBody')}</p>}
      {expired && (
        <Notice kind="error">
          <p>
            {t('autosave.expired')} <Link to={`/login?next=${encodeURIComponent(`/applications/${id}`)}`}>{t('autosave.signInAgain')}</Link>
          </p>
        </Notice>
      )}
      {resource.status === 'error' && !notFound && !expired && (
        <Notice kind="error">
          <p>
            {t('application.loadFailed')} {describeError(resource.error, t)}
          </p>
          <button className="button button--secondary" type="button" onClick={resource.reload}>
            {t('common.retry')}
          </button>
        </Notice>
      )}
    </StatusOnly>
  );
}

function StatusOnly({ title, children }: { title: string; children: ReactNode }) {
  useDocumentTitle(title);
  return (
    <>
      <p className="back-link">
        <Link to="/applications">{useI18n().t('application.backToList')}</Link>
      </p>
      <PageHeading>{title}</PageHeading>
      {children}
    </>
  );
}

function ApplicationView({ initial, programme }: { initial: Application; programme: ProgrammeForApplication }) {
  const { language, t } = useI18n();
  const { user } = useSession();
  const staff = hasAnyRole(user, ['officer', 'admin']);
  const [application, setApplication] = useState(initial);
  const schema = useMemo(() => parseFactSchema(programme.factSchema), [programme.factSchema]);
  const sections = useMemo(() => sectionsOf(schema), [schema]);
  const editable = !staff && isEditable(application.status);
  const title = t('application.title', { title: application.call.title });
  useDocumentTitle(title);

  const [statusChanged, setStatusChanged] = useState(0);
  async function refresh() {
    setApplication(await getApplication(application.id));
    setStatusChanged((n) => n + 1);
  }
  /** Reloads without moving focus to the screening result (the appeal section moves focus itself). */
  async function reload() {
    setApplication(await getApplication(application.id));
  }

  const labelOf = (name: string) => {
    const field = schema.fields.find((f) => f.name === name);
    return field ? localize(field.label, language) : name;
  };
  const statusKey = statusLabel(application.status);

  return (
    <>
      <p className="back-link">
        {staff ? (
          <Link to={`/calls/${encodeURIComponent(application.callId)}/applications`}>{t('application.backToCall')}</Link>
        ) : (
          <Link to="/applications">{t('application.backToList')}</Link>
        )}
      </p>
      <PageHeading>{title}</PageHeading>
      <dl className="summary-list" id="application-summary">
        <div className="summary-list__row">
          <dt>{t('application.programme')}</dt>
          <dd>{localize(programme.name, language)}</dd>
        </div>
        {application.company && (
          <div className="summary-list__row">
            <dt>{t('application.company')}</dt>
            <dd>{application.company.name}</dd>
          </div>
        )}
        <div className="summary-list__row">
          <dt>{t('application.status')}</dt>
          <dd>
            <span className={`status status--${application.status}`} id="application-status" data-status={application.status}>
              {statusKey ? t(statusKey) : application.status}
            </span>
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>{t('application.deadline')}</dt>
          <dd>
            <Deadline closesAt={application.call.closesAt} graceMinutes={application.call.graceMinutes} />
          </dd>
        </div>
        {application.submittedAt && (
          <div className="summary-list__row">
            <dt>{t('application.submittedAt')}</dt>
            <dd>{formatDateTime(application.submittedAt, language)}</dd>
          </div>
        )}
      </dl>

      <DecisionSection application={application} staff={staff} />
      <AppealSection application={application} programme={programme} staff={staff} onChanged={reload} />

      {editable ? (
        <Editor application={application} programme={programme} schema={schema} sections={sections} onChanged={setApplication} onRefresh={refresh} />
      ) : (
        <ReadOnly application={application} programme={programme} schema={schema} sections={sections} focusSignal={statusChanged} />
      )}

      <section className="section" aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">{t('timeline.title')}</h2>
        <Timeline history={application.history} labelOf={labelOf} />
      </section>

      {!staff && <WithdrawControl application={application} onDone={refresh} />}
      {staff && <ReturnControl application={application} onDone={refresh} />}
    </>
  );
}

function Deadline({ closesAt, graceMinutes }: { closesAt: string; graceMinutes: number }) {
  const { language, t } = useI18n();
  return (
    <>
      <time dateTime={closesAt}>{formatDateTime(closesAt, language)}</time> {t('calls.beijingTime')}
      {graceMinutes > 0 && <> {t('calls.grace', { minutes: graceMinutes })}</>}
    </>
  );
}

function SaveStatus({ state, onRetry }: { state: SaveState; onRetry: () => void }) {
  const { language, t } = useI18n();
  let text = t('autosave.idle');
  if (state.kind === 'pending') text = t('autosave.pending');
  else if (state.kind === 'saving') text = t('autosave.saving');
  else if (state.kind === 'saved') text = t('autosave.savedAt', { time: formatTime(state.at, language) });
  else if (state.kind === 'error') text = t('autosave.failed', { message: state.message });
  return (
    <div className="save-status">
      <p className="save-status__text" role="status" id="save-status" data-state={state.kind}>
        {text}
      </p>
      {state.kind === 'error' && (
        <button className="button button--secondary button--small" type="button" onClick={onRetry}>
          {t('autosave.retry')}
        </button>
      )}
    </div>
  );
}

type EditorProps = {
  application: Application;
  programme: ProgrammeForApplication;
  schema: ObjectNode;
  sections: FactSection[];
  onChanged: (application: Application) => void;
  onRefresh: () => Promise<void>;
};

function Editor({ application, programme, schema, sections, onChanged, onRefresh }: EditorProps) {
  const { language, t } = useI18n();
  const autosave = useAutosave({
    applicationId: application.id,
    schema,
    facts: application.facts,
    version: application.version,
    enabled: true,
    t,
  });
  const [documents, setDocuments] = useState<ApplicationDocument[]>(application.documents);
  const [submitErrors, setSubmitErrors] = useState<{ fields: Record<string, string>; items: ErrorSummaryItem[] }>({ fields: {}, items: [] });
  const [failedSubmits, setFailedSubmits] = useState(0);
  const [submitting, setSubmitting] = useState(false);
  const idempotencyKey = useRef<string | null>(null);

  const values = autosave.values;
  const valueOf = (name: string) => (typeof values === 'object' && !Array.isArray(values) ? values[name] : undefined);
  const errors = { ...submitErrors.fields, ...autosave.fieldErrors };
  const kinds = documentKinds(programme, documents);
  const documentsDone = kinds.filter((k) => k.required).every((k) => documents.some((d) => d.kind === k.kind));

  function sectionDone(section: FactSection) {
    return section.fields.every((field) => autosave.facts[field.name] !== undefined);
  }

  async function handleSubmit() {
    if (submitting) return;
    setSubmitting(true);
    const saved = await autosave.flush();
    if (!saved) {
      setSubmitting(false);
      setSubmitErrors({ fields: {}, items: [{ message: t('submit.saveFirst') }] });
      setFailedSubmits((n) => n + 1);
      return;
    }
    idempotencyKey.current ??= newKey();
    try {
      await submitApplication(application.id, idempotencyKey.current);
      idempotencyKey.current = null;
      setSubmitErrors({ fields: {}, items: [] });
      await onRefresh();
    } catch (error) {
      if (!(isApiError(error) && error.code === NETWORK_ERROR)) idempotencyKey.current = null;
      setSubmitErrors(mapSubmitErrors(error));
      setFailedSubmits((n) => n + 1);
    } finally {
      setSubmitting(false);
    }
  }

  function mapSubmitErrors(error: unknown): { fields: Record<string, string>; items: ErrorSummaryItem[] } {
    const message = describeError(error, t);
    if (!isApiError(error) || error.errors.length === 0) return { fields: {}, items: [{ message }] };
    const fields: Record<string, string> = {};
    const items: ErrorSummaryItem[] = [];
    for (const problem of error.errors) {
      if (problem.field.startsWith('documents.')) {
        const kind = problem.field.slice('documents.'.length);
        const id = `upload-${kind}`;
        fields[id] ??= problem.message;
        items.push({ fieldId: id, message: problem.message });
        continue;
      }
      const { inFacts, path } = serverFieldPath(problem.field);
      const id = inFacts ? nearestInputId(path, autosave.ids) : undefined;
      if (id) {
        fields[id] ??= problem.message;
        const section = sectionOfFact(sections, path[0]);
        const where = section ? sectionTitle(section, t) : '';
        items.push({ fieldId: id, message: where ? `${where}：${problem.message}` : problem.message });
      } else {
        items.push({ message: problem.message });
      }
    }
    return { fields, items };
  }

  // Keep the page's copy of documents in step, for the read-only view after submission.
  useEffect(() => {
    onChanged({ ...application, documents });
  }, [documents]);

  return (
    <>
      <SaveStatus state={autosave.state} onRetry={() => void autosave.retry()} />
      <AutosaveNotices autosave={autosave} applicationId={application.id} labelOf={(name) => labelFor(schema, name, language)} />

      <nav className="task-list" aria-labelledby="task-list-heading">
        <h2 id="task-list-heading">{t('wizard.taskList')}</h2>
        <ol className="task-list__items">
          {sections.map((section) => (
            <TaskItem key={section.key} href={`#section-${section.key}`} title={sectionTitle(section, t)} done={sectionDone(section)} />
          ))}
          <TaskItem href="#section-documents" title={t('wizard.section.documents')} done={documentsDone} />
          <TaskItem href="#section-submit" title={t('wizard.section.submit')} done={false} />
        </ol>
      </nav>

      <form id="application-form" className="form application-form" noValidate onSubmit={(event) => event.preventDefault()}>
        {sections.map((section) => (
          <section className="section wizard-section" id={`section-${section.key}`} key={section.key} aria-labelledby={`section-${section.key}-heading`}>
            <h2 id={`section-${section.key}-heading`}>
              {sectionTitle(section, t)} <span className="task-state">{sectionDone(section) ? t('wizard.done') : t('wizard.notDone')}</span>
            </h2>
            {section.fields.map((field) => (
              <FactField key={field.name} node={field} path={[field.name]} value={valueOf(field.name)} onChange={autosave.change} errors={errors} />
            ))}
          </section>
        ))}
      </form>

      <section className="section wizard-section" id="section-documents" aria-labelledby="section-documents-heading">
        <h2 id="section-documents-heading">
          {t('wizard.section.documents')} <span className="task-state">{documentsDone ? t('wizard.done') : t('wizard.notDone')}</span>
        </h2>
        <DocumentsSection applicationId={application.id} programme={programme} documents={documents} onChange={setDocuments} editable errors={submitErrors.fields} />
      </section>

      <section className="section wizard-section" id="section-submit" aria-labelledby="section-submit-heading">
        <h2 id="section-submit-heading">{t('wizard.section.submit')}</h2>
        <p>
          {t('submit.deadline')} <Deadline closesAt={application.call.closesAt} graceMinutes={application.call.graceMinutes} />
        </p>
        <p>{t('submit.explain')}</p>
        <ErrorSummary title={t('submit.problemsTitle')} items={submitErrors.items} focusSignal={failedSubmits} />
        <button className="button" type="button" id="submit-application" onClick={() => void handleSubmit()} aria-disabled={submitting || undefined}>
          {submitting ? t('submit.submitting') : application.status === 'returned' ? t('submit.resubmit') : t('submit.submit')}
        </button>
      </section>
    </>
  );
}

function newKey(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function labelFor(schema: ObjectNode, name: string, language: 'zh-CN' | 'en'): string {
  const field = schema.fields.find((f) => f.name === name);
  return field ? localize(field.label, language) : name;
}

function sectionTitle(section: FactSection, t: ReturnType<typeof useI18n>['t']): string {
  const base = t(SECTION_TITLES[section.kind]);
  return section.parts > 1 ? t('wizard.sectionPart', { title: base, n: section.part }) : base;
}

function TaskItem({ href, title, done }: { href: string; title: string; done: boolean }) {
  const { t } = useI18n();
  return (
    <li className="task-list__item">
      <a href={href} onClick={(event) => jumpTo(event, href.slice(1))}>
        {title}
      </a>
      <span className={done ? 'tag task-list__state' : 'tag tag--muted task-list__state'}>{done ? t('wizard.done') : t('wizard.notDone')}</span>
    </li>
  );
}

// Move focus to the section's heading rather than following the fragment (which would change the URL).
function jumpTo(event: React.MouseEvent<HTMLAnchorElement>, id: string) {
  const target = document.getElementById(id);
  if (!target) return;
  event.preventDefault();
  const heading = target.querySelector<HTMLElement>('h2');
  target.scrollIntoView({ block: 'start' });
  if (heading) {
    heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
  }
}

function AutosaveNotices({
  autosave,
  applicationId,
  labelOf,
}: {
  autosave: ReturnType<typeof useAutosave>;
  applicationId: string;
  labelOf: (name: string) => string;
}) {
  const { language, t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');
  const { state } = autosave;

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setProblem('');
    try {
      await action();
    } catch (error) {
      setProblem(describeError(error, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      {state.kind === 'expired' && (
        <Notice kind="error">
          <p>
            {t('autosave.expired')}{' '}
            <Link to={`/login?next=${encodeURIComponent(`/applications/${applicationId}`)}`}>{t('autosave.signInAgain')}</Link>
          </p>
        </Notice>
      )}
      {state.kind === 'locked' && (
        <Notice kind="error">
          <p>{state.message}</p>
        </Notice>
      )}
      {state.kind === 'conflict' && (
        <Notice kind="error">
          <p className="notice__title">{t('autosave.conflictTitle')}</p>
          <p>{t('autosave.conflictBody')}</p>
          <div className="button-row">
            <button className="button" type="button" disabled={busy} onClick={() => void run(autosave.loadTheirs)}>
              {t('autosave.loadTheirs')}
            </button>
            <button className="button button--secondary" type="button" disabled={busy} onClick={() => void run(autosave.keepMine)}>
              {t('autosave.keepMine')}
            </button>
          </div>
          {problem && <p>{problem}</p>}
        </Notice>
      )}
      {autosave.setAside && (
        <Notice kind="info">
          <p className="notice__title">{t('autosave.yourEditsTitle')}</p>
          <p>{t('autosave.yourEditsBody')}</p>
          <ul className="plain-list" id="set-aside-edits">
            {Object.entries(autosave.setAside).map(([name, value]) => (
              <li key={name}>
                <a href={`#${fieldId([name])}`}>{labelOf(name)}</a>: {value === null ? t('autosave.cleared') : formatParameterValue(value, undefined, language).join(', ')}
              </li>
            ))}
          </ul>
          <button className="button button--secondary button--small" type="button" onClick={autosave.dismissSetAside}>
            {t('autosave.dismiss')}
          </button>
        </Notice>
      )}
    </>
  );
}

function ReadOnly({
  application,
  programme,
  schema,
  sections,
  focusSignal,
}: {
  application: Application;
  programme: ProgrammeForApplication;
  schema: ObjectNode;
  sections: FactSection[];
  focusSignal: number;
}) {
  const { language, t } = useI18n();
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const factsHeading = useRef<HTMLHeadingElement>(null);
  // After submitting or withdrawing, the button pressed is gone: move focus to what now matters.
  useEffect(() => {
    if (focusSignal > 0) (resultHeading.current ?? factsHeading.current)?.focus();
  }, [focusSignal]);
  return (
    <>
      {application.screening && (
        <PrecheckResultView result={application.screening} programme={programme} headingRef={resultHeading} />
      )}
      <section className="section" aria-labelledby="facts-heading">
        <h2 id="facts-heading" tabIndex={-1} ref={factsHeading} className="focus-heading">
          {t('application.factsTitle')}
        </h2>
        {sections.map((section) => (
          <div key={section.key}>
            <h3>{sectionTitle(section, t)}</h3>
            <dl className="summary-list">
              {section.fields.map((field) => {
                const value = application.facts[field.name];
                const text =
                  value === undefined || value === null
                    ? t('application.notGiven')
                    : formatParameterValue(value, field.kind === 'number' ? field.unit : undefined, language).join('；');
                return (
                  <div className="summary-list__row" key={field.name} data-fact={field.name}>
                    <dt>{localize(field.label, language)}</dt>
                    <dd>{text}</dd>
                  </div>
                );
              })}
            </dl>
          </div>
        ))}
        {schema.fields.length === 0 && <p>{t('precheck.noFacts')}</p>}
      </section>
      <section className="section" aria-labelledby="documents-heading">
        <h2 id="documents-heading">{t('wizard.section.documents')}</h2>
        <DocumentsSection
          applicationId={application.id}
          programme={programme}
          documents={application.documents.filter((document) => document.kind !== APPEAL_EVIDENCE)}
          onChange={() => undefined}
          editable={false}
          errors={{}}
        />
      </section>
    </>
  );
}

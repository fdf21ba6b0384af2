import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { DecisionSummary } from '../../../components/ui/decision-summary';
import { LoadFailed } from '../../../components/ui/load-failed';
import { Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { PageHeading } from '../../../components/ui/page-heading';
import { ScoreSummary } from '../../../components/ui/score-summary';
import { isApiError } from '../../../lib/api';
import { appealStatusText, letterKindText } from '../../../lib/decisions/labels';
import { letterPdfUrl, verifyPath } from '../../../lib/decisions/letters';
import { formatYuan } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { applicationStatusText } from '../../../lib/reviews/labels';
import { useApiResource } from '../../../lib/use-api-resource';
import { useRefreshable } from '../../../lib/use-refreshable';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { getApplication } from '../api/get-application';
import { getCall } from '../api/get-call';
import { getPanelResult } from '../api/get-panel-result';
import { getRanking } from '../api/get-ranking';
import type { ApplicationForDecision, CallBudget, DecisionResult, PanelResult, RankingItem } from '../types';
import { DecisionForm } from './decision-form';
import { LettersSection } from './letters-section';
import { MailDelivery } from './mail-delivery';

type Loaded = {
  application: ApplicationForDecision;
  call: CallBudget;
  /** The panel result and the ranking row help the officer decide; the page works without them. */
  panel: PanelResult | null;
  rankItem: RankingItem | null;
};

async function load(id: string, signal?: AbortSignal): Promise<Loaded> {
  const application = await getApplication(id, signal);
  const [call, panel, ranking] = await Promise.all([
    getCall(application.callId, signal),
    getPanelResult(id, signal).catch(() => null),
    getRanking(application.callId, signal).catch(() => null),
  ]);
  const rankItem = ranking?.items.find((item) => item.applicationId === id) ?? null;
  return { application, call, panel, rankItem };
}

/** Officer: decide one application (first stage or after an appeal), then its letters and e-mails. */
export function DecisionPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const resource = useApiResource(`decision:${id}`, (signal) => load(id, signal));
  const notFound = resource.status === 'error' && isApiError(resource.error) && resource.error.status === 404;
  const company = resource.status === 'success' ? resource.data.application.company?.name : undefined;
  const title = company ? t('decisionPage.title', { company }) : t('decisionPage.titleGeneric');
  useDocumentTitle(title);

  if (resource.status === 'success') return <DecisionView key={id} initial={resource.data} title={title} />;
  return (
    <>
      <PageHeading>{title}</PageHeading>
      {resource.status === 'loading' && <Loading />}
      {notFound && <p>{t('decisionPage.notFound')}</p>}
      {resource.status === 'error' && !notFound && <LoadFailed message="decisionPage.loadFailed" error={resource.error} onRetry={resource.reload} />}
    </>
  );
}

/** The application can be decided now: scored, or appealed with the appeal panel complete. */
function decidable(application: ApplicationForDecision): boolean {
  if (application.status === 'scored') return true;
  return application.status === 'appealed' && (!application.appeal || application.appeal.status === 'reviewed');
}

function DecisionView({ initial, title }: { initial: Loaded; title: string }) {
  const { t } = useI18n();
  const { data, refresh, refreshError } = useRefreshable(initial, () => load(initial.application.id));
  const [result, setResult] = useState<DecisionResult | null>(null);
  const [changes, setChanges] = useState(0);
  const { application, call } = data;

  async function handleDecided(decided: DecisionResult) {
    setResult(decided);
    setChanges((n) => n + 1);
    await refresh();
  }

  return (
    <>
      <p className="back-link">
        <Link to={`/calls/${encodeURIComponent(application.callId)}/decisions`}>{t('decisionPage.backToRanking')}</Link>
      </p>
      <PageHeading>{title}</PageHeading>
      {refreshError && (
        <Notice kind="error">
          <p>
            {t('decisionPage.refreshFailed')} {refreshError}
          </p>
        </Notice>
      )}
      <Facts data={data} />
      <p>
        <Link to={`/applications/${encodeURIComponent(application.id)}`}>{t('decisionPage.viewApplication')}</Link>
        {' · '}
        <Link to={`/applications/${encodeURIComponent(application.id)}/moderation?call=${encodeURIComponent(application.callId)}`}>{t('decisionPage.viewScores')}</Link>
      </p>

      <section className="section" aria-labelledby="decision-heading">
        <h2 id="decision-heading">{t('decisionPage.decisionTitle')}</h2>
        {result && <DecisionDone result={result} />}
        {application.decision && <DecisionSummary decision={application.decision} />}
        {application.appeal && (
          <p id="decision-appeal">
            {t('decisionPage.appealState', { status: appealStatusText(application.appeal.status, t) })}{' '}
            <Link to={`/calls/${encodeURIComponent(application.callId)}/appeals`}>{t('callLinks.appeals')}</Link>
          </p>
        )}
        {decidable(application) ? (
          <DecisionForm
            key={`${application.status}:${changes}`}
            applicationId={application.id}
            company={application.company?.name ?? ''}
            awardAmount={data.rankItem?.award.amount ?? application.screening?.award?.amount ?? null}
            remaining={Math.max(0, call.budget - call.committed)}
            appeal={application.status === 'appealed'}
            onDecided={handleDecided}
          />
        ) : (
          !result && <NotDecidable application={application} />
        )}
      </section>

      <LettersSection applicationId={application.id} reloadSignal={changes} onReissued={() => setChanges((n) => n + 1)} />
      <MailDelivery applicationId={application.id} reloadSignal={changes} />
    </>
  );
}

function Facts({ data }: { data: Loaded }) {
  const { language, t } = useI18n();
  const { application, call, panel, rankItem } = data;
  const award = rankItem?.award.amount ?? application.screening?.award?.amount ?? null;
  return (
    <dl className="summary-list" id="decision-facts">
      <div className="summary-list__row">
        <dt>{t('application.company')}</dt>
        <dd>
          {application.company?.name ?? '—'} {application.company && <span className="panel-card__uscc">{application.company.uscc}</span>}
        </dd>
      </div>
      <div className="summary-list__row">
        <dt>{t('applications.call')}</dt>
        <dd>{call.title}</dd>
      </div>
      <div className="summary-list__row">
        <dt>{t('application.status')}</dt>
        <dd>
          <span className={`status status--${application.status}`} id="decision-status" data-status={application.status}>
            {applicationStatusText(application.status, t)}
          </span>
        </dd>
      </div>
      {panel?.score && <ScoreSummary score={panel.score} />}
      {rankItem && (
        <div className="summary-list__row">
          <dt>{t('decisionPage.rank')}</dt>
          <dd>
            {t('decisionPage.rankValue', { rank: rankItem.rank })}
            {rankItem.aboveLine && <strong> {t('ranking.aboveLine')}</strong>}
          </dd>
        </div>
      )}
      <div className="summary-list__row">
        <dt>{t('decisionPage.award')}</dt>
        <dd data-award={award ?? undefined}>{award === null ? t('ranking.amountToSet') : formatYuan(award, language)}</dd>
      </div>
      <div className="summary-list__row">
        <dt>{t('decisionPage.remaining')}</dt>
        <dd data-remaining={Math.max(0, call.budget - call.committed)}>
          {t('decisionPage.remainingValue', {
            remaining: formatYuan(Math.max(0, call.budget - call.committed), language),
            total: formatYuan(call.budget, language),
          })}
        </dd>
      </div>
    </dl>
  );
}

/** The decision was recorded: which letter was issued, with download and verification links. */
function DecisionDone({ result }: { result: DecisionResult }) {
  const { t } = useI18n();
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [result]);
  const which = t('letters.forReference', { reference: result.letter.reference });
  return (
    <Notice kind="success">
      <p className="notice__title focus-heading" id="decision-done" tabIndex={-1} ref={ref}>
        {t('decisionPage.done', { kind: letterKindText(result.letter.kind, t), reference: result.letter.reference })}
      </p>
      <p>
        <a href={letterPdfUrl(result.letter.id)} download id="decision-letter-download">
          {t('letters.download')}
          <span className="visually-hidden">{which}</span>
        </a>
        {' · '}
        <Link to={verifyPath(result.letter.verifyCode)} id="decision-letter-verify">
          {t('letters.verify')}
          <span className="visually-hidden">{which}</span>
        </Link>
      </p>
    </Notice>
  );
}

function NotDecidable({ application }: { application: ApplicationForDecision }) {
  const { t } = useI18n();
  if (application.status === 'appealed') {
    return (
      <p className="notice notice--info" id="decision-unavailable">
        {t('decisionPage.appealNotReviewed')}
      </p>
    );
  }
  if (application.decision) return null;
  return (
    <p className="muted" id="decision-unavailable">
      {t('decisionPage.onlyScored')}
    </p>
  );
}

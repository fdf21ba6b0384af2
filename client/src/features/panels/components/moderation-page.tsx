import { Link, useParams, useSearchParams } from 'react-router';
import { Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { PageHeading } from '../../../components/ui/page-heading';
import { isApiError } from '../../../lib/api';
import { formatDateTime } from '../../../lib/datetime';
import { useI18n } from '../../../lib/i18n';
import { applicationStatusText } from '../../../lib/reviews/labels';
import { formatPoints } from '../../../lib/reviews/rubric';
import { useApiResource } from '../../../lib/use-api-resource';
import { useRefreshable } from '../../../lib/use-refreshable';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { getScores } from '../api/get-scores';
import type { ApplicationScores } from '../types';
import { ModerationForm } from './moderation-form';
import { ReviewerScoreTable } from './reviewer-score-table';
import { ScoreSummary } from '../../../components/ui/score-summary';
import { LoadFailed } from '../../../components/ui/load-failed';

/** Officer: every reviewer's scores for one application, the moderation history, and moderation. */
export function ModerationPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const resource = useApiResource(`scores:${id}`, (signal) => getScores(id, signal));
  const notFound = resource.status === 'error' && isApiError(resource.error) && resource.error.status === 404;
  const title = resource.status === 'success' ? t('moderation.title', { company: resource.data.company.name }) : t('moderation.titleGeneric');
  useDocumentTitle(title);

  if (resource.status === 'success') return <ModerationView key={id} initial={resource.data} title={title} />;
  return (
    <>
      <BackLink applicationId={id} />
      <PageHeading>{title}</PageHeading>
      {resource.status === 'loading' && <Loading />}
      {notFound && <p>{t('moderation.notFound')}</p>}
      {resource.status === 'error' && !notFound && (
        <LoadFailed message="moderation.loadFailed" error={resource.error} onRetry={resource.reload} />
      )}
    </>
  );
}

/** Back to the call's panels when we came from there (?call=), else to the application. */
function BackLink({ applicationId }: { applicationId: string }) {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const callId = params.get('call');
  return (
    <p className="back-link">
      {callId ? (
        <Link to={`/calls/${encodeURIComponent(callId)}/panels`}>{t('moderation.backToPanels')}</Link>
      ) : (
        <Link to={`/applications/${encodeURIComponent(applicationId)}`}>{t('moderation.backToApplication')}</Link>
      )}
    </p>
  );
}

function ModerationView({ initial, title }: { initial: ApplicationScores; title: string }) {
  const { t } = useI18n();
  const { data, refresh, refreshError } = useRefreshable(initial, () => getScores(initial.applicationId));

  return (
    <>
      <BackLink applicationId={data.applicationId} />
      <PageHeading>{title}</PageHeading>
      {refreshError && (
        <Notice kind="error">
          <p>
            {t('moderation.refreshFailed')} {refreshError}
          </p>
        </Notice>
      )}
      <dl className="summary-list" id="moderation-summary">
        <div className="summary-list__row">
          <dt>{t('panels.status')}</dt>
          <dd>
            <span className={`status status--${data.status}`} id="moderation-status" data-status={data.status}>
              {applicationStatusText(data.status, t)}
            </span>
          </dd>
        </div>
        {data.score && <ScoreSummary score={data.score} />}
      </dl>
      {data.score?.flagged && (
        <Notice kind="info">
          <p>{t('moderation.flaggedExplain')}</p>
        </Notice>
      )}

      <ReviewerScoreTable data={data} />
      <ModerationHistory data={data} />
      {data.status === 'scored' ? (
        <ModerationForm applicationId={data.applicationId} maxTotal={data.rubric.maxTotal} currentTotal={data.score?.final ?? null} onModerated={refresh} />
      ) : (
        <p className="muted" id="moderation-unavailable">
          {t('moderation.onlyScored')}
        </p>
      )}
    </>
  );
}

function ModerationHistory({ data }: { data: ApplicationScores }) {
  const { language, t } = useI18n();
  return (
    <section className="section" aria-labelledby="moderation-history-heading">
      <h2 id="moderation-history-heading">{t('moderation.historyTitle')}</h2>
      {data.moderations.length === 0 ? (
        <p id="moderation-history-empty">{t('moderation.historyEmpty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table" id="moderation-history">
            <thead>
              <tr>
                <th scope="col">{t('moderation.at')}</th>
                <th scope="col">{t('moderation.by')}</th>
                <th scope="col" className="table__number">
                  {t('moderation.previousTotal')}
                </th>
                <th scope="col" className="table__number">
                  {t('moderation.newTotal')}
                </th>
                <th scope="col">{t('moderation.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {data.moderations.map((entry) => (
                <tr key={entry.id} data-moderation={entry.id}>
                  <th scope="row">{formatDateTime(entry.at, language)}</th>
                  <td>{entry.by.displayName}</td>
                  <td className="table__number">{formatPoints(entry.previousTotal, language)}</td>
                  <td className="table__number">{formatPoints(entry.total, language)}</td>
                  <td className="score-comment">{entry.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

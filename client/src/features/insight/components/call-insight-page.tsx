import { Link, useParams } from 'react-router';
import { CallBackLink } from '../../../components/ui/call-back-link';
import { CallOfficerLinks } from '../../../components/ui/call-officer-links';
import { LoadFailed } from '../../../components/ui/load-failed';
import { Loading } from '../../../components/ui/loading';
import { PageHeading } from '../../../components/ui/page-heading';
import { isApiError } from '../../../lib/api';
import { useI18n } from '../../../lib/i18n';
import { useApiResource } from '../../../lib/use-api-resource';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { getStats } from '../api/get-stats';
import { InsightSection } from './chart-pair';
import { StatsDashboard } from './stats-dashboard';

/** Officers and admins: one call's figures, its data to download, and the way to the what-if simulation. */
export function CallInsightPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const stats = useApiResource(`stats:call:${id}`, (signal) => getStats({ callId: id }, signal));
  const notFound = stats.status === 'error' && isApiError(stats.error) && stats.error.status === 404;
  const callTitle = stats.status === 'success' ? stats.data.scope.callTitle : null;
  const title = callTitle ? t('insight.callTitle', { title: callTitle }) : t('insight.callTitleGeneric');
  useDocumentTitle(title);
  const base = `/api/calls/${encodeURIComponent(id)}`;

  return (
    <>
      <CallBackLink callId={id} />
      <PageHeading>{title}</PageHeading>
      <CallOfficerLinks callId={id} current="insight" />
      <p className="lead">{t('insight.callIntro')}</p>
      <InsightSection id="insight-exports" title={t('insight.exports.heading')}>
        <p>{t('insight.exports.intro')}</p>
        <ul className="link-list">
          <li>
            <a id="export-csv" href={`${base}/export.csv`} download>
              {t('insight.exports.csv')}
            </a>
          </li>
          <li>
            <a id="export-xlsx" href={`${base}/export.xlsx`} download>
              {t('insight.exports.xlsx')}
            </a>
          </li>
        </ul>
        <p>
          <Link className="button button--secondary" id="simulate-link" to={`/calls/${encodeURIComponent(id)}/simulate`}>
            {t('insight.simulateLink')}
          </Link>
        </p>
      </InsightSection>
      {stats.status === 'loading' && <Loading />}
      {notFound && <p>{t('insight.notFound')}</p>}
      {stats.status === 'error' && !notFound && <LoadFailed message="insight.loadFailed" error={stats.error} onRetry={stats.reload} />}
      {stats.status === 'success' && <StatsDashboard stats={stats.data} />}
    </>
  );
}

import { useParams } from 'react-router';
import { CallBackLink } from '../../../components/ui/call-back-link';
import { LoadFailed } from '../../../components/ui/load-failed';
import { Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { PageHeading } from '../../../components/ui/page-heading';
import { isApiError } from '../../../lib/api';
import { useI18n } from '../../../lib/i18n';
import { useApiResource } from '../../../lib/use-api-resource';
import { useRefreshable } from '../../../lib/use-refreshable';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { getRanking } from '../api/get-ranking';
import type { Ranking } from '../types';
import { ApproveToLine } from './approve-to-line';
import { BudgetChart } from './budget-chart';
import { CallOfficerLinks } from '../../../components/ui/call-officer-links';
import { RankingTable } from './ranking-table';

/** Officer: the call's ranking, the budget and the funding line, and approval of everything above it. */
export function DecisionsPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const resource = useApiResource(`ranking:${id}`, (signal) => getRanking(id, signal));
  const notFound = resource.status === 'error' && isApiError(resource.error) && resource.error.status === 404;
  const title = t('ranking.titleGeneric');
  useDocumentTitle(resource.status === 'success' ? t('ranking.title', { title: resource.data.call.title }) : title);

  if (resource.status === 'success') return <DecisionsView key={id} callId={id} initial={resource.data} />;
  return (
    <>
      <CallBackLink callId={id} />
      <PageHeading>{title}</PageHeading>
      {resource.status === 'loading' && <Loading />}
      {notFound && <p>{t('ranking.notFound')}</p>}
      {resource.status === 'error' && !notFound && <LoadFailed message="ranking.loadFailed" error={resource.error} onRetry={resource.reload} />}
    </>
  );
}

function DecisionsView({ callId, initial }: { callId: string; initial: Ranking }) {
  const { t } = useI18n();
  const { data: ranking, refresh, refreshError } = useRefreshable(initial, () => getRanking(callId));

  return (
    <>
      <CallBackLink callId={callId} />
      <PageHeading>{t('ranking.title', { title: ranking.call.title })}</PageHeading>
      <CallOfficerLinks callId={callId} current="decisions" />
      {refreshError && (
        <Notice kind="error">
          <p>
            {t('ranking.refreshFailed')} {refreshError}
          </p>
        </Notice>
      )}
      <section className="section" aria-labelledby="budget-heading">
        <h2 id="budget-heading">{t('budget.title')}</h2>
        <BudgetChart budget={ranking.budget} />
      </section>
      <section className="section" aria-labelledby="ranking-heading">
        <h2 id="ranking-heading">{t('ranking.heading')}</h2>
        {ranking.items.length === 0 ? <p id="ranking-empty">{t('ranking.empty')}</p> : <RankingTable ranking={ranking} />}
      </section>
      <ApproveToLine callId={callId} ranking={ranking} onChanged={refresh} />
    </>
  );
}

import { useParams } from 'react-router';
import { CallBackLink } from '../../../components/ui/call-back-link';
import { CallOfficerLinks } from '../../../components/ui/call-officer-links';
import { Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { PageHeading } from '../../../components/ui/page-heading';
import { isApiError } from '../../../lib/api';
import { formatPercent } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { useApiResource } from '../../../lib/use-api-resource';
import { useRefreshable } from '../../../lib/use-refreshable';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { getPanels } from '../api/get-panels';
import type { CallPanels } from '../types';
import { ApplicationPanel } from './application-panel';
import { AutoAssignForm } from './auto-assign-form';
import { ReviewSettingsForm } from './review-settings-form';
import { LoadFailed } from '../../../components/ui/load-failed';

/** Officer: the review panels of one call — who reviews what, progress, flags, and assignment tools. */
export function PanelsPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const resource = useApiResource(`panels:${id}`, (signal) => getPanels(id, signal));
  const notFound = resource.status === 'error' && isApiError(resource.error) && resource.error.status === 404;
  const title = t('panels.titleGeneric');
  useDocumentTitle(resource.status === 'success' ? t('panels.title', { title: resource.data.call.title }) : title);

  if (resource.status === 'success') return <PanelsView key={id} callId={id} initial={resource.data} />;
  return (
    <>
      <CallBackLink callId={id} />
      <PageHeading>{title}</PageHeading>
      {resource.status === 'loading' && <Loading />}
      {notFound && <p>{t('panels.notFound')}</p>}
      {resource.status === 'error' && !notFound && (
        <LoadFailed message="panels.loadFailed" error={resource.error} onRetry={resource.reload} />
      )}
    </>
  );
}

function PanelsView({ callId, initial }: { callId: string; initial: CallPanels }) {
  const { t } = useI18n();
  const { data, refresh, refreshError } = useRefreshable(initial, () => getPanels(callId));

  const companies = new Map(data.items.map((item) => [item.applicationId, item.company.name]));
  return (
    <>
      <CallBackLink callId={callId} />
      <PageHeading>{t('panels.title', { title: data.call.title })}</PageHeading>
      <CallOfficerLinks callId={callId} />
      {refreshError && (
        <Notice kind="error">
          <p>
            {t('panels.refreshFailed')} {refreshError}
          </p>
        </Notice>
      )}
      <PanelSummary data={data} />
      <AutoAssignForm callId={callId} defaultPerApplication={data.call.reviewersPerApplication} rules={data.rules} companies={companies} onAssigned={refresh} />

      <section className="section" aria-labelledby="panels-applications-heading">
        <h2 id="panels-applications-heading">{t('panels.applicationsTitle')}</h2>
        {data.items.length === 0 ? (
          <p>{t('panels.noApplications')}</p>
        ) : (
          <ul className="panel-list">
            {data.items.map((item) => (
              <li key={item.applicationId}>
                <ApplicationPanel callId={callId} item={item} reviewers={data.reviewers} settings={data.settings} onChanged={refresh} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <ReviewSettingsForm call={data.call} settings={data.settings} onSaved={refresh} />
    </>
  );
}

function PanelSummary({ data }: { data: CallPanels }) {
  const { language, t } = useI18n();
  const { summary, rules } = data;
  const rows = [
    { key: 'applications', label: t('panels.summary.applications'), value: summary.applications },
    { key: 'awaitingAssignment', label: t('panels.summary.awaitingAssignment'), value: summary.awaitingAssignment },
    { key: 'inReview', label: t('panels.summary.inReview'), value: summary.inReview },
    { key: 'scored', label: t('panels.summary.scored'), value: summary.scored },
    { key: 'flagged', label: t('panels.summary.flagged'), value: summary.flagged },
  ];
  return (
    <section className="section" aria-labelledby="panels-summary-heading">
      <h2 id="panels-summary-heading">{t('panels.summaryTitle')}</h2>
      <dl className="stat-list" data-testid="panels-summary">
        {rows.map((row) => (
          <div className={row.key === 'flagged' && row.value > 0 ? 'stat stat--flagged' : 'stat'} key={row.key} data-summary={row.key}>
            <dt className="stat__label">{row.label}</dt>
            <dd className="stat__value">{row.value}</dd>
          </div>
        ))}
      </dl>
      <p className="muted">
        {t('panels.rules', { minSize: rules.minSize, minFinancial: rules.minFinancial, share: formatPercent(rules.minTechnicalShare, language) })}
      </p>
    </section>
  );
}

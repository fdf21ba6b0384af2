import { Link, useParams } from 'react-router';
import { CallBackLink } from '../../../components/ui/call-back-link';
import { CallOfficerLinks } from '../../../components/ui/call-officer-links';
import { LoadFailed } from '../../../components/ui/load-failed';
import { Loading } from '../../../components/ui/loading';
import { PageHeading } from '../../../components/ui/page-heading';
import { Notice } from '../../../components/ui/notice';
import { formatDateTime } from '../../../lib/datetime';
import { useI18n } from '../../../lib/i18n';
import { useApiResource } from '../../../lib/use-api-resource';
import { useRefreshable } from '../../../lib/use-refreshable';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { getCall } from '../api/get-call';
import { getCallNotices } from '../api/get-call-notices';
import { noticeStatusText } from '../labels';
import type { OfficerNotice } from '../types';
import { NoticeItemsTable } from './notice-items-table';
import { NoticePeriod } from './notice-period';
import { ObjectionList } from './objection-list';
import { PublishNoticeForm } from './publish-notice-form';

/** Officer: publish a call's approvals for public notice, and handle the objections raised against them. */
export function NoticeAdminPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const call = useApiResource(`call:${id}`, (signal) => getCall(id, signal));
  const notices = useApiResource(`call-notices:${id}`, (signal) => getCallNotices(id, signal));
  // Reloaded in place after publishing or resolving, so messages and focus on the page stay where they are.
  const {
    data: reloaded,
    refresh,
    refreshError,
  } = useRefreshable<OfficerNotice[] | null>(null, async () => (await getCallNotices(id)).items);
  const items = reloaded ?? (notices.status === 'success' ? notices.data.items : null);
  const title = call.status === 'success' ? t('noticeAdmin.title', { title: call.data.title }) : t('noticeAdmin.titleGeneric');
  useDocumentTitle(title);

  return (
    <>
      <CallBackLink callId={id} />
      <PageHeading>{title}</PageHeading>
      <CallOfficerLinks callId={id} current="notice" />
      {refreshError && (
        <Notice kind="error">
          <p>
            {t('noticeAdmin.refreshFailed')} {refreshError}
          </p>
        </Notice>
      )}
      <PublishNoticeForm callId={id} onPublished={refresh} />
      <section className="section" aria-labelledby="call-notices-heading">
        <h2 id="call-notices-heading">{t('noticeAdmin.noticesTitle')}</h2>
        {!items && notices.status === 'loading' && <Loading />}
        {!items && notices.status === 'error' && <LoadFailed message="noticeAdmin.loadFailed" error={notices.error} onRetry={notices.reload} />}
        {items && items.length === 0 && <p id="call-notices-empty">{t('noticeAdmin.empty')}</p>}
        {items && items.map((notice) => <NoticeBlock key={notice.id} notice={notice} onResolved={refresh} />)}
      </section>
    </>
  );
}

function NoticeBlock({ notice, onResolved }: { notice: OfficerNotice; onResolved: () => Promise<void> }) {
  const { language, t } = useI18n();
  const headingId = `notice-${notice.id}-heading`;
  return (
    <article className="notice-block" aria-labelledby={headingId} data-notice={notice.id} data-status={notice.status}>
      <h3 id={headingId}>
        <NoticePeriod notice={notice} />{' '}
        <span className={`status status--notice-${notice.status}`}>{noticeStatusText(notice.status, t)}</span>
      </h3>
      <dl className="summary-list summary-list--compact">
        <div className="summary-list__row">
          <dt>{t('notice.publishedAt')}</dt>
          <dd>{formatDateTime(notice.publishedAt, language)}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t('noticeAdmin.objections')}</dt>
          <dd data-pending={notice.objections.pending}>{t('noticeAdmin.objectionCounts', notice.objections)}</dd>
        </div>
      </dl>
      <p>
        <Link to={`/notices/${encodeURIComponent(notice.id)}`}>{t('publishNotice.viewPublic')}</Link>
      </p>
      <NoticeItemsTable items={notice.items} caption={t('notice.itemsCaption', { count: notice.items.length })} />
      <ObjectionList noticeId={notice.id} onResolved={onResolved} />
    </article>
  );
}

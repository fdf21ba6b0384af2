import { Link, useParams } from 'react-router';
import { LoadFailed } from '../../../components/ui/load-failed';
import { Loading } from '../../../components/ui/loading';
import { PageHeading } from '../../../components/ui/page-heading';
import { isApiError } from '../../../lib/api';
import { formatDateTime } from '../../../lib/datetime';
import { useI18n } from '../../../lib/i18n';
import { useApiResource } from '../../../lib/use-api-resource';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { getNotice } from '../api/get-notice';
import { noticeStatusText } from '../labels';
import type { PublicNotice } from '../types';
import { NoticeItemsTable } from './notice-items-table';
import { NoticePeriod } from './notice-period';
import { ObjectionForm } from './objection-form';

/** Public: one notice — the firms and amounts, the period, and (while open) the objection form. */
export function NoticePage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const notice = useApiResource(`notice:${id}`, (signal) => getNotice(id, signal));
  const notFound = notice.status === 'error' && isApiError(notice.error) && notice.error.status === 404;
  const title = notice.status === 'success' ? t('notice.title', { title: notice.data.call.title }) : t('notice.titleGeneric');
  useDocumentTitle(title);

  return (
    <>
      <p className="back-link">
        <Link to="/notices">{t('notice.backToList')}</Link>
      </p>
      <PageHeading>{title}</PageHeading>
      {notice.status === 'loading' && <Loading />}
      {notFound && <p>{t('notice.notFound')}</p>}
      {notice.status === 'error' && !notFound && <LoadFailed message="notice.loadFailed" error={notice.error} onRetry={notice.reload} />}
      {notice.status === 'success' && <NoticeView notice={notice.data} />}
    </>
  );
}

function NoticeView({ notice }: { notice: PublicNotice }) {
  const { language, t } = useI18n();
  return (
    <>
      <dl className="summary-list" id="notice-summary">
        <div className="summary-list__row">
          <dt>{t('notices.periodLabel')}</dt>
          <dd>
            <NoticePeriod notice={notice} />
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>{t('notices.status')}</dt>
          <dd>
            <span className={`status status--notice-${notice.status}`} id="notice-status" data-status={notice.status}>
              {noticeStatusText(notice.status, t)}
            </span>
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>{t('notice.publishedAt')}</dt>
          <dd>{formatDateTime(notice.publishedAt, language)}</dd>
        </div>
      </dl>
      <p>{t('notice.explain')}</p>
      <section className="section" aria-labelledby="notice-items-heading">
        <h2 id="notice-items-heading">{t('notice.itemsTitle')}</h2>
        <NoticeItemsTable items={notice.items} caption={t('notice.itemsCaption', { count: notice.items.length })} id="notice-items" />
      </section>
      {notice.status === 'open' ? (
        <ObjectionForm noticeId={notice.id} items={notice.items} />
      ) : (
        <p className="notice notice--info" id="objections-closed">
          {notice.status === 'upcoming' ? t('notice.notYetOpen') : t('notice.closed')}
        </p>
      )}
    </>
  );
}

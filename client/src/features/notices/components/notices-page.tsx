import { Link } from 'react-router';
import { LoadFailed } from '../../../components/ui/load-failed';
import { Loading } from '../../../components/ui/loading';
import { PageHeading } from '../../../components/ui/page-heading';
import { useI18n } from '../../../lib/i18n';
import { useApiResource } from '../../../lib/use-api-resource';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { getNotices } from '../api/get-notices';
import { noticeStatusText } from '../labels';
import { NoticePeriod } from './notice-period';

/** Public: the notices (公示) of approved applications, each open for objections for a set period. */
export function NoticesPage() {
  const { t } = useI18n();
  const title = t('notices.title');
  useDocumentTitle(title);
  const notices = useApiResource('notices', (signal) => getNotices(signal));

  return (
    <>
      <PageHeading>{title}</PageHeading>
      <p className="lead">{t('notices.intro')}</p>
      {notices.status === 'loading' && <Loading />}
      {notices.status === 'error' && <LoadFailed message="notices.loadFailed" error={notices.error} onRetry={notices.reload} />}
      {notices.status === 'success' && notices.data.items.length === 0 && <p id="notices-empty">{t('notices.empty')}</p>}
      {notices.status === 'success' && notices.data.items.length > 0 && (
        <div className="table-wrap">
          <table className="table" id="notices">
            <caption className="table__caption">{t('notices.caption', { count: notices.data.total })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('notices.call')}</th>
                <th scope="col">{t('notices.periodLabel')}</th>
                <th scope="col">{t('notices.status')}</th>
                <th scope="col" className="table__number">
                  {t('notices.count')}
                </th>
                <th scope="col">{t('notices.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {notices.data.items.map((notice) => (
                <tr key={notice.id} data-notice={notice.id} data-status={notice.status}>
                  <th scope="row">{notice.call.title}</th>
                  <td>
                    <NoticePeriod notice={notice} />
                  </td>
                  <td>
                    <span className={`status status--notice-${notice.status}`}>{noticeStatusText(notice.status, t)}</span>
                  </td>
                  <td className="table__number">{notice.count}</td>
                  <td>
                    <Link to={`/notices/${encodeURIComponent(notice.id)}`}>
                      {t('notices.view')}
                      <span className="visually-hidden">{t('notices.forCall', { title: notice.call.title })}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

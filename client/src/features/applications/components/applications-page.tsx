import { Link } from 'react-router';
import { Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { PageHeading } from '../../../components/ui/page-heading';
import { formatDateTime } from '../../../lib/datetime';
import { describeError } from '../../../lib/error-message';
import { localize, useI18n } from '../../../lib/i18n';
import { useApiResource } from '../../../lib/use-api-resource';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { getApplications } from '../api/get-applications';
import { getProgrammes } from '../api/get-programmes';
import { isEditable, statusLabel } from '../status';

/** The applicant's home: the company's applications with their status and the next step. */
export function ApplicationsPage() {
  const { language, t } = useI18n();
  const title = t('applications.title');
  useDocumentTitle(title);
  const list = useApiResource('applications:mine', (signal) => getApplications({ limit: 200 }, signal));
  const programmes = useApiResource('programmes', (signal) => getProgrammes(signal));
  const programmeName = (code: string | null) => {
    const found = programmes.status === 'success' ? programmes.data.items.find((p) => p.code === code) : undefined;
    return found ? localize(found.name, language) : code ?? '—';
  };

  return (
    <>
      <PageHeading>{title}</PageHeading>
      <p className="lead">{t('applications.intro')}</p>
      <p>
        <Link to="/calls">{t('applications.findCalls')}</Link>
      </p>
      {list.status === 'loading' && <Loading />}
      {list.status === 'error' && (
        <Notice kind="error">
          <p>
            {t('applications.loadFailed')} {describeError(list.error, t)}
          </p>
          <button className="button button--secondary" type="button" onClick={list.reload}>
            {t('common.retry')}
          </button>
        </Notice>
      )}
      {list.status === 'success' && list.data.items.length === 0 && <p>{t('applications.empty')}</p>}
      {list.status === 'success' && list.data.items.length > 0 && (
        <div className="table-wrap">
          <table className="table" id="applications-table">
            <caption className="table__caption">{t('applications.caption', { count: list.data.total })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('applications.call')}</th>
                <th scope="col">{t('applications.programme')}</th>
                <th scope="col">{t('applications.deadline')}</th>
                <th scope="col">{t('applications.status')}</th>
                <th scope="col">{t('applications.updated')}</th>
                <th scope="col">{t('applications.next')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((item) => {
                const key = statusLabel(item.status);
                const title = item.callTitle ?? item.callId;
                return (
                  <tr key={item.id} data-application={item.id} data-status={item.status}>
                    <th scope="row">{title}</th>
                    <td>{programmeName(item.programme)}</td>
                    <td>{formatDateTime(item.closesAt, language)}</td>
                    <td>{key ? t(key) : item.status}</td>
                    <td>{formatDateTime(item.updatedAt, language)}</td>
                    <td>
                      <Link to={`/applications/${encodeURIComponent(item.id)}`}>
                        {isEditable(item.status) ? t('applications.continue') : t('applications.view')}
                        <span className="visually-hidden">{t('applications.forCall', { title })}</span>
                      </Link>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

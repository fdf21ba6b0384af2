import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { CallOfficerLinks } from '../../../components/ui/call-officer-links';
import { Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { PageHeading } from '../../../components/ui/page-heading';
import { formatDateTime } from '../../../lib/datetime';
import { describeError } from '../../../lib/error-message';
import { useI18n } from '../../../lib/i18n';
import { useApiResource } from '../../../lib/use-api-resource';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { getApplications } from '../api/get-applications';
import { getCall } from '../api/get-call';
import { STATUSES, statusLabel } from '../status';

/** Officer: the applications to one call, filtered by status. */
export function CallApplicationsPage() {
  const { id = '' } = useParams();
  const { language, t } = useI18n();
  const [status, setStatus] = useState('');
  const call = useApiResource(`call:${id}`, (signal) => getCall(id, signal));
  const list = useApiResource(`call-applications:${id}:${status}`, (signal) => getApplications({ callId: id, status, limit: 200 }, signal));
  const title = call.status === 'success' ? t('callApplications.title', { title: call.data.title }) : t('callApplications.titleGeneric');
  useDocumentTitle(title);

  return (
    <>
      <p className="back-link">
        <Link to="/calls">{t('calls.backToCalls')}</Link>
      </p>
      <PageHeading>{title}</PageHeading>
      <p>
        <Link className="button button--secondary" id="review-panels-link" to={`/calls/${encodeURIComponent(id)}/panels`}>
          {t('callApplications.reviewPanels')}
        </Link>
      </p>
      <CallOfficerLinks callId={id} />
      <form className="form filter-form" onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label className="field__label" htmlFor="status-filter">
            {t('callApplications.filter')}
          </label>
          <select className="field__input field__select" id="status-filter" name="status" value={status} onChange={(event) => setStatus(event.target.value)}>
            <option value="">{t('callApplications.allStatuses')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(statusLabel(s)!)}
              </option>
            ))}
          </select>
        </div>
      </form>
      {list.status === 'loading' && <Loading />}
      {list.status === 'error' && (
        <Notice kind="error">
          <p>{describeError(list.error, t)}</p>
          <button className="button button--secondary" type="button" onClick={list.reload}>
            {t('common.retry')}
          </button>
        </Notice>
      )}
      {list.status === 'success' && list.data.items.length === 0 && <p>{t('callApplications.empty')}</p>}
      {list.status === 'success' && list.data.items.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <caption className="table__caption">{t('callApplications.caption', { count: list.data.total })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('callApplications.company')}</th>
                <th scope="col">{t('applications.status')}</th>
                <th scope="col">{t('callApplications.submittedAt')}</th>
                <th scope="col">{t('applications.next')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((item) => {
                const key = statusLabel(item.status);
                const company = item.companyName ?? item.companyId;
                return (
                  <tr key={item.id} data-application={item.id}>
                    <th scope="row">{company}</th>
                    <td>{key ? t(key) : item.status}</td>
                    <td>{formatDateTime(item.submittedAt, language)}</td>
                    <td>
                      <Link to={`/applications/${encodeURIComponent(item.id)}`}>
                        {t('applications.view')}
                        <span className="visually-hidden">{t('applications.forCall', { title: company })}</span>
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

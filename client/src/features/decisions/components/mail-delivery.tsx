import { LoadFailed } from '../../../components/ui/load-failed';
import { Loading } from '../../../components/ui/loading';
import { formatDateTime } from '../../../lib/datetime';
import { useI18n } from '../../../lib/i18n';
import { mailStatusText } from '../../../lib/mail';
import { useApiResource } from '../../../lib/use-api-resource';
import { useState } from 'react';
import { describeError } from '../../../lib/error-message';
import { getMail } from '../api/get-mail';
import { resendMail } from '../api/resend-mail';

/** Officer: the e-mails about this application and whether each has been delivered. */
export function MailDelivery({ applicationId, reloadSignal }: { applicationId: string; reloadSignal: number }) {
  const { language, t } = useI18n();
  const mail = useApiResource(`mail:${applicationId}:${reloadSignal}`, (signal) => getMail(applicationId, signal));
  const [resendError, setResendError] = useState('');

  async function resend(mailId: number) {
    setResendError('');
    try {
      await resendMail(mailId);
      mail.reload();
    } catch (failure) {
      setResendError(describeError(failure, t));
    }
  }

  return (
    <section className="section" aria-labelledby="mail-heading">
      <h2 id="mail-heading">{t('mail.title')}</h2>
      {mail.status === 'loading' && <Loading />}
      {mail.status === 'error' && <LoadFailed message="mail.loadFailed" error={mail.error} onRetry={mail.reload} />}
      {mail.status === 'success' && mail.data.items.length === 0 && <p id="mail-empty">{t('mail.empty')}</p>}
      {mail.status === 'success' && mail.data.items.length > 0 && (
        <div className="table-wrap">
          <table className="table" id="mail-delivery">
            <caption className="visually-hidden">{t('mail.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('mail.subject')}</th>
                <th scope="col">{t('mail.to')}</th>
                <th scope="col">{t('mail.status')}</th>
                <th scope="col">{t('mail.createdAt')}</th>
                <th scope="col">{t('mail.sentAt')}</th>
              </tr>
            </thead>
            <tbody>
              {mail.data.items.map((item) => (
                <tr key={item.id} data-mail={item.id} data-status={item.status}>
                  <th scope="row">
                    {item.subject}
                    <span className="panel-card__fields">{item.template}</span>
                  </th>
                  <td>{item.to}</td>
                  <td>
                    <span className={`status status--mail-${item.status}`}>{mailStatusText(item.status, t)}</span>
                    <span className="panel-card__fields">{t('mail.attempts', { count: item.attempts })}</span>
                    {item.lastError && <span className="panel-card__fields">{t('mail.lastError', { error: item.lastError })}</span>}
                    {item.status === 'failed' && (
                      <button className="button button--secondary button--small" type="button" onClick={() => void resend(item.id)}>
                        {t('mail.resend')}
                        <span className="visually-hidden">{t('mail.resendWhich', { subject: item.subject ?? item.template })}</span>
                      </button>
                    )}
                  </td>
                  <td>{formatDateTime(item.createdAt, language)}</td>
                  <td>{formatDateTime(item.sentAt, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {resendError && (
        <p className="field__error" role="alert">
          {resendError}
        </p>
      )}
      <button className="button button--secondary button--small" type="button" id="mail-refresh" onClick={mail.reload}>
        {t('mail.refresh')}
      </button>
    </section>
  );
}

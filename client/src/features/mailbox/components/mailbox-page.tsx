import { useEffect, useRef, useState } from 'react';
import { LoadFailed } from '../../../components/ui/load-failed';
import { Loading } from '../../../components/ui/loading';
import { PageHeading } from '../../../components/ui/page-heading';
import { formatDateTime } from '../../../lib/datetime';
import { useI18n } from '../../../lib/i18n';
import { mailStatusText } from '../../../lib/mail';
import { useApiResource } from '../../../lib/use-api-resource';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { getMailbox } from '../api/get-mailbox';
import type { MailMessage } from '../types';

/** Admin (development): every e-mail the platform queued, newest first, and one opened to read. */
export function MailboxPage() {
  const { language, t } = useI18n();
  const title = t('mailbox.title');
  useDocumentTitle(title);
  const mailbox = useApiResource('mailbox', (signal) => getMailbox(signal));
  const [openId, setOpenId] = useState<string | null>(null);
  const items = mailbox.status === 'success' ? [...mailbox.data.items].sort((a, b) => b.createdAt.localeCompare(a.createdAt)) : [];
  const open = items.find((item) => item.id === openId) ?? null;

  return (
    <>
      <PageHeading>{title}</PageHeading>
      <p className="lead">{t('mailbox.intro')}</p>
      <p>
        <button className="button button--secondary" type="button" id="mailbox-refresh" onClick={mailbox.reload}>
          {t('mail.refresh')}
        </button>
      </p>
      {mailbox.status === 'loading' && <Loading />}
      {mailbox.status === 'error' && <LoadFailed message="mailbox.loadFailed" error={mailbox.error} onRetry={mailbox.reload} />}
      {mailbox.status === 'success' && items.length === 0 && <p id="mailbox-empty">{t('mailbox.empty')}</p>}
      {items.length > 0 && (
        <div className="table-wrap">
          <table className="table" id="mailbox">
            <caption className="table__caption">{t('mailbox.caption', { count: items.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('mail.subject')}</th>
                <th scope="col">{t('mail.to')}</th>
                <th scope="col">{t('mail.status')}</th>
                <th scope="col">{t('mail.createdAt')}</th>
                <th scope="col">{t('ranking.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id} className={item.id === openId ? 'table__row--selected' : undefined} data-mail={item.id} data-template={item.template}>
                  <th scope="row">
                    {item.subject}
                    <span className="panel-card__fields">{item.template}</span>
                  </th>
                  <td>{item.to}</td>
                  <td>{mailStatusText(item.status, t)}</td>
                  <td>{formatDateTime(item.createdAt, language)}</td>
                  <td>
                    <button className="button button--secondary button--small" type="button" onClick={() => setOpenId(item.id)} aria-pressed={item.id === openId}>
                      {t('mailbox.read')}
                      <span className="visually-hidden">{t('mailbox.readWhich', { subject: item.subject, to: item.to })}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {open && <MessageView key={open.id} message={open} />}
    </>
  );
}

function MessageView({ message }: { message: MailMessage }) {
  const { language, t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <section className="section mail-message" aria-labelledby="mail-message-heading" id="mail-message">
      <h2 id="mail-message-heading" className="focus-heading" tabIndex={-1} ref={heading}>
        {message.subject}
      </h2>
      <dl className="summary-list summary-list--compact">
        <div className="summary-list__row">
          <dt>{t('mail.to')}</dt>
          <dd>{message.to}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t('mailbox.template')}</dt>
          <dd>
            <code>{message.template}</code> · {message.language}
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>{t('mail.status')}</dt>
          <dd>
            {mailStatusText(message.status, t)} · {t('mail.attempts', { count: message.attempts })}
            {message.lastError && <span className="panel-card__fields">{t('mail.lastError', { error: message.lastError })}</span>}
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>{t('mail.createdAt')}</dt>
          <dd>{formatDateTime(message.createdAt, language)}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t('mail.sentAt')}</dt>
          <dd>{formatDateTime(message.sentAt, language)}</dd>
        </div>
        {message.attachments.length > 0 && (
          <div className="summary-list__row">
            <dt>{t('mailbox.attachments')}</dt>
            <dd>
              <ul className="plain-list">
                {message.attachments.map((attachment, index) => (
                  <li key={index}>{attachment.filename}</li>
                ))}
              </ul>
            </dd>
          </div>
        )}
      </dl>
      <pre className="mail-text" id="mail-text" lang={message.language || undefined}>
        {message.text}
      </pre>
    </section>
  );
}

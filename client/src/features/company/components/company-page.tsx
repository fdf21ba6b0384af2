import { useState, type FormEvent } from 'react';
import { ErrorSummary, type ErrorSummaryItem } from '../../../components/ui/error-summary';
import { Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { PageHeading } from '../../../components/ui/page-heading';
import { TextField } from '../../../components/ui/text-field';
import { isApiError } from '../../../lib/api';
import { formatDateTime } from '../../../lib/datetime';
import { describeError } from '../../../lib/error-message';
import { useI18n } from '../../../lib/i18n';
import { useSession } from '../../../lib/session';
import { useApiResource } from '../../../lib/use-api-resource';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { getMembers } from '../api/get-members';
import { invite } from '../api/invite';
import type { CompanyRole } from '../types';

const ROLE_LABELS = { owner: 'company.role.owner', editor: 'company.role.editor' } as const;

export function CompanyPage() {
  const { language, t } = useI18n();
  const { user, company } = useSession();
  const title = t('company.title');
  useDocumentTitle(title);
  const members = useApiResource('company:members', (signal) => getMembers(signal));
  const owner = user?.companyRole === 'owner';

  return (
    <>
      <PageHeading>{title}</PageHeading>
      {company && <p className="lead">{company.name}</p>}
      <p>{t('company.intro')}</p>
      {members.status === 'loading' && <Loading />}
      {members.status === 'error' && (
        <Notice kind="error">
          <p>
            {t('company.loadFailed')} {describeError(members.error, t)}
          </p>
          <button className="button button--secondary" type="button" onClick={members.reload}>
            {t('common.retry')}
          </button>
        </Notice>
      )}
      {members.status === 'success' && (
        <>
          <section className="section" aria-labelledby="members-heading">
            <h2 id="members-heading">{t('company.members')}</h2>
            <div className="table-wrap">
              <table className="table">
                <caption className="table__caption visually-hidden">{t('company.membersCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('company.name')}</th>
                    <th scope="col">{t('company.email')}</th>
                    <th scope="col">{t('company.role')}</th>
                  </tr>
                </thead>
                <tbody>
                  {members.data.items.map((member) => (
                    <tr key={member.id}>
                      <th scope="row">{member.displayName || '—'}</th>
                      <td>{member.email}</td>
                      <td>{t(ROLE_LABELS[member.companyRole] ?? 'company.role.editor')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
          <section className="section" aria-labelledby="invitations-heading">
            <h2 id="invitations-heading">{t('company.invitations')}</h2>
            {members.data.invitations.length === 0 ? (
              <p>{t('company.noInvitations')}</p>
            ) : (
              <div className="table-wrap">
                <table className="table">
                  <caption className="table__caption visually-hidden">{t('company.invitationsCaption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('company.email')}</th>
                      <th scope="col">{t('company.role')}</th>
                      <th scope="col">{t('company.expires')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {members.data.invitations.map((invitation) => (
                      <tr key={invitation.id}>
                        <th scope="row">{invitation.email}</th>
                        <td>{t(ROLE_LABELS[invitation.role] ?? 'company.role.editor')}</td>
                        <td>{formatDateTime(invitation.expiresAt, language)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </>
      )}
      <section className="section" aria-labelledby="invite-heading">
        <h2 id="invite-heading">{t('company.inviteTitle')}</h2>
        {owner ? <InviteForm onInvited={members.reload} /> : <p>{t('company.onlyOwner')}</p>}
      </section>
    </>
  );
}

function InviteForm({ onInvited }: { onInvited: () => void }) {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<CompanyRole>('editor');
  const [fieldError, setFieldError] = useState('');
  const [general, setGeneral] = useState('');
  const [failed, setFailed] = useState(0);
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);
  const summary: ErrorSummaryItem[] = [...(general ? [{ message: general }] : []), ...(fieldError ? [{ fieldId: 'invite-email', message: fieldError }] : [])];

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone('');
    const trimmed = email.trim();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(trimmed)) {
      setFieldError(t('validation.emailInvalid'));
      setGeneral('');
      setFailed((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      await invite(trimmed, role);
      setFieldError('');
      setGeneral('');
      setEmail('');
      setDone(t('company.invited', { email: trimmed }));
      onInvited();
    } catch (error) {
      const message = describeError(error, t);
      const onEmail = isApiError(error) ? error.errors.find((e) => e.field === 'email') : undefined;
      setFieldError(onEmail?.message ?? '');
      setGeneral(onEmail ? '' : message);
      setFailed((n) => n + 1);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <p>{t('company.inviteIntro')}</p>
      <ErrorSummary title={t('errors.summaryTitle')} items={summary} focusSignal={failed} />
      {done && (
        <Notice kind="success">
          <p>{done}</p>
        </Notice>
      )}
      <form className="form" onSubmit={(event) => void handleSubmit(event)} noValidate aria-busy={busy || undefined}>
        <TextField id="invite-email" label={t('company.inviteEmail')} type="email" autoComplete="off" spellCheck={false} value={email} onChange={setEmail} error={fieldError} />
        <fieldset className="fieldset fieldset--choice">
          <legend className="field__label">{t('company.inviteRole')}</legend>
          <div className="choices">
            {(['editor', 'owner'] as CompanyRole[]).map((value) => (
              <div className="choice" key={value}>
                <input className="choice__input" type="radio" id={`invite-role-${value}`} name="invite-role" value={value} checked={role === value} onChange={() => setRole(value)} />
                <label className="choice__label" htmlFor={`invite-role-${value}`}>
                  {t(ROLE_LABELS[value])}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
        <button className="button" type="submit">
          {busy ? t('company.inviting') : t('company.invite')}
        </button>
      </form>
    </>
  );
}

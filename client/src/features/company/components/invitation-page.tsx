import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ErrorSummary, type ErrorSummaryItem } from '../../../components/ui/error-summary';
import { Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { PageHeading } from '../../../components/ui/page-heading';
import { TextField } from '../../../components/ui/text-field';
import { isApiError } from '../../../lib/api';
import { formatDateTime } from '../../../lib/datetime';
import { describeError } from '../../../lib/error-message';
import { useI18n } from '../../../lib/i18n';
import { useApiResource } from '../../../lib/use-api-resource';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { acceptInvitation } from '../api/accept-invitation';
import { getInvitation } from '../api/get-invitation';
import type { InvitationOffer } from '../types';

const ROLE_LABELS = { owner: 'company.role.owner', editor: 'company.role.editor' } as const;

/** Public: someone invited by a firm creates their account inside it, then signs in. */
export function InvitationPage() {
  const { token = '' } = useParams();
  const { t } = useI18n();
  const offer = useApiResource(`invitation:${token}`, (signal) => getInvitation(token, signal));
  const notFound = offer.status === 'error' && isApiError(offer.error) && offer.error.status === 404;
  const title = notFound ? t('invitation.notFoundTitle') : t('invitation.title');
  useDocumentTitle(title);
  return (
    <div className="narrow">
      <PageHeading>{title}</PageHeading>
      {offer.status === 'loading' && <Loading />}
      {notFound && <p>{t('invitation.notFoundBody')}</p>}
      {offer.status === 'error' && !notFound && (
        <Notice kind="error">
          <p>{describeError(offer.error, t)}</p>
        </Notice>
      )}
      {offer.status === 'success' && <AcceptForm token={token} offer={offer.data} />}
    </div>
  );
}

function AcceptForm({ token, offer }: { token: string; offer: InvitationOffer }) {
  const { language, t } = useI18n();
  const navigate = useNavigate();
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ displayName?: string; password?: string; general?: string }>({});
  const [failed, setFailed] = useState(0);
  const [busy, setBusy] = useState(false);
  const summary: ErrorSummaryItem[] = [
    ...(errors.general ? [{ message: errors.general }] : []),
    ...(errors.displayName ? [{ fieldId: 'displayName', message: errors.displayName }] : []),
    ...(errors.password ? [{ fieldId: 'password', message: errors.password }] : []),
  ];

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next: typeof errors = {};
    if (!displayName.trim()) next.displayName = t('validation.displayNameRequired');
    if (!password) next.password = t('validation.passwordRequired');
    else if (password.length < 10) next.password = t('validation.passwordTooShort');
    if (Object.keys(next).length > 0) {
      setErrors(next);
      setFailed((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      await acceptInvitation(token, { displayName: displayName.trim(), password });
      navigate('/login', { state: { registeredEmail: offer.email } });
    } catch (error) {
      const mapped: typeof errors = {};
      if (isApiError(error)) {
        for (const problem of error.errors) {
          if (problem.field === 'displayName' || problem.field === 'password') mapped[problem.field] ??= problem.message;
        }
      }
      if (!mapped.displayName && !mapped.password) mapped.general = describeError(error, t);
      setErrors(mapped);
      setFailed((n) => n + 1);
      setBusy(false);
    }
  }

  return (
    <>
      <ErrorSummary title={t('errors.summaryTitle')} items={summary} focusSignal={failed} />
      <p>{t('invitation.intro', { company: offer.company.name })}</p>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>{t('invitation.company')}</dt>
          <dd>{offer.company.name}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t('invitation.email')}</dt>
          <dd>{offer.email}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t('invitation.role')}</dt>
          <dd>{t(ROLE_LABELS[offer.role] ?? 'company.role.editor')}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t('invitation.expires')}</dt>
          <dd>{formatDateTime(offer.expiresAt, language)}</dd>
        </div>
      </dl>
      <form className="form" onSubmit={(event) => void handleSubmit(event)} noValidate aria-busy={busy || undefined}>
        <TextField id="displayName" label={t('fields.displayName')} autoComplete="name" required value={displayName} onChange={setDisplayName} error={errors.displayName} />
        <TextField
          id="password"
          label={t('fields.password')}
          hint={t('fields.passwordNewHint')}
          type="password"
          autoComplete="new-password"
          required
          value={password}
          onChange={setPassword}
          error={errors.password}
        />
        <button className="button" type="submit">
          {busy ? t('invitation.submitting') : t('invitation.submit')}
        </button>
      </form>
    </>
  );
}

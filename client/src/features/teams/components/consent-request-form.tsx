import { useState, type FormEvent } from 'react';
import { TextField } from '../../../components/ui/text-field';
import { Notice } from '../../../components/ui/notice';
import { isApiError } from '../../../lib/api';
import { describeError } from '../../../lib/error-message';
import { useI18n } from '../../../lib/i18n';
import { requestConsent } from '../api/request-consent';
import type { Member } from '../types';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

type Props = {
  teamId: string;
  member: Member;
  onSent: (email: string, requestExpiresAt: string) => void | Promise<void>;
  onCancel: () => void;
};

/** E-mails the member a one-time link to read the consent statement, agree, and enter their own ID number. */
export function ConsentRequestForm({ teamId, member, onSent, onCancel }: Props) {
  const { t } = useI18n();
  const [email, setEmail] = useState(member.email ?? '');
  const [fieldError, setFieldError] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const trimmed = email.trim();
    if (!EMAIL.test(trimmed)) {
      setFieldError(t('validation.emailInvalid'));
      document.getElementById('consent-request-email')?.focus();
      return;
    }
    setFieldError('');
    setError('');
    setBusy(true);
    try {
      const answer = await requestConsent(teamId, member.id, trimmed);
      await onSent(trimmed, answer.requestExpiresAt);
    } catch (failure) {
      const problem = isApiError(failure) ? failure.errors.find((entry) => entry.field === 'email') : undefined;
      if (problem) {
        setFieldError(problem.message);
        document.getElementById('consent-request-email')?.focus();
      } else setError(describeError(failure, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form narrow" id="consent-request-form" noValidate onSubmit={(event) => void handleSubmit(event)} aria-busy={busy || undefined}>
      <p>{t('consentRequest.explain')}</p>
      <TextField
        id="consent-request-email"
        label={t('consentRequest.email', { name: member.name })}
        type="email"
        value={email}
        onChange={setEmail}
        error={fieldError}
        autoComplete="off"
        spellCheck={false}
        required
      />
      {error && (
        <Notice kind="error">
          <p>{error}</p>
        </Notice>
      )}
      <div className="button-row">
        <button className="button" type="submit" id="consent-request-submit">
          {busy ? t('consentRequest.sending') : t('consentRequest.submit')}
        </button>
        <button className="button button--secondary" type="button" id="consent-request-cancel" onClick={onCancel}>
          {t('memberForm.cancel')}
        </button>
      </div>
    </form>
  );
}

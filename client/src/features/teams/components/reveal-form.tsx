import { useState, type FormEvent } from 'react';
import { Notice } from '../../../components/ui/notice';
import { TextAreaField } from '../../../components/ui/text-area-field';
import { isApiError } from '../../../lib/api';
import { describeError } from '../../../lib/error-message';
import { useI18n } from '../../../lib/i18n';
import { revealIdNumber } from '../api/reveal-id-number';
import type { Member, RevealedIdNumber } from '../types';

const MIN_REASON = 5;
const MAX_REASON = 500;

type Props = {
  teamId: string;
  member: Member;
  onRevealed: (revealed: RevealedIdNumber) => void;
  onCancel: () => void;
};

/** Officer: the full ID number, only with a reason; the server records who looked, when and why. */
export function RevealForm({ teamId, member, onRevealed, onCancel }: Props) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const trimmed = reason.trim();
    if (trimmed.length < MIN_REASON || trimmed.length > MAX_REASON) {
      setFieldError(t('reveal.errors.reason', { min: MIN_REASON, max: MAX_REASON }));
      document.getElementById('reveal-reason')?.focus();
      return;
    }
    setFieldError('');
    setError('');
    setBusy(true);
    try {
      const revealed = await revealIdNumber(teamId, member.id, trimmed);
      setBusy(false);
      onRevealed(revealed);
    } catch (failure) {
      const problem = isApiError(failure) ? failure.errors.find((entry) => entry.field === 'reason') : undefined;
      if (problem) {
        setFieldError(problem.message);
        document.getElementById('reveal-reason')?.focus();
      } else setError(describeError(failure, t));
      setBusy(false);
    }
  }

  return (
    <form className="form narrow" id="reveal-form" noValidate onSubmit={(event) => void handleSubmit(event)} aria-busy={busy || undefined}>
      <TextAreaField
        id="reveal-reason"
        label={t('reveal.reason')}
        hint={t('reveal.reasonHint', { min: MIN_REASON, max: MAX_REASON })}
        value={reason}
        onChange={setReason}
        error={fieldError}
        required
        rows={3}
        maxLength={MAX_REASON}
      />
      {error && (
        <Notice kind="error">
          <p>{error}</p>
        </Notice>
      )}
      <div className="button-row">
        <button className="button" type="submit" id="reveal-submit">
          {busy ? t('reveal.revealing') : t('reveal.submit')}
        </button>
        <button className="button button--secondary" type="button" id="reveal-cancel" onClick={onCancel}>
          {t('memberForm.cancel')}
        </button>
      </div>
    </form>
  );
}

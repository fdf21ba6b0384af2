import { useState } from 'react';
import { isApiError } from '../../../lib/api';
import { useT } from '../../../lib/i18n';
import { sendEnrollmentEmailCode } from '../api/send-email-code';
import { describeMfaError, isMfaSessionMissing, type MfaEmailCode } from '../mfa';
import { OtpField } from './otp-field';
import { useSecondsLeft } from './use-seconds-left';

export const EMAIL_CODE_FIELD_ID = 'mfa-email-code';
const RESEND_ID = 'mfa-email-resend';
const WAIT_ID = 'mfa-email-resend-wait';

type Props = {
  /** What the request for a secret answered: where the first code went, and when another may be asked for. */
  sent: MfaEmailCode;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  /** The half-finished sign-in has expired: start again (with the server's message). */
  onSessionMissing?: (message: string) => void;
};

/**
 * Setting up at sign-in, the code the server e-mailed to the account's address (a stolen password alone must not bind
 * an attacker's authenticator): its field, and a button for a new code once the server allows one. Part of the
 * set-up form; the form sends the code.
 */
export function EmailCodeStep({ sent, value, onChange, error, onSessionMissing }: Props) {
  const t = useT();
  const [sentTo, setSentTo] = useState(sent.sentTo);
  const [resendAt, setResendAt] = useState(() => Date.now() + sent.resendAfterSeconds * 1000);
  const [sending, setSending] = useState(false);
  const [status, setStatus] = useState<{ kind: 'sent' | 'error'; message: string } | null>(null);
  const secondsLeft = useSecondsLeft(resendAt);
  // aria-disabled rather than disabled: the button keeps focus after a click, while the status is read out.
  const unavailable = sending || secondsLeft > 0;

  async function resend() {
    if (unavailable) return;
    setSending(true);
    // Emptied first, so that the same words after a later resend are announced again.
    setStatus(null);
    try {
      const answer = await sendEnrollmentEmailCode();
      setSending(false);
      setSentTo(answer.sentTo);
      setResendAt(Date.now() + answer.resendAfterSeconds * 1000);
      // The code typed so far stopped working with the new e-mail.
      onChange('');
      setStatus({ kind: 'sent', message: t('mfa.setup.emailResent', { sentTo: answer.sentTo }) });
    } catch (failure) {
      setSending(false);
      if (onSessionMissing && isMfaSessionMissing(failure)) return onSessionMissing(describeMfaError(failure, t));
      // Too soon (429): wait as long as the server says before offering the button again.
      if (isApiError(failure) && failure.retryAfterSeconds !== undefined) setResendAt(Date.now() + failure.retryAfterSeconds * 1000);
      setStatus({ kind: 'error', message: describeMfaError(failure, t) });
    }
  }

  return (
    <div className="mfa-email-code">
      <p>{t('mfa.setup.stepEmail', { sentTo })}</p>
      <OtpField
        id={EMAIL_CODE_FIELD_ID}
        label={t('mfa.fields.emailCode')}
        hint={t('mfa.fields.emailCodeHint')}
        value={value}
        onChange={onChange}
        error={error}
        autoComplete="off"
      />
      <div className="button-row mfa-email-code__resend">
        <button
          className="button button--secondary"
          type="button"
          id={RESEND_ID}
          onClick={() => void resend()}
          aria-disabled={unavailable || undefined}
          aria-describedby={secondsLeft > 0 ? WAIT_ID : undefined}
        >
          {sending ? t('mfa.setup.emailResending') : t('mfa.setup.emailResend')}
        </button>
        {/* Not a live region: a count read out every second would drown everything else. */}
        {secondsLeft > 0 && (
          <span className="muted" id={WAIT_ID}>
            {t('mfa.setup.emailResendWait', { seconds: secondsLeft })}
          </span>
        )}
      </div>
      {/* Always in the page, so that screen readers already watch it when a message arrives. */}
      <p className="form-status" id="mfa-email-resend-status" role="status" aria-live="polite" data-state={status?.kind}>
        {status?.message}
      </p>
    </div>
  );
}

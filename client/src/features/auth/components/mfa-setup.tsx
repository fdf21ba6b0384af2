import { useEffect, useState, type FormEvent } from 'react';
import { ErrorSummary } from '../../../components/ui/error-summary';
import { Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { isApiError } from '../../../lib/api';
import { useT } from '../../../lib/i18n';
import { useSession } from '../../../lib/session';
import { useApiResource } from '../../../lib/use-api-resource';
import { setupMfa } from '../api/setup-mfa';
import { checkEmailCode, checkTotpCode, describeMfaError, groupSecret, isMfaSessionMissing, isPasswordRejected, normalizeTotpCode } from '../mfa';
import { EMAIL_CODE_FIELD_ID, EmailCodeStep } from './email-code-step';
import { OtpField } from './otp-field';
import { useCodeForm } from './use-code-form';

const FIELD_ID = 'mfa-enroll-code';
// At sign-in the code from the e-mail comes first on the form: the error summary lists the fields in that order.
const FIELD_ORDER = [EMAIL_CODE_FIELD_ID, FIELD_ID];

type Props = {
  /** Called with the new recovery codes once the app's first code is accepted. */
  onEnabled: (recoveryCodes: string[]) => void;
  /** During sign-in: the half-finished sign-in has expired, start again (with the server's message). */
  onSessionMissing?: (message: string) => void;
  /**
   * Signed in: the password the user just entered again, sent with the request for a secret. Leave it out during
   * an "enroll" sign-in (the body stays empty). The component reads it when it mounts: give it a new `key` to resend.
   */
  password?: string;
  /** Signed in: the server did not accept `password` (wrong, too many attempts, refused); the caller asks again. */
  onPasswordRejected?: (error: unknown) => void;
};

/**
 * Setting up the authenticator app: asks the server for a secret, shows it as a QR code and as text to type,
 * and confirms it with the app's first code (POST /api/auth/mfa/enable). Used at sign-in and on the security page.
 * At sign-in the server also e-mails a code to the account's address (the answer's `emailCode`), sent with the app's.
 */
export function MfaSetup({ onEnabled, onSessionMissing, password, onPasswordRejected }: Props) {
  const t = useT();
  const { completeEnrollment } = useSession();
  const setup = useApiResource('mfa-setup', (signal) => setupMfa(password, signal));
  const [code, setCode] = useState('');
  const [emailCode, setEmailCode] = useState('');
  const form = useCodeForm(FIELD_ID, FIELD_ORDER);
  const emailed = setup.status === 'success' && setup.data.emailCode !== undefined;

  const setupError = setup.status === 'error' ? setup.error : null;
  const handOver = (error: unknown) =>
    (onSessionMissing && isMfaSessionMissing(error)) || (onPasswordRejected && password !== undefined && isPasswordRejected(error));
  useEffect(() => {
    if (onSessionMissing && isMfaSessionMissing(setupError)) onSessionMissing(describeMfaError(setupError, t));
    else if (onPasswordRejected && password !== undefined && isPasswordRejected(setupError)) onPasswordRejected(setupError);
  }, [setupError]);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (form.busy) return;
    const problems = { [EMAIL_CODE_FIELD_ID]: emailed ? checkEmailCode(emailCode, t) : undefined, [FIELD_ID]: checkTotpCode(code, t) };
    if (Object.values(problems).some(Boolean)) return form.failOnFields(problems);

    form.setBusy(true);
    try {
      const { recoveryCodes } = await completeEnrollment(normalizeTotpCode(code), emailed ? normalizeTotpCode(emailCode) : undefined);
      onEnabled(recoveryCodes);
    } catch (error) {
      form.setBusy(false);
      if (onSessionMissing && isMfaSessionMissing(error)) return onSessionMissing(describeMfaError(error, t));
      // A wrong app code (invalid_mfa_code) beside its field, a wrong or expired e-mailed one (invalid_email_code)
      // beside the other; 400s naming either field likewise.
      form.failWith(error, 'code', emailed ? { emailCode: EMAIL_CODE_FIELD_ID } : {});
      // The secret the app holds is no longer waiting on the server: show a new one to scan.
      if (isApiError(error) && error.code === 'mfa_setup_missing') {
        setCode('');
        setup.reload();
      }
    }
  }

  if (setup.status === 'loading') return <Loading />;
  if (setup.status === 'error') {
    // The caller shows what comes instead (the password step).
    if (handOver(setup.error)) return null;
    return (
      <Notice kind="error">
        <p>
          {t('mfa.setup.loadFailed')} {describeMfaError(setup.error, t)}
        </p>
        <button className="button button--secondary" type="button" onClick={setup.reload}>
          {t('common.retry')}
        </button>
      </Notice>
    );
  }

  const { secret, otpauthUri, qrCodeDataUrl, emailCode: sent } = setup.data;
  // Beside the code from the e-mail, the app's field says which code it wants.
  const appCodeField = (
    <OtpField id={FIELD_ID} label={sent ? t('mfa.fields.appCode') : undefined} value={code} onChange={setCode} error={form.fieldError} />
  );
  const submit = (
    <button className="button" type="submit" id="mfa-enroll-submit">
      {form.busy ? t('mfa.setup.submitting') : t('mfa.setup.submit')}
    </button>
  );
  return (
    <div className="mfa-setup">
      <ErrorSummary title={t('errors.summaryTitle')} items={form.summary} focusSignal={form.failed} />
      <ol className="mfa-setup__steps">
        <li>
          <p>{t('mfa.setup.stepApp')}</p>
        </li>
        <li>
          <p>{t('mfa.setup.stepScan')}</p>
          <img className="mfa-setup__qr" id="mfa-qr" src={qrCodeDataUrl} alt={t('mfa.setup.qrAlt')} width={200} height={200} />
          <p>
            <a href={otpauthUri}>{t('mfa.setup.openInApp')}</a>
          </p>
          <p>
            {t('mfa.setup.secretLabel')}{' '}
            <code className="mfa-setup__secret" id="mfa-secret">
              {groupSecret(secret)}
            </code>
          </p>
        </li>
        {sent ? (
          // One form for both codes: the e-mailed one first, since the app's changes every 30 seconds.
          <li>
            <form className="form" onSubmit={(event) => void handleSubmit(event)} noValidate aria-busy={form.busy || undefined}>
              <EmailCodeStep
                sent={sent}
                value={emailCode}
                onChange={setEmailCode}
                error={form.errorOn(EMAIL_CODE_FIELD_ID)}
                onSessionMissing={onSessionMissing}
              />
              <p>{t('mfa.setup.stepCode')}</p>
              {appCodeField}
              {submit}
            </form>
          </li>
        ) : (
          <li>
            <p>{t('mfa.setup.stepCode')}</p>
            <form className="form" onSubmit={(event) => void handleSubmit(event)} noValidate aria-busy={form.busy || undefined}>
              {appCodeField}
              {submit}
            </form>
          </li>
        )}
      </ol>
    </div>
  );
}

import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ErrorSummary } from '../../../components/ui/error-summary';
import { PageHeading } from '../../../components/ui/page-heading';
import { TextField } from '../../../components/ui/text-field';
import { useT } from '../../../lib/i18n';
import { useSession } from '../../../lib/session';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { checkRecoveryCode, checkTotpCode, describeMfaError, isMfaSessionMissing, normalizeRecoveryCode, normalizeTotpCode } from '../mfa';
import { OtpField } from './otp-field';
import { useCodeForm } from './use-code-form';
import { useStepHeading } from './use-step-heading';

type Mode = 'code' | 'recovery';
const FIELD_ID: Record<Mode, string> = { code: 'mfa-code', recovery: 'recovery-code' };
const SERVER_FIELD: Record<Mode, string> = { code: 'code', recovery: 'recoveryCode' };

type Props = {
  onSignedIn: () => void;
  /** The half-finished sign-in expired: back to the password step with the server's message. */
  onSessionMissing: (message: string) => void;
  /** The user chose to sign in again (e.g. with another account). */
  onStartAgain: () => void;
};

/** The second step of signing in to an account with two-step verification: the app's code, or a recovery code. */
export function MfaVerifyStep({ onSignedIn, onSessionMissing, onStartAgain }: Props) {
  const t = useT();
  const { verifyMfa } = useSession();
  const heading = useStepHeading(true);
  const [mode, setMode] = useState<Mode>('code');
  const [code, setCode] = useState('');
  const [recoveryCode, setRecoveryCode] = useState('');
  const fieldId = FIELD_ID[mode];
  const form = useCodeForm(fieldId);

  const title = t('mfa.verify.title');
  useDocumentTitle(form.summary.length > 0 ? `${t('common.errorPrefix')}${title}` : title);

  // After "Use a recovery code" (or back), the new field takes focus: it is what the user asked for.
  const switched = useRef(false);
  useEffect(() => {
    if (!switched.current) return;
    switched.current = false;
    document.getElementById(fieldId)?.focus();
  }, [mode]);

  function switchMode() {
    switched.current = true;
    form.clear();
    setMode((current) => (current === 'code' ? 'recovery' : 'code'));
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (form.busy) return;
    const problem = mode === 'code' ? checkTotpCode(code, t) : checkRecoveryCode(recoveryCode, t);
    if (problem) return form.failOnField(problem);

    form.setBusy(true);
    try {
      await verifyMfa(mode === 'code' ? { code: normalizeTotpCode(code) } : { recoveryCode: normalizeRecoveryCode(recoveryCode) });
      onSignedIn();
    } catch (error) {
      form.setBusy(false);
      if (isMfaSessionMissing(error)) return onSessionMissing(describeMfaError(error, t));
      // 401 invalid_mfa_code goes beside the field; 429 (with the retry time) and the rest in the summary.
      form.failWith(error, SERVER_FIELD[mode]);
    }
  }

  return (
    <div className="narrow">
      <PageHeading ref={heading}>{title}</PageHeading>
      <ErrorSummary title={t('errors.summaryTitle')} items={form.summary} focusSignal={form.failed} />
      <p>{mode === 'code' ? t('mfa.verify.introCode') : t('mfa.verify.introRecovery')}</p>
      <form className="form" onSubmit={(event) => void handleSubmit(event)} noValidate aria-busy={form.busy || undefined}>
        {mode === 'code' ? (
          <OtpField key="code" id={FIELD_ID.code} value={code} onChange={setCode} error={form.fieldError} />
        ) : (
          <TextField
            key="recovery"
            id={FIELD_ID.recovery}
            label={t('mfa.fields.recoveryCode')}
            hint={t('mfa.fields.recoveryCodeHint')}
            autoComplete="off"
            spellCheck={false}
            autoCapitalize="none"
            className="field__input--otp"
            required
            value={recoveryCode}
            onChange={setRecoveryCode}
            error={form.fieldError}
          />
        )}
        <button className="button" type="submit" id="mfa-verify-submit">
          {form.busy ? t('mfa.verify.submitting') : t('mfa.verify.submit')}
        </button>
      </form>
      <div className="button-row">
        <button className="button button--secondary" type="button" id="mfa-switch-method" onClick={switchMode}>
          {mode === 'code' ? t('mfa.verify.useRecoveryCode') : t('mfa.verify.useAuthenticator')}
        </button>
        <button className="button button--secondary" type="button" id="mfa-start-again" onClick={onStartAgain}>
          {t('mfa.verify.startAgain')}
        </button>
      </div>
      <p className="muted">{t('mfa.verify.noAccess')}</p>
    </div>
  );
}

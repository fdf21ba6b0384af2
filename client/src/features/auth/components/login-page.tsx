import { useRef, useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { ErrorSummary, type ErrorSummaryItem } from '../../../components/ui/error-summary';
import { Notice } from '../../../components/ui/notice';
import { PageHeading } from '../../../components/ui/page-heading';
import { TextField } from '../../../components/ui/text-field';
import { isApiError } from '../../../lib/api';
import { describeError } from '../../../lib/error-message';
import { useT } from '../../../lib/i18n';
import { useSession, type MfaRequirement } from '../../../lib/session';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { mapSignInError, safeNextPath, validateSignIn, type FieldErrors, type SignInField } from '../validation';
import { MfaSetup } from './mfa-setup';
import { MfaVerifyStep } from './mfa-verify-step';
import { RecoveryCodes } from './recovery-codes';
import { useStepHeading } from './use-step-heading';

/** Set by the registration page when it sends the new user here. */
export type SignInLocationState = { registeredEmail?: string } | null;

type Step =
  | { name: 'password'; error?: string; returned?: boolean }
  | { name: MfaRequirement }
  | { name: 'recovery-codes'; codes: string[] };

/**
 * Sign-in, one step at a time on the same page: the password, then (when the account needs it) two-step
 * verification, or setting it up (staff, when the platform requires it) followed by the new recovery codes.
 * Each new step's heading takes focus so the change is read out.
 */
export function LoginPage() {
  const navigate = useNavigate();
  const location = useLocation();
  const [searchParams] = useSearchParams();
  const registeredEmail = (location.state as SignInLocationState)?.registeredEmail;
  const [email, setEmail] = useState(registeredEmail ?? '');
  const [step, setStep] = useState<Step>({ name: 'password' });
  const { cancelSignIn } = useSession();
  const leaving = useRef(false);

  const next = safeNextPath(searchParams.get('next'));
  const goOn = () => navigate(next, { replace: true });
  // The half-finished sign-in expired (or the user chose to start again): back to the password, keeping the email.
  const restart = (error?: string) => setStep({ name: 'password', error, returned: true });
  // The user chose to go back: the server ends the half-finished sign-in (its errors do not matter) and its CSRF
  // token is forgotten, then the password step again.
  async function startAgain() {
    if (leaving.current) return;
    leaving.current = true;
    await cancelSignIn();
    leaving.current = false;
    restart();
  }

  switch (step.name) {
    case 'password':
      return (
        <PasswordStep
          email={email}
          onEmailChange={setEmail}
          registered={!!registeredEmail && !step.returned}
          returnedWithError={step.error}
          focusHeading={!!step.returned && !step.error}
          onSignedIn={goOn}
          onMfa={(required: MfaRequirement) => setStep({ name: required })}
        />
      );
    case 'verify':
      return <MfaVerifyStep onSignedIn={goOn} onSessionMissing={restart} onStartAgain={() => void startAgain()} />;
    case 'enroll':
      return (
        <EnrollStep
          onEnabled={(codes) => setStep({ name: 'recovery-codes', codes })}
          onSessionMissing={restart}
          onStartAgain={() => void startAgain()}
        />
      );
    case 'recovery-codes':
      return <RecoveryCodesStep codes={step.codes} onDone={goOn} />;
  }
}

type PasswordStepProps = {
  email: string;
  onEmailChange: (email: string) => void;
  registered: boolean;
  /** The server's message when a half-finished sign-in expired and the user must start again. */
  returnedWithError?: string;
  focusHeading: boolean;
  onSignedIn: () => void;
  onMfa: (required: MfaRequirement) => void;
};

function PasswordStep({ email, onEmailChange, registered, returnedWithError, focusHeading, onSignedIn, onMfa }: PasswordStepProps) {
  const t = useT();
  const { signIn } = useSession();
  const heading = useStepHeading(focusHeading);

  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors<SignInField>>({});
  const [generalErrors, setGeneralErrors] = useState<string[]>(returnedWithError ? [returnedWithError] : []);
  const [failedSubmits, setFailedSubmits] = useState(0);
  const [submitting, setSubmitting] = useState(false);

  const summary: ErrorSummaryItem[] = [
    ...generalErrors.map((message) => ({ message })),
    ...(['email', 'password'] as const).flatMap((field) =>
      fieldErrors[field] ? [{ fieldId: field, message: fieldErrors[field]! }] : [],
    ),
  ];
  const title = t('signIn.title');
  useDocumentTitle(summary.length > 0 ? `${t('common.errorPrefix')}${title}` : title);

  function fail(fields: FieldErrors<SignInField>, general: string[]) {
    setFieldErrors(fields);
    setGeneralErrors(general);
    setFailedSubmits((n) => n + 1);
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) return;

    const errors = validateSignIn({ email, password }, t);
    if (Object.keys(errors).length > 0) return fail(errors, []);

    setSubmitting(true);
    try {
      const result = await signIn(email.trim(), password);
      if ('mfa' in result) return onMfa(result.mfa);
      onSignedIn();
    } catch (error) {
      setSubmitting(false);
      // 401 (wrong email or password) and 429 (too many attempts, with the retry time) carry
      // the server's message in the user's language; show it as it is.
      const message =
        isApiError(error) && error.status === 401 && !error.serverMessage ? t('signIn.failed') : describeError(error, t);
      if (isApiError(error) && error.status === 400) {
        const mapped = mapSignInError(error, message);
        return fail(mapped.fields, mapped.general);
      }
      fail({}, [message]);
    }
  }

  return (
    <div className="narrow">
      <PageHeading ref={heading}>{title}</PageHeading>
      {registered && <Notice kind="success">{t('signIn.registered')}</Notice>}
      <ErrorSummary title={t('errors.summaryTitle')} items={summary} focusSignal={failedSubmits} />
      <p>{t('signIn.intro')}</p>
      <form className="form" onSubmit={handleSubmit} noValidate aria-busy={submitting || undefined}>
        <TextField
          id="email"
          label={t('fields.email')}
          type="email"
          autoComplete="username"
          spellCheck={false}
          autoCapitalize="none"
          required
          value={email}
          onChange={onEmailChange}
          error={fieldErrors.email}
        />
        <TextField
          id="password"
          label={t('fields.password')}
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={setPassword}
          error={fieldErrors.password}
        />
        <button className="button" type="submit">
          {submitting ? t('signIn.submitting') : t('signIn.submit')}
        </button>
      </form>
      <p className="form-footer">
        {t('signIn.noAccount')} <Link to="/register">{t('signIn.registerLink')}</Link>
      </p>
    </div>
  );
}

type EnrollStepProps = {
  onEnabled: (codes: string[]) => void;
  onSessionMissing: (message: string) => void;
  /** The user chose to sign in again (e.g. with another account). */
  onStartAgain: () => void;
};

/** Setting up two-step verification during sign-in: the platform requires it of staff without it. */
function EnrollStep({ onEnabled, onSessionMissing, onStartAgain }: EnrollStepProps) {
  const t = useT();
  const heading = useStepHeading(true);
  const title = t('mfa.enroll.title');
  useDocumentTitle(title);
  return (
    <div className="narrow">
      <PageHeading ref={heading}>{title}</PageHeading>
      <p>{t('mfa.enroll.intro')}</p>
      <MfaSetup onEnabled={onEnabled} onSessionMissing={onSessionMissing} />
      <div className="button-row">
        <button className="button button--secondary" type="button" id="mfa-enroll-start-again" onClick={onStartAgain}>
          {t('mfa.verify.startAgain')}
        </button>
      </div>
    </div>
  );
}

/** After setting up at sign-in the user is signed in; they go on only once they say the codes are saved. */
function RecoveryCodesStep({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const t = useT();
  useDocumentTitle(t('mfa.codes.title'));
  return (
    <div className="narrow">
      <RecoveryCodes codes={codes} headingLevel={1} onDone={onDone} />
    </div>
  );
}

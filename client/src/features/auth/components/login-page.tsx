import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { ErrorSummary, type ErrorSummaryItem } from '../../../components/ui/error-summary';
import { Notice } from '../../../components/ui/notice';
import { PageHeading } from '../../../components/ui/page-heading';
import { TextField } from '../../../components/ui/text-field';
import { isApiError } from '../../../lib/api';
import { describeError } from '../../../lib/error-message';
import { useT } from '../../../lib/i18n';
import { useSession } from '../../../lib/session';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { mapSignInError, safeNextPath, validateSignIn, type FieldErrors, type SignInField } from '../validation';

/** Set by the registration page when it sends the new user here. */
export type SignInLocationState = { registeredEmail?: string } | null;

export function LoginPage() {
  const t = useT();
  const { signIn } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [searchParams] = useSearchParams();
  const registeredEmail = (location.state as SignInLocationState)?.registeredEmail;

  const [email, setEmail] = useState(registeredEmail ?? '');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors<SignInField>>({});
  const [generalErrors, setGeneralErrors] = useState<string[]>([]);
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
      await signIn(email.trim(), password);
      navigate(safeNextPath(searchParams.get('next')), { replace: true });
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
      <PageHeading>{title}</PageHeading>
      {registeredEmail && <Notice kind="success">{t('signIn.registered')}</Notice>}
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
          onChange={setEmail}
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

import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { ErrorSummary, type ErrorSummaryItem } from '../../../components/ui/error-summary';
import { PageHeading } from '../../../components/ui/page-heading';
import { TextField } from '../../../components/ui/text-field';
import { isApiError } from '../../../lib/api';
import { describeError } from '../../../lib/error-message';
import { useT } from '../../../lib/i18n';
import { useSession } from '../../../lib/session';
import { normalizeUscc } from '../../../lib/uscc';
import { useDocumentTitle } from '../../../lib/use-document-title';
import {
  REGISTRATION_FIELDS,
  mapRegistrationError,
  validateRegistration,
  type FieldErrors,
  type RegistrationField,
  type RegistrationValues,
} from '../validation';
import type { SignInLocationState } from './login-page';

const EMPTY: RegistrationValues = { displayName: '', email: '', password: '', companyName: '', uscc: '' };

export function RegisterPage() {
  const t = useT();
  const { register } = useSession();
  const navigate = useNavigate();

  const [values, setValues] = useState<RegistrationValues>(EMPTY);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors<RegistrationField>>({});
  const [generalErrors, setGeneralErrors] = useState<string[]>([]);
  const [failedSubmits, setFailedSubmits] = useState(0);
  const [submitting, setSubmitting] = useState(false);

  const summary: ErrorSummaryItem[] = [
    ...generalErrors.map((message) => ({ message })),
    ...REGISTRATION_FIELDS.flatMap((field) =>
      fieldErrors[field] ? [{ fieldId: field, message: fieldErrors[field]! }] : [],
    ),
  ];
  const title = t('register.title');
  useDocumentTitle(summary.length > 0 ? `${t('common.errorPrefix')}${title}` : title);

  function setField(field: RegistrationField) {
    return (value: string) => setValues((current) => ({ ...current, [field]: value }));
  }

  function fail(fields: FieldErrors<RegistrationField>, general: string[]) {
    setFieldErrors(fields);
    setGeneralErrors(general);
    setFailedSubmits((n) => n + 1);
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) return;

    const errors = validateRegistration(values, t);
    if (Object.keys(errors).length > 0) return fail(errors, []);

    setSubmitting(true);
    const email = values.email.trim();
    try {
      await register({
        email,
        password: values.password,
        displayName: values.displayName.trim(),
        company: { name: values.companyName.trim(), uscc: normalizeUscc(values.uscc) },
      });
      const state: SignInLocationState = { registeredEmail: email };
      navigate('/login', { state });
    } catch (error) {
      setSubmitting(false);
      const message = describeError(error, t);
      if (!isApiError(error)) return fail({}, [message]);
      const mapped = mapRegistrationError(error, message, t);
      fail(mapped.fields, mapped.general);
    }
  }

  return (
    <div className="narrow">
      <PageHeading>{title}</PageHeading>
      <ErrorSummary title={t('errors.summaryTitle')} items={summary} focusSignal={failedSubmits} />
      <p>{t('register.intro')}</p>
      <p className="muted">{t('register.joinNote')}</p>
      <form className="form" onSubmit={handleSubmit} noValidate aria-busy={submitting || undefined}>
        <fieldset className="fieldset">
          <legend className="fieldset__legend">{t('register.aboutYou')}</legend>
          <TextField
            id="displayName"
            label={t('fields.displayName')}
            autoComplete="name"
            required
            value={values.displayName}
            onChange={setField('displayName')}
            error={fieldErrors.displayName}
          />
          <TextField
            id="email"
            label={t('fields.email')}
            type="email"
            autoComplete="email"
            spellCheck={false}
            autoCapitalize="none"
            required
            value={values.email}
            onChange={setField('email')}
            error={fieldErrors.email}
          />
          <TextField
            id="password"
            label={t('fields.password')}
            hint={t('fields.passwordNewHint')}
            type="password"
            autoComplete="new-password"
            required
            value={values.password}
            onChange={setField('password')}
            error={fieldErrors.password}
          />
        </fieldset>
        <fieldset className="fieldset">
          <legend className="fieldset__legend">{t('register.aboutCompany')}</legend>
          <TextField
            id="companyName"
            label={t('fields.companyName')}
            hint={t('fields.companyNameHint')}
            autoComplete="organization"
            required
            value={values.companyName}
            onChange={setField('companyName')}
            error={fieldErrors.companyName}
          />
          <TextField
            id="uscc"
            label={t('fields.uscc')}
            hint={t('fields.usccHint')}
            autoComplete="off"
            spellCheck={false}
            autoCapitalize="characters"
            className="field__input--code"
            required
            value={values.uscc}
            onChange={setField('uscc')}
            error={fieldErrors.uscc}
          />
        </fieldset>
        <button className="button" type="submit">
          {submitting ? t('register.submitting') : t('register.submit')}
        </button>
      </form>
      <p className="form-footer">
        {t('register.haveAccount')} <Link to="/login">{t('register.signInLink')}</Link>
      </p>
    </div>
  );
}

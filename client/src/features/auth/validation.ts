import type { ApiError } from '../../lib/api';
import type { Translate } from '../../lib/i18n';
import { findUsccProblem, normalizeUscc } from '../../lib/uscc';

/** The server's own minimum (see POST /api/auth/register). */
export const PASSWORD_MIN_LENGTH = 10;

export type FieldErrors<Field extends string> = Partial<Record<Field, string>>;

export type SignInField = 'email' | 'password';
export type SignInValues = Record<SignInField, string>;

/** In form order, which is also the order of the error summary. */
export const REGISTRATION_FIELDS = ['displayName', 'email', 'password', 'companyName', 'uscc'] as const;
export type RegistrationField = (typeof REGISTRATION_FIELDS)[number];
export type RegistrationValues = Record<RegistrationField, string>;

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function checkEmail(email: string, t: Translate): string | undefined {
  const value = email.trim();
  if (!value) return t('validation.emailRequired');
  if (!EMAIL_PATTERN.test(value)) return t('validation.emailInvalid');
  return undefined;
}

export function validateSignIn(values: SignInValues, t: Translate): FieldErrors<SignInField> {
  const errors: FieldErrors<SignInField> = {};
  const email = checkEmail(values.email, t);
  if (email) errors.email = email;
  if (!values.password) errors.password = t('validation.passwordRequired');
  return errors;
}

export function validateRegistration(values: RegistrationValues, t: Translate): FieldErrors<RegistrationField> {
  const errors: FieldErrors<RegistrationField> = {};
  if (!values.displayName.trim()) errors.displayName = t('validation.displayNameRequired');
  const email = checkEmail(values.email, t);
  if (email) errors.email = email;
  if (!values.password) errors.password = t('validation.passwordRequired');
  else if (values.password.length < PASSWORD_MIN_LENGTH) errors.password = t('validation.passwordTooShort');
  if (!values.companyName.trim()) errors.companyName = t('validation.companyNameRequired');

  const uscc = normalizeUscc(values.uscc);
  if (!uscc) errors.uscc = t('validation.usccRequired');
  else {
    const problem = findUsccProblem(uscc);
    if (problem === 'length') errors.uscc = t('validation.usccLength');
    if (problem === 'charset') errors.uscc = t('validation.usccCharset');
    if (problem === 'check') errors.uscc = t('validation.usccCheck');
  }
  return errors;
}

/** The server names fields by their place in the request body; the form names them by input id. */
const REGISTRATION_FIELD_BY_SERVER_FIELD: Record<string, RegistrationField> = {
  displayName: 'displayName',
  email: 'email',
  password: 'password',
  'company.name': 'companyName',
  'company.uscc': 'uscc',
};

export type ServerFormErrors<Field extends string> = {
  fields: FieldErrors<Field>;
  /** Messages that belong to no field, shown only in the error summary. */
  general: string[];
};

export function mapRegistrationError(error: ApiError, fallbackMessage: string, t: Translate): ServerFormErrors<RegistrationField> {
  const result: ServerFormErrors<RegistrationField> = { fields: {}, general: [] };

  for (const { field, message } of error.errors) {
    const formField = REGISTRATION_FIELD_BY_SERVER_FIELD[field];
    if (formField && !result.fields[formField]) result.fields[formField] = message;
    else if (!formField) result.general.push(message);
  }
  if (error.errors.length > 0) return result;

  // A company that already has an account is a problem with the code the user entered.
  if (error.code === 'company_exists') {
    result.fields.uscc = error.serverMessage ?? t('register.companyExists');
  } else {
    result.general.push(fallbackMessage);
  }
  return result;
}

export function mapSignInError(error: ApiError, fallbackMessage: string): ServerFormErrors<SignInField> {
  const result: ServerFormErrors<SignInField> = { fields: {}, general: [] };
  for (const { field, message } of error.errors) {
    if ((field === 'email' || field === 'password') && !result.fields[field]) result.fields[field] = message;
    else result.general.push(message);
  }
  if (error.errors.length === 0) result.general.push(fallbackMessage);
  return result;
}

/** Only a path on this site may follow sign-in, never another origin. */
export function safeNextPath(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next === '/login' || next.startsWith('/login?')) return '/';
  return next;
}

/** Two-step verification (TOTP): the server's shapes, the client's checks of a code's format, and its error messages. */
import { isApiError, type ApiError } from '../../lib/api';
import { describeError } from '../../lib/error-message';
import type { MessageKey, Translate } from '../../lib/i18n';
import type { MfaVerification } from '../../lib/session';

/** GET /api/auth/mfa. `required`: the platform requires it for this user, who then cannot turn it off. */
export type MfaStatus = { enabled: boolean; required: boolean; enabledAt: string | null; recoveryCodesLeft: number };

/**
 * A code the server e-mailed to the account's own address (during an "enroll" sign-in), so that a stolen password
 * alone cannot bind an attacker's authenticator. `sentTo` is the address partly hidden (wa****@example.com);
 * `resendAfterSeconds`: how long before another code may be asked for.
 */
export type MfaEmailCode = { sentTo: string; resendAfterSeconds: number };

/**
 * POST /api/auth/mfa/setup. `qrCodeDataUrl` is a data:image/png URL; `secret` is base32. `emailCode` only during an
 * "enroll" sign-in: enabling then also needs the code from that e-mail.
 */
export type MfaSetup = { secret: string; otpauthUri: string; qrCodeDataUrl: string; emailCode?: MfaEmailCode };

/** The name of the file the recovery codes download as. */
export const RECOVERY_CODES_FILE = 'huiqi-recovery-codes.txt';

/** "123 456" → "123456": people copy codes with the app's space. */
export function normalizeTotpCode(value: string): string {
  return value.replace(/\s+/g, '');
}

/** Empty when the code looks right; the server still decides whether it is. */
export function checkTotpCode(value: string, t: Translate): string | undefined {
  const code = normalizeTotpCode(value);
  if (!code) return t('mfa.validation.codeRequired');
  if (!/^\d{6}$/.test(code)) return t('mfa.validation.codeFormat');
  return undefined;
}

/** The same check for the code from the e-mail (also six digits), in words that name the e-mail. */
export function checkEmailCode(value: string, t: Translate): string | undefined {
  const code = normalizeTotpCode(value);
  if (!code) return t('mfa.validation.emailCodeRequired');
  if (!/^\d{6}$/.test(code)) return t('mfa.validation.emailCodeFormat');
  return undefined;
}

/** " ABCDE 12345 " → "abcde-12345" (the server ignores case, spaces and a missing hyphen too). */
export function normalizeRecoveryCode(value: string): string {
  const compact = value.replace(/[\s-]+/g, '').toLowerCase();
  return compact.length === 10 ? `${compact.slice(0, 5)}-${compact.slice(5)}` : compact;
}

export function checkRecoveryCode(value: string, t: Translate): string | undefined {
  const code = normalizeRecoveryCode(value);
  if (!code) return t('mfa.validation.recoveryCodeRequired');
  if (!/^[a-z0-9]{5}-[a-z0-9]{5}$/.test(code)) return t('mfa.validation.recoveryCodeFormat');
  return undefined;
}

/**
 * A field that takes either the app's 6-digit code or a recovery code (turning two-step verification off, new
 * recovery codes): what to send, or the problem to show beside the field. Spaces are ignored; a recovery code is
 * 10 letters or digits with an optional hyphen (the server ignores case, spaces and the hyphen).
 */
export function readSecondFactor(value: string, t: Translate): { body: MfaVerification } | { problem: string } {
  const compact = value.replace(/\s+/g, '');
  if (!compact) return { problem: t('mfa.validation.eitherRequired') };
  if (/^\d{6}$/.test(compact)) return { body: { code: compact } };
  if (/^[A-Za-z0-9]+-?[A-Za-z0-9]+$/.test(compact) && compact.replace('-', '').length === 10) {
    return { body: { recoveryCode: normalizeRecoveryCode(compact) } };
  }
  return { problem: t('mfa.validation.eitherFormat') };
}

/** "JBSWY3DPEHPK3PXP" → "JBSW Y3DP EHPK 3PXP", for typing by hand. */
export function groupSecret(secret: string): string {
  return (
    secret
      .replace(/\s+/g, '')
      .match(/.{1,4}/g)
      ?.join(' ') ?? ''
  );
}

/** The half-finished sign-in has expired (5 minutes to verify, 15 to set up): the user starts again with the password. */
export function isMfaSessionMissing(error: unknown): error is ApiError {
  return isApiError(error) && error.code === 'mfa_session_missing';
}

/** The code was wrong or already used: a problem with the field, not the form. */
export function isInvalidMfaCode(error: unknown): error is ApiError {
  return isApiError(error) && error.code === 'invalid_mfa_code';
}

/** The code from the e-mail was wrong or has expired (10 minutes): a problem with that field. */
export function isInvalidEmailCode(error: unknown): error is ApiError {
  return isApiError(error) && error.code === 'invalid_email_code';
}

/**
 * Setting up while signed in, the password asked again was not accepted: wrong or missing (401 invalid_credentials),
 * too many attempts (429, with Retry-After), or refused by the server's checks (400 naming `password`).
 */
export function isPasswordRejected(error: unknown): error is ApiError {
  if (!isApiError(error)) return false;
  if (error.code === 'invalid_credentials' || error.code === 'too_many_sign_in_attempts') return true;
  return error.status === 400 && error.errors.some(({ field }) => field === 'password');
}

const FALLBACK_BY_CODE: Record<string, MessageKey> = {
  invalid_credentials: 'security.passwordWrong',
  invalid_mfa_code: 'mfa.errors.invalidCode',
  invalid_email_code: 'mfa.errors.invalidEmailCode',
  mfa_session_missing: 'mfa.errors.sessionMissing',
  mfa_setup_missing: 'mfa.errors.setupMissing',
  mfa_already_enabled: 'mfa.errors.alreadyEnabled',
  mfa_required: 'mfa.errors.required',
};

/**
 * The server's own message (localized) when it sent one; otherwise our words for the two-step codes,
 * then the usual fallbacks (network, 429 with the retry time, unexpected).
 */
export function describeMfaError(error: unknown, t: Translate): string {
  if (isApiError(error) && !error.serverMessage && FALLBACK_BY_CODE[error.code]) return t(FALLBACK_BY_CODE[error.code]);
  return describeError(error, t);
}

/** The field a 400 validation_failed names (`code`, `recoveryCode`, `emailCode`), as the input's id on this form. */
export function mfaFieldErrors(error: unknown, fieldIdOf: Record<string, string>): { fieldId: string; message: string }[] {
  if (!isApiError(error)) return [];
  return error.errors.flatMap(({ field, message }) => (fieldIdOf[field] ? [{ fieldId: fieldIdOf[field], message }] : []));
}

import { api } from '../../../lib/api';
import type { MfaSetup } from '../mfa';

/**
 * A new secret for the authenticator app; calling again replaces a secret not yet confirmed. Signed in, the password
 * is asked again (`password`), so a borrowed session cannot bind another person's authenticator: 401
 * invalid_credentials when it is wrong or missing, 429 too_many_sign_in_attempts (Retry-After). During an "enroll"
 * sign-in the body stays empty (leave `password` out), and the server also e-mails a code to the account's address
 * (the answer's `emailCode`; none again if one went out less than a minute ago). 409 mfa_already_enabled; 401
 * mfa_session_missing when a half-finished sign-in has expired.
 */
export function setupMfa(password?: string, signal?: AbortSignal): Promise<MfaSetup> {
  return api.post('/api/auth/mfa/setup', password === undefined ? {} : { password }, { signal });
}

import { api } from '../../../lib/api';
import type { MfaSetup } from '../mfa';

/**
 * A new secret for the authenticator app (signed in, or during an "enroll" sign-in); calling again replaces a secret
 * not yet confirmed. 409 mfa_already_enabled; 401 mfa_session_missing when a half-finished sign-in has expired.
 */
export function setupMfa(signal?: AbortSignal): Promise<MfaSetup> {
  return api.post('/api/auth/mfa/setup', {}, { signal });
}

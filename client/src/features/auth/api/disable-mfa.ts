import { api } from '../../../lib/api';
import type { MfaVerification } from '../../../lib/session';

/**
 * Turns two-step verification off, confirmed with a current code from the app or a recovery code (a lost phone).
 * 409 mfa_required, 401 invalid_mfa_code, 429 too_many_sign_in_attempts.
 */
export function disableMfa(confirmation: MfaVerification): Promise<void> {
  return api.post('/api/auth/mfa/disable', confirmation);
}

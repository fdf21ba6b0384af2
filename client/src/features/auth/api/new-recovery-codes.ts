import { api } from '../../../lib/api';
import type { MfaVerification } from '../../../lib/session';

/**
 * A new set of recovery codes (the old ones stop working), confirmed with a current code from the app or a recovery
 * code. 401 invalid_mfa_code, 429 too_many_sign_in_attempts.
 */
export function newRecoveryCodes(confirmation: MfaVerification): Promise<{ recoveryCodes: string[] }> {
  return api.post('/api/auth/mfa/recovery-codes', confirmation);
}

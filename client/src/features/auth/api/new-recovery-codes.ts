import { api } from '../../../lib/api';

/** A new set of recovery codes (the old ones stop working), confirmed with a current code. 401 invalid_mfa_code. */
export function newRecoveryCodes(code: string): Promise<{ recoveryCodes: string[] }> {
  return api.post('/api/auth/mfa/recovery-codes', { code });
}

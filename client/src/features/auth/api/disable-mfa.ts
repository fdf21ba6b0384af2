import { api } from '../../../lib/api';

/** Turns two-step verification off, confirmed with a current code. 409 mfa_required, 401 invalid_mfa_code. */
export function disableMfa(code: string): Promise<void> {
  return api.post('/api/auth/mfa/disable', { code });
}

import { api } from '../../../lib/api';
import type { MfaStatus } from '../mfa';

/** Signed in: whether two-step verification is on, since when, and how many recovery codes are left. */
export function getMfaStatus(signal?: AbortSignal): Promise<MfaStatus> {
  return api.get('/api/auth/mfa', { signal });
}

import { api } from '../../../lib/api';
import type { ConsentInvitation } from '../types';

/** Unknown, used or expired links answer 404. */
export function getConsent(token: string, signal?: AbortSignal): Promise<ConsentInvitation> {
  return api.get(`/api/consent/${encodeURIComponent(token)}`, { signal });
}

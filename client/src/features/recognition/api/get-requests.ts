import { api } from '../../../lib/api';
import type { RecognitionList, RecognitionStatus } from '../types';

/** The officer's queue (by status), or one team's requests for the firm (by team). */
export function getRequests(filter: { status?: RecognitionStatus; teamId?: string; limit?: number }, signal?: AbortSignal): Promise<RecognitionList> {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value !== undefined && value !== '') query.set(key, String(value));
  const search = query.toString();
  return api.get(`/api/recognition-requests${search ? `?${search}` : ''}`, { signal });
}

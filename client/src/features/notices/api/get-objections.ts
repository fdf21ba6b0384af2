import { api } from '../../../lib/api';
import type { Objection } from '../types';

export function getObjections(noticeId: string, signal?: AbortSignal): Promise<{ items: Objection[] }> {
  return api.get(`/api/notices/${encodeURIComponent(noticeId)}/objections`, { signal });
}

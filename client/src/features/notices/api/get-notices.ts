import { api } from '../../../lib/api';
import type { NoticeSummary } from '../types';

export function getNotices(signal?: AbortSignal): Promise<{ items: NoticeSummary[]; total: number }> {
  return api.get('/api/notices', { signal });
}

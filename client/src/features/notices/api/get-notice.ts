import { api } from '../../../lib/api';
import type { PublicNotice } from '../types';

export function getNotice(id: string, signal?: AbortSignal): Promise<PublicNotice> {
  return api.get(`/api/notices/${encodeURIComponent(id)}`, { signal });
}

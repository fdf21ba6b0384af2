import { api } from '../../../lib/api';
import type { Call } from '../types';

export function getCalls(status: 'open' | 'upcoming' | 'closed', signal?: AbortSignal): Promise<{ items: Call[]; total: number }> {
  return api.get(`/api/calls?status=${status}`, { signal });
}

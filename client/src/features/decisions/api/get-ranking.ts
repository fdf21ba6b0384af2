import { api } from '../../../lib/api';
import type { Ranking } from '../types';

export function getRanking(callId: string, signal?: AbortSignal): Promise<Ranking> {
  return api.get(`/api/calls/${encodeURIComponent(callId)}/ranking`, { signal });
}

import { api } from '../../../lib/api';
import type { Stats, StatsQuery } from '../types';

/** Officers: the figures for one call, one programme, or (with neither) the whole platform. */
export function getStats(query: StatsQuery, signal?: AbortSignal): Promise<Stats> {
  const params = new URLSearchParams();
  if (query.callId) params.set('callId', query.callId);
  else if (query.programme) params.set('programme', query.programme);
  const search = params.toString();
  return api.get(`/api/stats${search ? `?${search}` : ''}`, { signal });
}

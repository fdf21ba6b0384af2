import { api } from '../../../lib/api';
import type { Team } from '../types';

/** Another firm's team answers 404. */
export function getTeam(id: string, signal?: AbortSignal): Promise<Team> {
  return api.get(`/api/talent-teams/${encodeURIComponent(id)}`, { signal });
}

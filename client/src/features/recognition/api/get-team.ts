import { api } from '../../../lib/api';
import type { PointsTeam } from '../types';

/** The member's team, for their name and masked ID number; another firm's team answers 404. */
export function getTeam(id: string, signal?: AbortSignal): Promise<PointsTeam> {
  return api.get(`/api/talent-teams/${encodeURIComponent(id)}`, { signal });
}

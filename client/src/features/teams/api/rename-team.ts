import { api } from '../../../lib/api';
import type { Team } from '../types';

export function renameTeam(id: string, name: string): Promise<Team> {
  return api.patch(`/api/talent-teams/${encodeURIComponent(id)}`, { name });
}

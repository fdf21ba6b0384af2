import { api } from '../../../lib/api';
import type { Team } from '../types';

/** The firm's own teams; an officer gets every firm's. */
export function getTeams(signal?: AbortSignal): Promise<{ items: Team[]; total: number }> {
  return api.get('/api/talent-teams', { signal });
}

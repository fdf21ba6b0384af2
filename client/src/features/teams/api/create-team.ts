import { api } from '../../../lib/api';
import type { Team, TeamInput } from '../types';

/** Field errors name the member: `members[0].idNumber`, `members[1].consent`… */
export function createTeam(input: TeamInput): Promise<Team> {
  return api.post('/api/talent-teams', input);
}

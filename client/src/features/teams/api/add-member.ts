import { api } from '../../../lib/api';
import type { Member, MemberInput } from '../types';

export function addMember(teamId: string, input: MemberInput): Promise<Member> {
  return api.post(`/api/talent-teams/${encodeURIComponent(teamId)}/members`, input);
}

import { api } from '../../../lib/api';
import type { Member, MemberChanges } from '../types';
import { memberPath } from './member-path';

/** Setting an ID number again needs `consent: true` again. */
export function updateMember(teamId: string, memberId: string, changes: MemberChanges): Promise<Member> {
  return api.patch(memberPath(teamId, memberId), changes);
}

import { api } from '../../../lib/api';
import { memberPath } from './member-path';

/** The member's personal data is erased with them. */
export function removeMember(teamId: string, memberId: string): Promise<void> {
  return api.delete(memberPath(teamId, memberId));
}

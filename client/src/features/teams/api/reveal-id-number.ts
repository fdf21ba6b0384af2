import { api } from '../../../lib/api';
import type { RevealedIdNumber } from '../types';
import { memberPath } from './member-path';

/** Officer only, audited with the reason given (5–500 characters). */
export function revealIdNumber(teamId: string, memberId: string, reason: string): Promise<RevealedIdNumber> {
  return api.post(`${memberPath(teamId, memberId)}/reveal`, { reason });
}

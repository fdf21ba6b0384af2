import { api } from '../../../lib/api';
import type { Member } from '../types';
import { memberPath } from './member-path';

/** The member's ID number is erased and the consent marked withdrawn. */
export function withdrawConsent(teamId: string, memberId: string, note?: string): Promise<Member> {
  return api.post(`${memberPath(teamId, memberId)}/consent-withdrawal`, note ? { note } : {});
}

import { api } from '../../../lib/api';
import { memberPath } from './member-path';

/** E-mails the member a one-time link (valid 7 days) to confirm consent and enter their own ID number. */
export function requestConsent(teamId: string, memberId: string, email: string): Promise<{ requestExpiresAt: string }> {
  return api.post(`${memberPath(teamId, memberId)}/consent-request`, { email });
}

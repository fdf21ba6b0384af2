import { api } from '../../../lib/api';
import type { CompanyRole, Invitation } from '../types';

/** Owner only (403 otherwise); 409 email_taken on the field email. */
export function invite(email: string, role: CompanyRole): Promise<Invitation> {
  return api.post('/api/company/invitations', { email, role });
}

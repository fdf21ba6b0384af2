import { api, ensureCsrfToken } from '../../../lib/api';
import type { ConsentGiven } from '../types';

/** The member agrees and enters their own ID number; the link works once. Visitors first get an anonymous CSRF token. */
export async function giveConsent(token: string, idNumber: string): Promise<ConsentGiven> {
  await ensureCsrfToken();
  return api.post(`/api/consent/${encodeURIComponent(token)}`, { agree: true, idNumber });
}

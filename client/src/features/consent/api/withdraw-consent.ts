import { api, ensureCsrfToken } from '../../../lib/api';

/** The member withdraws the consent they gave through this link; their ID number is erased and the link ends. */
export async function withdrawConsent(token: string): Promise<{ status: 'withdrawn' }> {
  await ensureCsrfToken();
  return api.post(`/api/consent/${encodeURIComponent(token)}/withdrawal`, {});
}

import { api, ensureCsrfToken } from '../../../lib/api';
import type { ObjectionInput, ObjectionReceipt } from '../types';

/** Anyone may object while a notice is open; a visitor without a session first gets an anonymous CSRF token. */
export async function submitObjection(noticeId: string, input: ObjectionInput): Promise<ObjectionReceipt> {
  await ensureCsrfToken();
  return api.post(`/api/notices/${encodeURIComponent(noticeId)}/objections`, input);
}

import { api } from '../../../lib/api';

/** Queues a failed e-mail again; its attempts start over. */
export function resendMail(mailId: number): Promise<{ id: number; status: 'queued' }> {
  return api.post(`/api/mail/${encodeURIComponent(String(mailId))}/resend`, {});
}

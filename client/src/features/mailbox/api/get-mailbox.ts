import { api } from '../../../lib/api';
import type { MailMessage } from '../types';

export function getMailbox(signal?: AbortSignal): Promise<{ items: MailMessage[] }> {
  return api.get('/api/mailbox', { signal });
}

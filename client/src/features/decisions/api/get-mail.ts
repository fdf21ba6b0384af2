import { api } from '../../../lib/api';
import type { MailItem } from '../types';

/** The e-mails queued for an application, with their delivery state. */
export function getMail(applicationId: string, signal?: AbortSignal): Promise<{ items: MailItem[] }> {
  return api.get(`/api/applications/${encodeURIComponent(applicationId)}/mail`, { signal });
}

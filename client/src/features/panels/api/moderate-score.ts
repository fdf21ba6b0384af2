import { api } from '../../../lib/api';

/** Sets the application's final total, with the reason recorded in its moderation history. */
export function moderateScore(applicationId: string, total: number, reason: string): Promise<{ id: string; total: number }> {
  return api.post(`/api/applications/${encodeURIComponent(applicationId)}/moderation`, { total, reason });
}

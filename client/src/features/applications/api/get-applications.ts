import { api } from '../../../lib/api';
import type { ApplicationSummary } from '../types';

export function getApplications(
  filter: { callId?: string; status?: string; limit?: number; offset?: number },
  signal?: AbortSignal,
): Promise<{ items: ApplicationSummary[]; total: number }> {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value !== undefined && value !== '') query.set(key, String(value));
  const search = query.toString();
  return api.get(`/api/applications${search ? `?${search}` : ''}`, { signal });
}

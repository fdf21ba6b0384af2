import { api } from '../../../lib/api';
import type { ApplicationScores } from '../types';

export function getScores(applicationId: string, signal?: AbortSignal): Promise<ApplicationScores> {
  return api.get(`/api/applications/${encodeURIComponent(applicationId)}/scores`, { signal });
}

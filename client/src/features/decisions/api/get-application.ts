import { api } from '../../../lib/api';
import type { ApplicationForDecision } from '../types';

export function getApplication(id: string, signal?: AbortSignal): Promise<ApplicationForDecision> {
  return api.get(`/api/applications/${encodeURIComponent(id)}`, { signal });
}

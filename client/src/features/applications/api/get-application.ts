import { api } from '../../../lib/api';
import type { Application } from '../types';

export function getApplication(id: string, signal?: AbortSignal): Promise<Application> {
  return api.get(`/api/applications/${encodeURIComponent(id)}`, { signal });
}

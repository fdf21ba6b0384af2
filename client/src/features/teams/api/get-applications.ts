import { api } from '../../../lib/api';
import type { ApplicationOption } from '../types';

/** The firm's applications, to link a new team to one of them. */
export function getApplications(signal?: AbortSignal): Promise<{ items: ApplicationOption[]; total: number }> {
  return api.get('/api/applications?limit=200', { signal });
}

import { api } from '../../../lib/api';

/** Hand assignment of one reviewer to one application. */
export function addAssignment(applicationId: string, reviewerId: string): Promise<{ id: string }> {
  return api.post(`/api/applications/${encodeURIComponent(applicationId)}/assignments`, { reviewerId });
}

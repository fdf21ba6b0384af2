import { api } from '../../../lib/api';

/** Hand unassignment; a submitted review cannot be removed. */
export function removeAssignment(assignmentId: string): Promise<void> {
  return api.delete(`/api/reviews/${encodeURIComponent(assignmentId)}`);
}

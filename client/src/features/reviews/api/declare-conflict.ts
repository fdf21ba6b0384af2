import { api } from '../../../lib/api';
import type { ReviewDetail } from '../types';

/** Declaring a conflict (with a note) releases the assignment; declaring none opens the application. */
export function declareConflict(id: string, conflict: boolean, note?: string): Promise<ReviewDetail> {
  return api.post(`/api/reviews/${encodeURIComponent(id)}/conflict`, conflict ? { conflict, note } : { conflict });
}

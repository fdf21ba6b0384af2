import { api } from '../../../lib/api';
import type { ReviewDetail } from '../types';

/** Submits the saved sheet; after this it is read-only. */
export function submitScores(id: string): Promise<ReviewDetail> {
  return api.post(`/api/reviews/${encodeURIComponent(id)}/submit`);
}

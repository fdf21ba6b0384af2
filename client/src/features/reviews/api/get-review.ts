import { api } from '../../../lib/api';
import type { ReviewDetail } from '../types';

export function getReview(id: string, signal?: AbortSignal): Promise<ReviewDetail> {
  return api.get(`/api/reviews/${encodeURIComponent(id)}`, { signal });
}

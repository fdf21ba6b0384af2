import { api } from '../../../lib/api';
import type { ReviewSummary } from '../types';

export function getReviews(signal?: AbortSignal): Promise<{ items: ReviewSummary[] }> {
  return api.get('/api/reviews', { signal });
}

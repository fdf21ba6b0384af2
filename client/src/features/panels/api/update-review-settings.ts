import { api } from '../../../lib/api';
import type { ReviewSettings } from '../types';

/** The programme's review settings, for every call of the programme. */
export function updateReviewSettings(programme: string, settings: Partial<ReviewSettings>): Promise<ReviewSettings> {
  return api.patch(`/api/programmes/${encodeURIComponent(programme)}/review-settings`, settings);
}

import { api } from '../../../lib/api';
import type { Adjustment, RecognitionRequest } from '../types';

/**
 * Officer: confirms the points with the changed items and the officer-entered ones. 400 fields
 * `adjustments[i].item|points|reason`; 409 invalid_transition when the request is not submitted.
 * The answer has no letters: load the request again for them.
 */
export function confirmRequest(id: string, adjustments: Adjustment[]): Promise<RecognitionRequest> {
  return api.post(`/api/recognition-requests/${encodeURIComponent(id)}/confirmation`, { adjustments });
}

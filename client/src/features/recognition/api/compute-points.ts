import { api } from '../../../lib/api';
import type { PointsAnswer, PointsInput } from '../types';

/**
 * Calculates a member's points and keeps them as the member's draft request. The birth date may be left
 * out when the member's ID number is held. 400 with fields `facts.<name>`; 409 once submitted.
 */
export function computePoints(teamId: string, memberId: string, input: PointsInput, signal?: AbortSignal): Promise<PointsAnswer> {
  return api.post(`/api/talent-teams/${encodeURIComponent(teamId)}/members/${encodeURIComponent(memberId)}/points`, input, { signal });
}

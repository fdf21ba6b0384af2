import { api } from '../../../lib/api';
import type { RecognitionList } from '../../../lib/recognition/types';

/** Each member's residence-point request in a team (one per member), for the roster's points column. */
export function getRecognitionSummary(teamId: string, signal?: AbortSignal): Promise<RecognitionList> {
  return api.get(`/api/recognition-requests?teamId=${encodeURIComponent(teamId)}&limit=200`, { signal });
}

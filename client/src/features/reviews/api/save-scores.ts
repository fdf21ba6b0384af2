import { api } from '../../../lib/api';
import type { ReviewDetail, ScoreSheetRequest } from '../types';

/** Saves the sheet as a draft; items left blank are simply not sent. */
export function saveScores(id: string, sheet: ScoreSheetRequest): Promise<ReviewDetail> {
  return api.put(`/api/reviews/${encodeURIComponent(id)}/scores`, sheet);
}

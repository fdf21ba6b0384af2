import { api } from '../../../lib/api';
import type { Letter } from '../types';

/** Issues a new version of the letter (same reference); the old one becomes superseded. */
export function reissueLetter(letterId: string, reason: string): Promise<Letter> {
  return api.post(`/api/letters/${encodeURIComponent(letterId)}/reissue`, { reason });
}

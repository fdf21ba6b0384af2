import { api } from '../../../lib/api';
import type { ProgrammeForReview } from '../types';

export function getProgramme(code: string, signal?: AbortSignal): Promise<ProgrammeForReview> {
  return api.get(`/api/programmes/${encodeURIComponent(code)}`, { signal });
}

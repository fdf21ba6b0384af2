import { api } from '../../../lib/api';
import type { ProgrammeDetail } from '../types';

export function getProgramme(code: string, signal?: AbortSignal): Promise<ProgrammeDetail> {
  return api.get(`/api/programmes/${encodeURIComponent(code)}`, { signal });
}

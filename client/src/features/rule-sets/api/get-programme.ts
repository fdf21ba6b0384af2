import { api } from '../../../lib/api';
import type { ProgrammeInfo } from '../types';

export function getProgramme(code: string, signal?: AbortSignal): Promise<ProgrammeInfo> {
  return api.get(`/api/programmes/${encodeURIComponent(code)}`, { signal });
}

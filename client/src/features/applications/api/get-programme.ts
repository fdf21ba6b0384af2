import { api } from '../../../lib/api';
import type { ProgrammeForApplication } from '../types';

export function getProgramme(code: string, signal?: AbortSignal): Promise<ProgrammeForApplication> {
  return api.get(`/api/programmes/${encodeURIComponent(code)}`, { signal });
}

import { api } from '../../../lib/api';
import type { Letter } from '../types';

export function getLetters(applicationId: string, signal?: AbortSignal): Promise<{ items: Letter[] }> {
  return api.get(`/api/applications/${encodeURIComponent(applicationId)}/letters`, { signal });
}

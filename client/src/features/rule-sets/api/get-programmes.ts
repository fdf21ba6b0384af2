import { api } from '../../../lib/api';
import type { ProgrammeListItem } from '../types';

export function getProgrammes(signal?: AbortSignal): Promise<{ items: ProgrammeListItem[] }> {
  return api.get('/api/programmes', { signal });
}

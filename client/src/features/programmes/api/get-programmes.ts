import { api } from '../../../lib/api';
import type { ProgrammeSummary } from '../types';

export function getProgrammes(signal?: AbortSignal): Promise<{ items: ProgrammeSummary[] }> {
  return api.get('/api/programmes', { signal });
}

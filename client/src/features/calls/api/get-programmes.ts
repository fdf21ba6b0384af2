import { api } from '../../../lib/api';
import type { ProgrammeName } from '../types';

export function getProgrammes(signal?: AbortSignal): Promise<{ items: ProgrammeName[] }> {
  return api.get('/api/programmes', { signal });
}

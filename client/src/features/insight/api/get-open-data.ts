import { api } from '../../../lib/api';
import type { OpenData } from '../types';

/** Public: counts per programme and submission year, with no company or personal data. */
export function getOpenData(signal?: AbortSignal): Promise<OpenData> {
  return api.get('/api/open-data', { signal });
}

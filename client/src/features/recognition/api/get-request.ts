import { api } from '../../../lib/api';
import type { RecognitionRequest } from '../types';

/** One request with its breakdown and letters; another firm's answers 404. */
export function getRequest(id: string, signal?: AbortSignal): Promise<RecognitionRequest> {
  return api.get(`/api/recognition-requests/${encodeURIComponent(id)}`, { signal });
}

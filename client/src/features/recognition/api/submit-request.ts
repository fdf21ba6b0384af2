import { api } from '../../../lib/api';
import type { RecognitionRequest } from '../types';

/** The firm submits a draft for confirmation; 409 invalid_transition when it is no longer a draft. */
export function submitRequest(id: string): Promise<RecognitionRequest> {
  return api.post(`/api/recognition-requests/${encodeURIComponent(id)}/submit`);
}

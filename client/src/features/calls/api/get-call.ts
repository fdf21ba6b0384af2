import { api } from '../../../lib/api';
import type { Call } from '../types';

export function getCall(id: string, signal?: AbortSignal): Promise<Call> {
  return api.get(`/api/calls/${encodeURIComponent(id)}`, { signal });
}

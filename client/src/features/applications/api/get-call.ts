import { api } from '../../../lib/api';
import type { CallInfo } from '../types';

export function getCall(id: string, signal?: AbortSignal): Promise<CallInfo> {
  return api.get(`/api/calls/${encodeURIComponent(id)}`, { signal });
}

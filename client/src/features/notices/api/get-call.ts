import { api } from '../../../lib/api';
import type { CallTitle } from '../types';

export function getCall(id: string, signal?: AbortSignal): Promise<CallTitle> {
  return api.get(`/api/calls/${encodeURIComponent(id)}`, { signal });
}

import { api } from '../../../lib/api';
import type { CallBudget } from '../types';

export function getCall(id: string, signal?: AbortSignal): Promise<CallBudget> {
  return api.get(`/api/calls/${encodeURIComponent(id)}`, { signal });
}

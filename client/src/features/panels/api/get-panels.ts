import { api } from '../../../lib/api';
import type { CallPanels } from '../types';

export function getPanels(callId: string, signal?: AbortSignal): Promise<CallPanels> {
  return api.get(`/api/calls/${encodeURIComponent(callId)}/panels`, { signal });
}

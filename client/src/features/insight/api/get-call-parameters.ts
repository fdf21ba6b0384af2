import { api } from '../../../lib/api';
import type { CallParameters } from '../types';

export function getCallParameters(callId: string, signal?: AbortSignal): Promise<CallParameters> {
  return api.get(`/api/calls/${encodeURIComponent(callId)}/parameters`, { signal });
}

import { api } from '../../../lib/api';
import type { OfficerNotice } from '../types';

export function getCallNotices(callId: string, signal?: AbortSignal): Promise<{ items: OfficerNotice[] }> {
  return api.get(`/api/calls/${encodeURIComponent(callId)}/notices`, { signal });
}

import { api } from '../../../lib/api';
import type { AppealItem } from '../types';

export function getAppeals(callId: string, signal?: AbortSignal): Promise<{ items: AppealItem[]; total: number }> {
  return api.get(`/api/appeals?${new URLSearchParams({ callId }).toString()}`, { signal });
}

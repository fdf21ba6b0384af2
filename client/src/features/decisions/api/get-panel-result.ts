import { api } from '../../../lib/api';
import type { PanelResult } from '../types';

export function getPanelResult(applicationId: string, signal?: AbortSignal): Promise<PanelResult> {
  return api.get(`/api/applications/${encodeURIComponent(applicationId)}/scores`, { signal });
}

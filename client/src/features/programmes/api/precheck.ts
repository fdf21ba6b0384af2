import { api } from '../../../lib/api';
import type { PrecheckRequest, PrecheckResult } from '../types';

/** Public: no sign-in and no CSRF token needed. Rate-limited (429). */
export function precheck(code: string, body: PrecheckRequest, signal?: AbortSignal): Promise<PrecheckResult> {
  return api.post(`/api/programmes/${encodeURIComponent(code)}/precheck`, body, { signal });
}

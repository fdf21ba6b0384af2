import { api } from '../../../lib/api';
import type { Verification } from '../types';

/** Public: what the register holds for a letter's verification code (404 when there is none). */
export function getVerification(code: string, signal?: AbortSignal): Promise<Verification> {
  return api.get(`/api/verify/${encodeURIComponent(code)}`, { signal });
}

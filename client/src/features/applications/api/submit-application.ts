import { api } from '../../../lib/api';
import type { SubmitResult } from '../types';

/** Idempotent: the same key (one per submit attempt) never submits twice. */
export function submitApplication(id: string, idempotencyKey: string): Promise<SubmitResult> {
  return api.post(`/api/applications/${encodeURIComponent(id)}/submit`, undefined, { headers: { 'Idempotency-Key': idempotencyKey } });
}

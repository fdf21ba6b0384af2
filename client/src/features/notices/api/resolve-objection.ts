import { api } from '../../../lib/api';
import type { Objection } from '../types';

/** Upholding revokes the approval (budget released, revocation letter); dismissing leaves it standing. */
export function resolveObjection(objectionId: string, outcome: 'upheld' | 'dismissed', reason: string): Promise<Objection> {
  return api.post(`/api/objections/${encodeURIComponent(objectionId)}/resolution`, { outcome, reason });
}

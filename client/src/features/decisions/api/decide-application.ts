import { api } from '../../../lib/api';
import type { DecisionInput, DecisionResult } from '../types';

/** Approves or rejects (first stage, or after a completed appeal panel); the server issues the letter. */
export function decideApplication(applicationId: string, input: DecisionInput): Promise<DecisionResult> {
  return api.post(`/api/applications/${encodeURIComponent(applicationId)}/decision`, input);
}

import { api } from '../../../lib/api';
import type { AutoAssignResult } from '../types';

/** Fills the call's panels up to `perApplication` reviewers each; existing assignments stay. */
export function assignReviewers(callId: string, perApplication: number): Promise<AutoAssignResult> {
  return api.post(`/api/calls/${encodeURIComponent(callId)}/assignments`, { perApplication });
}

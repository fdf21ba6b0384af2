import { api } from '../../../lib/api';
import type { AssignResult } from '../types';

/** The automatic assignment: fills first panels and appeal panels (with reviewers not on the first panel). */
export function assignReviewers(callId: string, perApplication: number): Promise<AssignResult> {
  return api.post(`/api/calls/${encodeURIComponent(callId)}/assignments`, { perApplication });
}

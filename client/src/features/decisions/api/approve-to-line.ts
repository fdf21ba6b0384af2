import { api } from '../../../lib/api';
import type { ApproveToLineResult } from '../types';

/** Approves exactly the applications shown above the funding line, all or nothing. */
export function approveToLine(callId: string, applicationIds: string[]): Promise<ApproveToLineResult> {
  return api.post(`/api/calls/${encodeURIComponent(callId)}/decisions/approve-to-line`, { applicationIds });
}

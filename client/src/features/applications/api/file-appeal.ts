import { api } from '../../../lib/api';
import type { Appeal } from '../../../lib/decisions/types';
import type { ApplicationStatus } from '../types';

/** The firm appeals a first-stage rejection, within the appeal window, with any evidence it uploaded. */
export function fileAppeal(applicationId: string, reasons: string, documentIds: string[]): Promise<{ id: string; status: ApplicationStatus; appeal: Appeal }> {
  return api.post(`/api/applications/${encodeURIComponent(applicationId)}/appeal`, {
    reasons,
    documentIds: documentIds.length > 0 ? documentIds : undefined,
  });
}

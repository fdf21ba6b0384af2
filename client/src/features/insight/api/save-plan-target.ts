import { api, ensureCsrfToken } from '../../../lib/api';
import type { PlanTarget, PlanTargetInput } from '../types';

/** Admins: changes a target's goal and texts; answers with the saved target. */
export async function savePlanTarget(id: string, input: PlanTargetInput): Promise<PlanTarget> {
  await ensureCsrfToken();
  return api.put(`/api/plan-targets/${encodeURIComponent(id)}`, input);
}

import { api } from '../../../lib/api';
import type { PlanTarget } from '../types';

export function getPlanTargets(signal?: AbortSignal): Promise<{ items: PlanTarget[] }> {
  return api.get('/api/plan-targets', { signal });
}

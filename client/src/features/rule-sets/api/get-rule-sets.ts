import { api } from '../../../lib/api';
import type { RuleSetList } from '../types';

/** Officer only: every version of the programme's rule sets (eligibility and award), newest first. */
export function getRuleSets(code: string, signal?: AbortSignal): Promise<RuleSetList> {
  return api.get(`/api/programmes/${encodeURIComponent(code)}/rule-sets`, { signal });
}

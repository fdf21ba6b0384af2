import { api } from '../../../lib/api';
import type { NewRuleSetVersion, RuleSetVersion } from '../types';

/** Officer only (CSRF): publishes a new version based on an existing one; 201 with the new version. */
export function createRuleSet(code: string, body: NewRuleSetVersion): Promise<RuleSetVersion> {
  return api.post(`/api/programmes/${encodeURIComponent(code)}/rule-sets`, body);
}

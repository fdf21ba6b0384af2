import { api } from '../../../lib/api';

/** Autosave: partial facts (null removes one), accepted only if `version` is still current. */
export function saveFacts(id: string, facts: Record<string, unknown>, version: number): Promise<{ id: string; version: number }> {
  return api.patch(`/api/applications/${encodeURIComponent(id)}`, { facts, version });
}

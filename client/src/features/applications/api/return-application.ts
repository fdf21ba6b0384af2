import { api } from '../../../lib/api';

/** Officer: send the application back to the firm for more information. */
export function returnApplication(id: string, note: string): Promise<{ id: string; status: string }> {
  return api.post(`/api/applications/${encodeURIComponent(id)}/return`, { note });
}

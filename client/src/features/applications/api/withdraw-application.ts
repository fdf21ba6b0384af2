import { api } from '../../../lib/api';

export function withdrawApplication(id: string, note?: string): Promise<{ id: string; status: string }> {
  return api.post(`/api/applications/${encodeURIComponent(id)}/withdraw`, note ? { note } : {});
}

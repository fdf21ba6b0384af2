import { api } from '../../../lib/api';

export function deleteDocument(id: string, documentId: string): Promise<void> {
  return api.delete(`/api/applications/${encodeURIComponent(id)}/documents/${encodeURIComponent(documentId)}`);
}

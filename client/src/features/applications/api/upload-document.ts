import { upload } from '../../../lib/api';
import type { ApplicationDocument } from '../types';

export function uploadDocument(
  id: string,
  kind: string,
  file: File,
  onProgress: (loaded: number, total: number) => void,
  signal?: AbortSignal,
): Promise<ApplicationDocument> {
  const form = new FormData();
  form.append('kind', kind);
  form.append('file', file, file.name);
  return upload(`/api/applications/${encodeURIComponent(id)}/documents`, form, { onProgress, signal });
}

import { upload } from '../../../lib/api';
import type { ConsentForm } from '../types';
import { consentFormUrl } from './member-path';

/** The signed consent form (PDF, JPEG or PNG, at most 20 MiB), sent with progress. */
export function uploadConsentForm(
  teamId: string,
  memberId: string,
  file: File,
  onProgress: (loaded: number, total: number) => void,
  signal?: AbortSignal,
): Promise<ConsentForm> {
  const form = new FormData();
  form.append('file', file, file.name);
  return upload(consentFormUrl(teamId, memberId), form, { onProgress, signal });
}

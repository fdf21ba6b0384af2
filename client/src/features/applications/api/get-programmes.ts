import { api } from '../../../lib/api';
import type { Localized } from '../../../lib/i18n';

export function getProgrammes(signal?: AbortSignal): Promise<{ items: { code: string; name: Localized }[] }> {
  return api.get('/api/programmes', { signal });
}

import { api } from '../../../lib/api';
import type { Invitation, Member } from '../types';

export function getMembers(signal?: AbortSignal): Promise<{ items: Member[]; invitations: Invitation[] }> {
  return api.get('/api/company/members', { signal });
}

import { api } from '../../../lib/api';
import type { InvitationOffer } from '../types';

export function getInvitation(token: string, signal?: AbortSignal): Promise<InvitationOffer> {
  return api.get(`/api/invitations/${encodeURIComponent(token)}`, { signal });
}

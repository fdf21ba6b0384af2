import { api } from '../../../lib/api';

export function acceptInvitation(token: string, body: { displayName: string; password: string }): Promise<unknown> {
  return api.post(`/api/invitations/${encodeURIComponent(token)}/accept`, body);
}

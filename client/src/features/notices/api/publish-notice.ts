import { api } from '../../../lib/api';
import type { PublicNotice, PublishInput } from '../types';

/** Puts every approved application of the call not yet on a notice onto a new one. */
export function publishNotice(callId: string, input: PublishInput): Promise<PublicNotice> {
  return api.post(`/api/calls/${encodeURIComponent(callId)}/notices`, input);
}

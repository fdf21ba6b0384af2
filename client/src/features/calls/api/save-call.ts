import { api } from '../../../lib/api';
import type { Call, CallInput } from '../types';

/** Officer: create a call (POST) or change one (PATCH, any subset). */
export function saveCall(id: string | null, input: Partial<CallInput>): Promise<Call> {
  return id ? api.patch(`/api/calls/${encodeURIComponent(id)}`, input) : api.post('/api/calls', input);
}

import { api } from '../../../lib/api';

/** 409 application_exists carries the existing application's id; 409 call_closed when too late. */
export function startApplication(callId: string): Promise<{ id: string; status: string; version: number }> {
  return api.post('/api/applications', { callId });
}

import { api, ensureCsrfToken } from '../../../lib/api';
import type { SimulationResult } from '../types';

/**
 * Re-screens the call's applications with some parameters changed; nothing is saved. Aborting `signal`
 * cancels the request, and the server stops the run.
 */
export async function runSimulation(callId: string, parameters: Record<string, unknown>, signal?: AbortSignal): Promise<SimulationResult> {
  await ensureCsrfToken(signal);
  return api.post(`/api/calls/${encodeURIComponent(callId)}/simulate`, { parameters }, { signal });
}

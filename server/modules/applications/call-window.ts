// Whether a call takes applications at an instant (the database clock): from opensAt until closesAt plus grace.
import type { Call } from '../calls/calls.repository.ts';

export function isWithinCallWindow(call: Pick<Call, 'opensAt' | 'closesAt' | 'graceMinutes'>, now: Date): boolean {
  const closes = Date.parse(call.closesAt) + call.graceMinutes * 60_000;
  return Date.parse(call.opensAt) <= now.getTime() && now.getTime() <= closes;
}

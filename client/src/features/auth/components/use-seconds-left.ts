import { useNow } from '../../../lib/use-now';

/** Whole seconds left until `time` (a Date.now() value), 0 once it has passed; ticks each second until then. */
export function useSecondsLeft(time: number): number {
  const now = useNow(1000, time > Date.now());
  return Math.max(0, Math.ceil((time - now) / 1000));
}

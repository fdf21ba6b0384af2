import { useEffect, useState } from 'react';

/**
 * The clock, read when the component renders, which renders again every `intervalMs` while `ticking` (countdowns,
 * elapsed times). Not ticking, nothing runs.
 */
export function useNow(intervalMs: number, ticking = true): number {
  const [, setTick] = useState(0);
  useEffect(() => {
    if (!ticking) return;
    const timer = window.setInterval(() => setTick((n) => n + 1), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs, ticking]);
  // read while rendering: a change of what is counted shows at once, not at the next tick
  return Date.now();
}

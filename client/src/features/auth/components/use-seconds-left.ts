import { useEffect, useState } from 'react';

/**
 * Whole seconds left until `time` (a Date.now() value), 0 once it has passed; the component renders again each
 * second until then, and not after.
 */
export function useSecondsLeft(time: number): number {
  const [, setTick] = useState(0);
  useEffect(() => {
    if (time <= Date.now()) return;
    const timer = window.setInterval(() => {
      setTick((n) => n + 1);
      if (Date.now() >= time) window.clearInterval(timer);
    }, 1000);
    return () => window.clearInterval(timer);
  }, [time]);
  // Read the clock while rendering, so that a new `time` shows its own count at once, not the last tick's.
  return Math.max(0, Math.ceil((time - Date.now()) / 1000));
}

import { useCallback, useEffect, useState } from 'react';
import { isAbortError } from './api';

export type Resource<T> =
  | { status: 'loading' }
  | { status: 'success'; data: T }
  | { status: 'error'; error: unknown };

/**
 * Loads data for a page: re-runs when `key` changes, aborts the stale request,
 * and offers `reload` for a "Try again" button.
 */
export function useApiResource<T>(
  key: string,
  load: (signal: AbortSignal) => Promise<T>,
): Resource<T> & { reload: () => void } {
  // What was loaded is remembered with the key and attempt it was loaded for: in the render where the key changes
  // (before the effect runs) the old data must not be shown as the new key's.
  const [loaded, setLoaded] = useState<{ for: string; resource: Resource<T> } | null>(null);
  const [attempt, setAttempt] = useState(0);
  const current = `${attempt}:${key}`;

  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal).then(
      (data) => setLoaded({ for: current, resource: { status: 'success', data } }),
      (error: unknown) => {
        if (!isAbortError(error)) setLoaded({ for: current, resource: { status: 'error', error } });
      },
    );
    return () => controller.abort();
    // `load` is expected to be a new function each render; `key` says when the data changes.
  }, [current]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const resource: Resource<T> = loaded?.for === current ? loaded.resource : { status: 'loading' };
  return { ...resource, reload };
}

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
  const [resource, setResource] = useState<Resource<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setResource({ status: 'loading' });
    load(controller.signal).then(
      (data) => setResource({ status: 'success', data }),
      (error: unknown) => {
        if (!isAbortError(error)) setResource({ status: 'error', error });
      },
    );
    return () => controller.abort();
    // `load` is expected to be a new function each render; `key` says when the data changes.
  }, [key, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...resource, reload };
}

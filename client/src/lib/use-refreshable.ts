import { useCallback, useEffect, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import { describeError } from './error-message';
import { useI18n } from './i18n';

export type Refreshable<T> = {
  data: T;
  setData: Dispatch<SetStateAction<T>>;
  /** Reloads `data` with `load`; on failure keeps the old data and sets `refreshError` instead of throwing. */
  refresh: () => Promise<void>;
  /** The user-facing reason the last refresh failed; '' after a successful one. */
  refreshError: string;
};

/**
 * Data shown on a page that the page reloads itself after a change (an assignment, a decision…).
 * Reloads in place (no loading screen), so messages and focus stay where they are.
 *
 * `load` may be a new function each render: `refresh` always calls the latest one, and keeps
 * the same identity for the component's lifetime.
 */
export function useRefreshable<T>(initial: T, load: () => Promise<T>): Refreshable<T> {
  const { t } = useI18n();
  const [data, setData] = useState(initial);
  const [refreshError, setRefreshError] = useState('');
  const latest = useRef({ load, t });
  useEffect(() => {
    latest.current = { load, t };
  });

  const refresh = useCallback(async () => {
    try {
      const next = await latest.current.load();
      setData(() => next);
      setRefreshError('');
    } catch (error) {
      setRefreshError(describeError(error, latest.current.t));
    }
  }, []);

  return { data, setData, refresh, refreshError };
}

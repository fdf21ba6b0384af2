/**
 * Autosave for an application's facts. Typing changes the form tree; ~1 s after the last change the
 * facts that differ from the server's copy are sent (null for a cleared one) with the version last
 * seen. Until the server has them, the edits also sit in localStorage under the application's id, so
 * a reload or an expired session loses nothing: when the page opens again, they are sent then.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { isApiError } from '../../lib/api';
import { describeError } from '../../lib/error-message';
import type { ObjectNode } from '../../lib/facts/fact-schema';
import {
  diffFacts,
  fieldId,
  fromFacts,
  inputIds,
  nearestInputId,
  normalize,
  serverFieldPath,
  setIn,
  toFacts,
  withoutSensitive,
  type FormValue,
  type Path,
} from '../../lib/facts/form-values';
import type { Translate } from '../../lib/i18n';
import { getApplication } from './api/get-application';
import { saveFacts } from './api/save-facts';

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'error'; message: string }
  | { kind: 'expired' }
  | { kind: 'locked'; message: string }
  | { kind: 'conflict'; currentVersion: number | null };

const DEBOUNCE_MS = 1000;
const STORAGE_PREFIX = 'huiqi.application.';

type Stored = { values: unknown; savedAt: string };

function readStored(id: string): Stored | null {
  try {
    const text = window.localStorage.getItem(STORAGE_PREFIX + id);
    if (!text) return null;
    const parsed = JSON.parse(text) as Partial<Stored>;
    return parsed && typeof parsed === 'object' ? { values: parsed.values, savedAt: String(parsed.savedAt ?? '') } : null;
  } catch {
    return null;
  }
}

function writeStored(id: string, values: FormValue): void {
  try {
    window.localStorage.setItem(STORAGE_PREFIX + id, JSON.stringify({ values, savedAt: new Date().toISOString() }));
  } catch {
    // Storage full or unavailable: autosave to the server still works.
  }
}

function clearStored(id: string): void {
  try {
    window.localStorage.removeItem(STORAGE_PREFIX + id);
  } catch {
    // Nothing to do.
  }
}

function topLevelName(schema: ObjectNode, id: string): string | undefined {
  return schema.fields.find((field) => id === fieldId([field.name]) || id.startsWith(`${fieldId([field.name])}-`))?.name;
}

type Options = {
  applicationId: string;
  schema: ObjectNode;
  facts: Record<string, unknown>;
  version: number;
  enabled: boolean;
  t: Translate;
};

export function useAutosave({ applicationId, schema, facts, version, enabled, t }: Options) {
  const names = useMemo(() => schema.fields.map((field) => field.name), [schema]);
  const [values, setValues] = useState<FormValue>(() => {
    const stored = enabled ? readStored(applicationId) : null;
    return stored ? normalize(schema, stored.values) : fromFacts(schema, facts);
  });
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  /** The user's edits kept aside after they chose to load a colleague's version. */
  const [setAside, setSetAside] = useState<Record<string, unknown> | null>(null);
  const saved = useRef({ facts, version });
  const valuesRef = useRef(values);
  valuesRef.current = values;
  const saving = useRef(false);
  const again = useRef(false);
  const timer = useRef<number | undefined>(undefined);
  const blocked = useRef(false);
  const [flushes, setFlushes] = useState(0);

  const built = useMemo(() => toFacts(schema, values), [schema, values]);
  const ids = useMemo(() => inputIds(schema, values, []), [schema, values]);
  const clientErrors = useMemo(() => {
    const errors: Record<string, string> = {};
    for (const problem of built.errors) errors[problem.fieldId] ??= t(problem.key, problem.values);
    return errors;
  }, [built, t]);
  const fieldErrors = useMemo(() => ({ ...serverErrors, ...clientErrors }), [serverErrors, clientErrors]);

  const flush = useCallback(async (): Promise<boolean> => {
    window.clearTimeout(timer.current);
    if (!enabled || blocked.current) return false;
    if (saving.current) {
      again.current = true;
      return false;
    }
    const current = toFacts(schema, valuesRef.current);
    const unreadable = new Set(current.errors.flatMap((problem) => topLevelName(schema, problem.fieldId) ?? []));
    const changes = diffFacts(saved.current.facts, current.facts, names, unreadable);
    if (Object.keys(changes).length === 0) {
      if (unreadable.size === 0) clearStored(applicationId);
      setState((previous) => (previous.kind === 'pending' || previous.kind === 'saving' ? { kind: 'saved', at: new Date() } : previous));
      return unreadable.size === 0;
    }
    saving.current = true;
    setState({ kind: 'saving' });
    try {
      const answer = await saveFacts(applicationId, changes, saved.current.version);
      const merged: Record<string, unknown> = { ...saved.current.facts };
      for (const [name, value] of Object.entries(changes)) {
        if (value === null) delete merged[name];
        else merged[name] = value;
      }
      saved.current = { facts: merged, version: answer.version };
      setServerErrors({});
      const now = toFacts(schema, valuesRef.current);
      const still = diffFacts(merged, now.facts, names, new Set());
      if (Object.keys(still).length === 0) {
        clearStored(applicationId);
        setState({ kind: 'saved', at: new Date() });
      } else {
        // Typed while this save was on its way: say so, and let the pending timer (or this) send it.
        setState({ kind: 'pending' });
        again.current = true;
      }
      return true;
    } catch (error) {
      if (!isApiError(error)) {
        setState({ kind: 'error', message: describeError(error, t) });
      } else if (error.status === 401) {
        blocked.current = true;
        setState({ kind: 'expired' });
      } else if (error.code === 'version_conflict') {
        blocked.current = true;
        const currentVersion = error.extra.currentVersion;
        setState({ kind: 'conflict', currentVersion: typeof currentVersion === 'number' ? currentVersion : null });
      } else if (error.code === 'application_locked') {
        blocked.current = true;
        setState({ kind: 'locked', message: describeError(error, t) });
      } else if (error.code === 'validation_failed' && error.errors.length > 0) {
        const mapped: Record<string, string> = {};
        for (const problem of error.errors) {
          const { inFacts, path } = serverFieldPath(problem.field);
          const id = inFacts ? nearestInputId(path, inputIds(schema, valuesRef.current, [])) : undefined;
          if (id) mapped[id] ??= problem.message;
        }
        setServerErrors(mapped);
        setState({ kind: 'error', message: describeError(error, t) });
      } else {
        setState({ kind: 'error', message: describeError(error, t) });
      }
      return false;
    } finally {
      saving.current = false;
      if (again.current && !blocked.current) {
        again.current = false;
        setFlushes((n) => n + 1);
      }
    }
  }, [applicationId, enabled, names, schema, t]);

  // A save that was asked for while another was in flight runs when that one ends.
  useEffect(() => {
    if (flushes > 0) void flush();
  }, [flushes, flush]);

  // Edits kept from an earlier visit (a reload, an expired session) are sent as soon as the page opens.
  useEffect(() => {
    if (!enabled) return;
    const current = toFacts(schema, valuesRef.current);
    if (Object.keys(diffFacts(saved.current.facts, current.facts, names, new Set())).length > 0) void flush();
    return () => window.clearTimeout(timer.current);
  }, []);

  const change = useCallback(
    (path: Path, next: FormValue) => {
      setValues((current) => {
        const updated = setIn(current, path, next);
        if (enabled) writeStored(applicationId, withoutSensitive(schema, updated));
        return updated;
      });
      if (!enabled) return;
      if (!blocked.current) setState({ kind: 'pending' });
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void flush(), DEBOUNCE_MS);
    },
    [applicationId, enabled, flush, schema],
  );

  /** After a conflict: take the colleague's version into the form; the user's edits stay listed beside it. */
  const loadTheirs = useCallback(async () => {
    const mine = toFacts(schema, valuesRef.current).facts;
    const fresh = await getApplication(applicationId);
    const changes = diffFacts(fresh.facts, mine, names, new Set());
    saved.current = { facts: fresh.facts, version: fresh.version };
    setValues(fromFacts(schema, fresh.facts));
    clearStored(applicationId);
    setSetAside(Object.keys(changes).length > 0 ? changes : null);
    blocked.current = false;
    setState({ kind: 'saved', at: new Date() });
  }, [applicationId, names, schema]);

  /** After a conflict: keep the user's edits on top of the colleague's version and save them. */
  const keepMine = useCallback(async () => {
    const fresh = await getApplication(applicationId);
    saved.current = { facts: fresh.facts, version: fresh.version };
    blocked.current = false;
    setSetAside(null);
    await flush();
  }, [applicationId, flush]);

  /** After signing in again in another tab, or a network failure: try again. */
  const retry = useCallback(async () => {
    blocked.current = false;
    await flush();
  }, [flush]);

  return {
    values,
    change,
    state,
    fieldErrors,
    ids,
    facts: built.facts,
    flush,
    loadTheirs,
    keepMine,
    retry,
    setAside,
    dismissSetAside: () => setSetAside(null),
    version: () => saved.current.version,
  };
}

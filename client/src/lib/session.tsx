/**
 * Who is signed in. Loads GET /api/auth/me once, keeps the user, their company and the CSRF token
 * in memory (never in storage), and offers sign-in, registration and sign-out.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, isAbortError, setCsrfToken } from './api';

export type Role = 'applicant' | 'reviewer' | 'officer' | 'admin';

export type User = {
  id: string | number;
  email: string;
  displayName?: string;
  roles: Role[];
  /** Within the user's company: the owner may invite colleagues. */
  companyRole?: 'owner' | 'editor' | null;
};

export type Company = { id: string | number; name: string; uscc: string };

export type Registration = {
  email: string;
  password: string;
  displayName: string;
  company: { name: string; uscc: string };
};

type MeResponse = { user: User; company?: Company | null; csrfToken: string };
type LoginResponse = { user: User; csrfToken: string };
type RegisterResponse = { user: User; company: Company };

export type SessionStatus = 'loading' | 'signed-in' | 'signed-out';

type SessionState = {
  status: SessionStatus;
  user: User | null;
  company: Company | null;
  csrfToken: string | null;
};

type SessionContextValue = SessionState & {
  signIn: (email: string, password: string) => Promise<User>;
  /** Creates the account and its company. It does not sign in: the caller sends the user to sign in. */
  register: (registration: Registration) => Promise<RegisterResponse>;
  signOut: () => Promise<void>;
  /** Reloads the session from the server, e.g. after the server says it has expired. */
  refresh: () => Promise<void>;
};

const SIGNED_OUT: SessionState = { status: 'signed-out', user: null, company: null, csrfToken: null };

const SessionContext = createContext<SessionContextValue | null>(null);

async function fetchSession(signal?: AbortSignal): Promise<SessionState> {
  try {
    const me = await api.get<MeResponse>('/api/auth/me', { signal });
    return { status: 'signed-in', user: me.user, company: me.company ?? null, csrfToken: me.csrfToken };
  } catch (error) {
    if (isAbortError(error)) throw error;
    // 401 means nobody is signed in. Any other failure (server down) is shown as signed out too;
    // pages that need data report their own errors.
    return SIGNED_OUT;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ ...SIGNED_OUT, status: 'loading' });

  const apply = useCallback((next: SessionState) => {
    setCsrfToken(next.csrfToken);
    setState(next);
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    fetchSession(controller.signal).then(apply, (error: unknown) => {
      if (!isAbortError(error)) apply(SIGNED_OUT);
    });
    return () => controller.abort();
  }, [apply]);

  const refresh = useCallback(async () => {
    apply(await fetchSession());
  }, [apply]);

  const signIn = useCallback(
    async (email: string, password: string) => {
      const login = await api.post<LoginResponse>('/api/auth/login', { email, password });
      apply({ status: 'signed-in', user: login.user, company: null, csrfToken: login.csrfToken });
      // The login answer has no company; /me does. Keep the login result if /me fails.
      const me = await fetchSession();
      if (me.status === 'signed-in') apply(me);
      return login.user;
    },
    [apply],
  );

  const register = useCallback(
    (registration: Registration) => api.post<RegisterResponse>('/api/auth/register', registration),
    [],
  );

  const signOut = useCallback(async () => {
    try {
      await api.post<void>('/api/auth/logout');
    } catch {
      // A session that already ended (401) is the outcome we want; any other failure still
      // signs out locally, because the user asked to leave.
    }
    apply(SIGNED_OUT);
  }, [apply]);

  const value = useMemo<SessionContextValue>(
    () => ({ ...state, signIn, register, signOut, refresh }),
    [state, signIn, register, signOut, refresh],
  );

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const context = useContext(SessionContext);
  if (!context) throw new Error('useSession must be used inside <SessionProvider>');
  return context;
}

export function hasAnyRole(user: User | null, roles: readonly Role[]): boolean {
  return !!user && user.roles.some((role) => roles.includes(role));
}

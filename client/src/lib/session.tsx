/**
 * Who is signed in. Loads GET /api/auth/me once, keeps the user, their company and the CSRF token
 * in memory (never in storage), and offers sign-in (with its two-step verification), registration and sign-out.
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

/** What the password step asks for next: "verify" a code, or "enroll" (the platform requires two-step verification). */
export type MfaRequirement = 'verify' | 'enroll';

/** Whether the user has two-step verification on, and whether the platform requires it of them. */
export type MfaSummary = { enabled: boolean; required: boolean };

type MeResponse = { user: User; company?: Company | null; csrfToken: string; mfa?: MfaSummary };
/** The answers that sign someone in: the login answer without two-step verification, verify, enable during sign-in. */
type SignedInAnswer = { user: User; company?: Company | null; csrfToken: string };
/** Two-step verification still to do: the half-finished sign-in has its own CSRF token. */
type LoginMfaAnswer = { mfa: { required: MfaRequirement }; csrfToken: string };
type LoginResponse = SignedInAnswer | LoginMfaAnswer;
type VerifyResponse = SignedInAnswer & { recoveryCodesLeft: number };
/** Signed in already: only the codes. During an "enroll" sign-in: the codes and the new session. */
type EnableResponse = { recoveryCodes: string[] } & Partial<SignedInAnswer>;
type RegisterResponse = { user: User; company: Company };

export type SignInResult = { user: User } | { mfa: MfaRequirement };
/** Exactly one of them: a 6-digit code from the authenticator app, or one of the recovery codes. */
export type MfaVerification = { code: string } | { recoveryCode: string };

/** Recovery codes left at or below which sign-in warns the user to make new ones. */
export const FEW_RECOVERY_CODES = 3;

/** A message that outlives the page that raised it, shown by the layout (e.g. after sign-in, on the next page). */
export type SessionNotice = { kind: 'recovery-codes-low'; left: number };

export type SessionStatus = 'loading' | 'signed-in' | 'signed-out';

type SessionState = {
  status: SessionStatus;
  user: User | null;
  company: Company | null;
  csrfToken: string | null;
};

type SessionContextValue = SessionState & {
  /**
   * Checks the password. Either signs in ({ user }) or starts a half-finished sign-in that needs two-step
   * verification ({ mfa }): then the user is not signed in yet, and the next calls are verifyMfa or
   * (for "enroll") POST /api/auth/mfa/setup and completeEnrollment.
   */
  signIn: (email: string, password: string) => Promise<SignInResult>;
  /** Finishes a "verify" sign-in with a code or a recovery code; warns (notice) when few recovery codes remain. */
  verifyMfa: (input: MfaVerification) => Promise<{ user: User; recoveryCodesLeft: number }>;
  /**
   * Confirms the authenticator app (POST /api/auth/mfa/enable) and returns the new recovery codes. During an
   * "enroll" sign-in this also needs the code the server e-mailed (`emailCode`) and signs the user in; for a
   * signed-in user (no `emailCode`) the session stays as it is.
   */
  completeEnrollment: (code: string, emailCode?: string) => Promise<{ recoveryCodes: string[] }>;
  /**
   * Abandons a half-finished sign-in (POST /api/auth/mfa/cancel), e.g. to sign in with another account, and forgets
   * its CSRF token. Never fails: a half-session that already ended (401 mfa_session_missing) is the outcome wanted.
   */
  cancelSignIn: () => Promise<void>;
  notice: SessionNotice | null;
  dismissNotice: () => void;
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
  const [notice, setNotice] = useState<SessionNotice | null>(null);

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

  /** A new session from the server's answer, then /me for what the answer lacks (kept if /me fails). */
  const applySignedIn = useCallback(
    async (answer: SignedInAnswer) => {
      apply({ status: 'signed-in', user: answer.user, company: answer.company ?? null, csrfToken: answer.csrfToken });
      const me = await fetchSession();
      if (me.status === 'signed-in') apply(me);
    },
    [apply],
  );

  const signIn = useCallback(
    async (email: string, password: string): Promise<SignInResult> => {
      const login = await api.post<LoginResponse>('/api/auth/login', { email, password });
      if ('mfa' in login) {
        // Not signed in yet, but the half-finished sign-in's token must go with the next POSTs.
        setNotice(null);
        apply({ ...SIGNED_OUT, csrfToken: login.csrfToken });
        return { mfa: login.mfa.required };
      }
      await applySignedIn(login);
      return { user: login.user };
    },
    [apply, applySignedIn],
  );

  const verifyMfa = useCallback(
    async (input: MfaVerification) => {
      const answer = await api.post<VerifyResponse>('/api/auth/mfa/verify', input);
      setNotice(answer.recoveryCodesLeft <= FEW_RECOVERY_CODES ? { kind: 'recovery-codes-low', left: answer.recoveryCodesLeft } : null);
      await applySignedIn(answer);
      return { user: answer.user, recoveryCodesLeft: answer.recoveryCodesLeft };
    },
    [applySignedIn],
  );

  const completeEnrollment = useCallback(
    async (code: string, emailCode?: string) => {
      // The e-mailed code goes only with an "enroll" sign-in; signed in, the body stays as it was.
      const body = emailCode === undefined ? { code } : { code, emailCode };
      const answer = await api.post<EnableResponse>('/api/auth/mfa/enable', body);
      if (answer.user && answer.csrfToken) await applySignedIn({ user: answer.user, company: answer.company, csrfToken: answer.csrfToken });
      // New codes: any warning about running out of the old ones no longer applies.
      setNotice(null);
      return { recoveryCodes: answer.recoveryCodes };
    },
    [applySignedIn],
  );

  const cancelSignIn = useCallback(async () => {
    try {
      await api.post<void>('/api/auth/mfa/cancel', {});
    } catch {
      // Already ended (401), or the server is unreachable: either way the user goes back to the password.
    }
    setNotice(null);
    apply(SIGNED_OUT);
  }, [apply]);

  const dismissNotice = useCallback(() => setNotice(null), []);

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
    setNotice(null);
    apply(SIGNED_OUT);
  }, [apply]);

  const value = useMemo<SessionContextValue>(
    () => ({ ...state, signIn, verifyMfa, completeEnrollment, cancelSignIn, notice, dismissNotice, register, signOut, refresh }),
    [state, signIn, verifyMfa, completeEnrollment, cancelSignIn, notice, dismissNotice, register, signOut, refresh],
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

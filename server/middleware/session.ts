// Sessions in PostgreSQL (shared by every server process): HttpOnly, SameSite=Lax, Secure in production,
// 30 minutes idle (rolling cookie and store expiry) and 12 hours absolute (checked in current-user.ts).
//
// A request without the session cookie gets no session at all (no id generated, no store read): public
// endpoints such as the pre-check stay cheap, and only the routes that start a session (sign-in, the
// anonymous CSRF token) create one, through `start`. A busy session extends its stored expiry at most
// once a minute per process instead of writing on every request.
import type { RequestHandler } from 'express';
import session from 'express-session';
import connectPgSimple from 'connect-pg-simple';
import type pg from 'pg';
import type { Config } from '../config.ts';

declare module 'express-session' {
  interface SessionData {
    userId: string;
    csrfToken: string;
    /** ms since epoch, for the absolute lifetime */
    signedInAt: number;
    /** A sign-in waiting for its second factor: the password was right; nothing else is allowed yet. */
    mfaPending: {
      userId: string;
      purpose: 'verify' | 'enroll';
      startedAt: number;
      /** Enrolling: the keyed hash of the code e-mailed to the account's address, and when it was sent (ms). */
      emailCode?: { hash: string; sentAt: number };
    };
  }
}

export const SESSION_COOKIE = 'huiqi.sid';

export function createSessionMiddleware(config: Config, pool: pg.Pool) {
  const PgStore = connectPgSimple(session);
  const store = new PgStore({
    pool,
    tableName: 'sessions',
    createTableIfMissing: false,
    pruneSessionInterval: 15 * 60,
  });
  throttleTouches(store);
  const withSession = session({
    name: SESSION_COOKIE,
    // the first signs new cookies; the previous keys still verify cookies signed before a rotation
    secret: [config.secretKey, ...config.previousSecretKeys],
    store,
    resave: false,
    saveUninitialized: false,
    rolling: true,
    proxy: config.trustProxy !== false,
    cookie: {
      httpOnly: true,
      sameSite: 'lax',
      secure: config.session.secureCookie,
      maxAge: config.session.idleMinutes * 60_000,
      path: '/',
    },
  });
  const cookiePrefix = `${SESSION_COOKIE}=`;
  /** Loads the session the request's cookie names; requests without the cookie go on without one. */
  const middleware: RequestHandler = (req, res, next) =>
    req.headers.cookie?.includes(cookiePrefix) ? withSession(req, res, next) : next();
  /** For the routes that begin a session for a visitor who has none yet. */
  const start: RequestHandler = (req, res, next) => (req.session ? next() : withSession(req, res, next));
  return { middleware, start, close: () => store.close() };
}

const TOUCH_EVERY_MS = 60_000;
const TOUCHES_KEPT = 50_000;

/** A store's `touch` (rolling expiry) written at most once a minute per session from this process. */
function throttleTouches(store: session.Store): void {
  const touch = store.touch?.bind(store);
  if (!touch) return;
  const lastTouched = new Map<string, number>();
  store.touch = (sid, data, callback) => {
    const now = Date.now();
    const last = lastTouched.get(sid);
    if (last !== undefined && now - last < TOUCH_EVERY_MS) return callback?.();
    if (lastTouched.size >= TOUCHES_KEPT) lastTouched.clear();
    lastTouched.set(sid, now);
    touch(sid, data, callback);
  };
  const destroy = store.destroy.bind(store);
  store.destroy = (sid, callback) => {
    lastTouched.delete(sid);
    destroy(sid, callback);
  };
}

// Sessions in PostgreSQL (shared by every server process): HttpOnly, SameSite=Lax, Secure in production,
// 30 minutes idle (rolling cookie and store expiry) and 12 hours absolute (checked in current-user.ts).
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
  const middleware = session({
    name: SESSION_COOKIE,
    secret: config.secretKey,
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
  return { middleware, close: () => store.close() };
}

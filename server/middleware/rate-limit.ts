// Throttling kept in PostgreSQL, so every server process behind a load balancer shares the counts.
// Public endpoints use express-rate-limit with a store backed by rate-limiter-flexible's Postgres limiter;
// sign-in failures are counted per account and per client with rate-limiter-flexible directly.
import { rateLimit, type Store, type IncrementResponse, type Options } from 'express-rate-limit';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { RequestHandler } from 'express';
import type pg from 'pg';
import type { Sequelize, Transaction } from 'sequelize';
import type { Config } from '../config.ts';
import { AppError } from '../errors/app-error.ts';

function postgresLimiter(pool: pg.Pool, keyPrefix: string, points: number, durationSeconds: number) {
  return new RateLimiterPostgres({
    storeClient: pool,
    storeType: 'pool',
    tableName: 'rate_limits',
    tableCreated: true, // the migration owns the table
    keyPrefix,
    points,
    duration: durationSeconds,
  });
}

/** An express-rate-limit Store over a Postgres counter. */
class PostgresStore implements Store {
  readonly localKeys = false;
  readonly prefix: string;
  private limiter: RateLimiterPostgres;

  constructor(pool: pg.Pool, prefix: string, windowSeconds: number) {
    this.prefix = prefix;
    // points is only a ceiling for the counter; express-rate-limit decides the limit from totalHits.
    this.limiter = postgresLimiter(pool, prefix, Number.MAX_SAFE_INTEGER, windowSeconds);
  }

  async increment(key: string): Promise<IncrementResponse> {
    const res = await this.limiter.penalty(key, 1);
    return { totalHits: res.consumedPoints, resetTime: new Date(Date.now() + res.msBeforeNext) };
  }

  async decrement(key: string): Promise<void> {
    await this.limiter.reward(key, 1);
  }

  async resetKey(key: string): Promise<void> {
    await this.limiter.delete(key);
  }
}

/** Requests per minute per client on a public endpoint; RATE_LIMIT_PER_MINUTE=0 turns it off. */
export function publicRateLimit(config: Config, pool: pg.Pool, name: string): RequestHandler {
  if (config.rateLimitPerMinute === 0) return (_req, _res, next) => next();
  const options: Partial<Options> = {
    windowMs: 60_000,
    limit: config.rateLimitPerMinute,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    store: new PostgresStore(pool, `public_${name}`, 60),
    handler: (_req, _res, next, opts) => {
      const retryAfter = Math.max(1, Math.ceil(opts.windowMs / 1000));
      next(new AppError('too_many_requests', { params: { retryAfter }, headers: { 'Retry-After': String(retryAfter) } }));
    },
  };
  return rateLimit(options);
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;

/**
 * Sign-in attempts (passwords and second-factor codes), counted per account (e-mail) and per client address. An
 * attempt is counted before it is checked, in one atomic step per counter, so a burst of parallel guesses cannot all
 * pass the check before the first failure is recorded; a right answer gives its point back.
 */
export function createLoginThrottle(config: Config, pool: pg.Pool) {
  const { perAccount, perClient, windowSeconds } = config.loginThrottle;
  const byAccount = postgresLimiter(pool, 'login_account', perAccount, windowSeconds);
  const byClient = postgresLimiter(pool, 'login_client', perClient, windowSeconds);
  const accountKey = (email: string) => email.trim().toLowerCase();

  return {
    /** Counts one attempt; 429 with Retry-After when either counter is past its limit. */
    async attempt(email: string, clientIp: string): Promise<void> {
      const [account, client] = await Promise.allSettled([byAccount.consume(accountKey(email)), byClient.consume(clientIp)]);
      const blocked: { res: RateLimiterRes; which: string }[] = [];
      for (const [outcome, which] of [[account, 'account'], [client, 'client']] as const) {
        if (outcome.status === 'fulfilled') continue;
        if (!(outcome.reason instanceof RateLimiterRes)) throw outcome.reason; // the store failed: not a verdict
        blocked.push({ res: outcome.reason, which });
      }
      if (blocked.length > 0) {
        const retryAfter = Math.max(1, Math.ceil(Math.max(...blocked.map((b) => b.res.msBeforeNext)) / 1000));
        throw new AppError('too_many_sign_in_attempts', {
          params: { retryAfter },
          headers: { 'Retry-After': String(retryAfter) },
          log: `${blocked.map((b) => b.which).join(' and ')} throttled`,
        });
      }
    },
    /**
     * The attempt was right: the client gets its point back, and the account starts again unless the sign-in still
     * waits for its second factor (a known password must not buy new guesses at the code).
     */
    async passed(email: string, clientIp: string, options: { resetAccount: boolean }): Promise<void> {
      await Promise.all([
        byClient.reward(clientIp, 1),
        options.resetAccount ? byAccount.delete(accountKey(email)) : byAccount.reward(accountKey(email), 1),
      ]);
    },
  };
}

export type EmailCodeLimits = ReturnType<typeof createEmailCodeLimits>;

/**
 * Enrolment codes e-mailed to an account: at most one a minute and ten a day per account, whichever session or process
 * asks (so a leaked password cannot flood the owner's inbox), and five tries at each code. Atomic counters in the
 * database, like the sign-in throttle.
 */
export function createEmailCodeLimits(pool: pg.Pool) {
  const perMinute = postgresLimiter(pool, 'mfa_email_minute', 1, 60);
  const perDay = postgresLimiter(pool, 'mfa_email_day', 10, 86_400);
  const tries = postgresLimiter(pool, 'mfa_email_tries', 5, 15 * 60);
  /** null when the point was taken; else the seconds until one is free. */
  const take = async (limiter: RateLimiterPostgres, key: string): Promise<number | null> => {
    try {
      await limiter.consume(key);
      return null;
    } catch (error) {
      if (error instanceof RateLimiterRes) return Math.max(1, Math.ceil(error.msBeforeNext / 1000));
      throw error; // the store failed: not a verdict
    }
  };

  return {
    /** Reserves the account's next e-mail: null when it may go now, else the seconds to wait. */
    async reserveSend(userId: string): Promise<number | null> {
      const minute = await take(perMinute, userId);
      if (minute !== null) return minute;
      try {
        return await take(perDay, userId);
      } catch (error) {
        await perMinute.delete(userId); // the store failed: nothing is sent, so the minute is not spent
        throw error;
      }
    },
    /** The e-mail could not be queued: the reservation is given back so the user may ask again at once. */
    async releaseSend(userId: string): Promise<void> {
      await Promise.all([perMinute.delete(userId), perDay.reward(userId, 1)]);
    },
    /** Seconds until the account may be sent another code (0: now). */
    async secondsUntilNextSend(userId: string): Promise<number> {
      const [minute, day] = await Promise.all([perMinute.get(userId), perDay.get(userId)]);
      const wait = (res: RateLimiterRes | null, points: number) => (res && res.consumedPoints >= points ? Math.max(1, Math.ceil(res.msBeforeNext / 1000)) : 0);
      return Math.max(wait(minute, 1), wait(day, 10));
    },
    /** Counts one try at the code known by `codeKey`; false once it has had its five. */
    async countTry(codeKey: string): Promise<boolean> {
      return (await take(tries, codeKey)) === null;
    },
  };
}

export type SecondFactorAlarm = ReturnType<typeof createSecondFactorAlarm>;

/**
 * Wrong second factors after a right password mean someone may know the password. The owner is told once the account
 * has had `threshold` of them within the hour, and at most once an hour however many follow or how the hours fall
 * (counters in the database, so every process counts together).
 */
export function createSecondFactorAlarm(pool: pg.Pool, sequelize: Sequelize, threshold = 3) {
  const failures = postgresLimiter(pool, 'mfa_failures', Number.MAX_SAFE_INTEGER, 3_600);
  const told = postgresLimiter(pool, 'mfa_failures_told', 1, 3_600);
  return {
    threshold,
    /** Counts one wrong answer; at the threshold, `tell` queues the owner's notice (at most once an hour). */
    async failed(userId: string, tell: (transaction: Transaction) => Promise<void>): Promise<void> {
      const res = await failures.penalty(userId, 1);
      if (res.consumedPoints < threshold) return;
      try {
        await told.consume(userId);
      } catch (error) {
        if (error instanceof RateLimiterRes) return; // told within the hour
        throw error;
      }
      try {
        await sequelize.transaction(tell);
      } catch (error) {
        await told.delete(userId); // not told after all: the next wrong answer tries again
        throw error;
      }
    },
  };
}

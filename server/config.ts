// The only reader of process.env. Everything else receives a typed, validated Config.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import Joi from 'joi';

export type Config = {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  /** Where people reach Huiqi, for links in e-mails */
  publicUrl: string;
  databaseUrl: string | null;
  dataDir: string;
  embeddedPgPort: number | null;
  smtpUrl: string | null;
  mailFrom: string;
  /** Delivery: retries after temporary failures wait base × 2^(attempt−1), up to an hour, for at most maxAttempts tries. */
  mail: { retryBaseMs: number; maxAttempts: number; concurrency: number };
  /** Whether this server process also runs the job-queue worker (e-mail, scheduled jobs); `npm run worker` runs one alone. */
  queueWorker: boolean;
  /** Working days an approval stays on public notice (公示) unless the officer says otherwise. */
  noticeWorkingDays: number;
  /** Days after a programme's call closes before team members' personal data is anonymised. */
  piiRetentionDays: number;
  demoPassword: string | null;
  rateLimitPerMinute: number;
  requireMfa: boolean;
  secretKey: string;
  /** Keys SECRET_KEY replaced, newest first: they still verify session cookies and read encrypted fields until rotated. */
  previousSecretKeys: string[];
  trustProxy: boolean | number;
  logLevel: string;
  session: { idleMinutes: number; absoluteHours: number; secureCookie: boolean };
  loginThrottle: { perAccount: number; perClient: number; windowSeconds: number };
};

const schema = Joi.object({
  NODE_ENV: Joi.string().valid('development', 'production', 'test').default('development'),
  PORT: Joi.number().integer().min(0).max(65535).default(3000),
  HOST: Joi.string().default('0.0.0.0'),
  PUBLIC_URL: Joi.string().uri({ scheme: ['http', 'https'] }).empty(''),
  DATABASE_URL: Joi.string().uri({ scheme: ['postgres', 'postgresql'] }).empty(''),
  DATA_DIR: Joi.string().default('./.data'),
  EMBEDDED_PG_PORT: Joi.number().integer().min(1).max(65535).empty(''),
  SMTP_URL: Joi.string().uri({ scheme: ['smtp', 'smtps'] }).empty(''),
  MAIL_FROM: Joi.string().default('惠企 Huiqi <no-reply@huiqi.test>'),
  MAIL_RETRY_BASE_MS: Joi.number().integer().min(10).default(30_000),
  MAIL_MAX_ATTEMPTS: Joi.number().integer().min(1).max(50).default(8),
  MAIL_CONCURRENCY: Joi.number().integer().min(1).max(4).default(2),
  QUEUE_WORKER: Joi.boolean().truthy('1').falsy('0').default(true),
  NOTICE_WORKING_DAYS: Joi.number().integer().min(1).max(30).default(10),
  PII_RETENTION_DAYS: Joi.number().integer().min(1).max(36_500).default(1_825),
  DEMO_PASSWORD: Joi.string().min(10).empty(''),
  RATE_LIMIT_PER_MINUTE: Joi.number().integer().min(0).default(60),
  REQUIRE_MFA: Joi.boolean().truthy('1').falsy('0'),
  SECRET_KEY: Joi.string().min(32).empty(''),
  PREVIOUS_SECRET_KEYS: Joi.string().empty(''),
  TRUST_PROXY: Joi.alternatives(Joi.boolean(), Joi.number().integer().min(0)).default(false),
  LOG_LEVEL: Joi.string().valid('fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent').default('info'),
  LOGIN_MAX_FAILS_PER_ACCOUNT: Joi.number().integer().min(1).default(5),
  LOGIN_MAX_FAILS_PER_CLIENT: Joi.number().integer().min(1).default(30),
  LOGIN_THROTTLE_WINDOW_SECONDS: Joi.number().integer().min(1).default(900),
}).unknown(true);

export class ConfigError extends Error {}

/** Reads and validates the environment once. Fails fast with every problem listed. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const { value, error } = schema.validate(env, { abortEarly: false, convert: true });
  if (error) {
    throw new ConfigError(`Invalid configuration: ${error.details.map((d) => d.message).join('; ')}`);
  }
  const nodeEnv = value.NODE_ENV as Config['env'];
  const production = nodeEnv === 'production';
  const dataDir = path.resolve(value.DATA_DIR);
  if (production && !value.SECRET_KEY) {
    throw new ConfigError('Invalid configuration: SECRET_KEY is required when NODE_ENV=production');
  }
  const previousSecretKeys = String(value.PREVIOUS_SECRET_KEYS ?? '').split(',').map((key) => key.trim()).filter(Boolean);
  if (previousSecretKeys.some((key) => key.length < 32)) {
    // the keys themselves are never echoed: this message may reach a log
    throw new ConfigError('Invalid configuration: every key in PREVIOUS_SECRET_KEYS (comma-separated) must be at least 32 characters');
  }
  if (value.QUEUE_WORKER === false && !value.DATABASE_URL) {
    // a separate worker needs a shared PostgreSQL; with the embedded one nothing would ever send the mail
    throw new ConfigError('Invalid configuration: QUEUE_WORKER=false needs DATABASE_URL (a separate `npm run worker` cannot share the embedded database)');
  }
  return {
    env: nodeEnv,
    port: value.PORT,
    host: value.HOST,
    publicUrl: (value.PUBLIC_URL ?? `http://localhost:${value.PORT}`).replace(/\/$/, ''),
    databaseUrl: value.DATABASE_URL ?? null,
    dataDir,
    embeddedPgPort: value.EMBEDDED_PG_PORT ?? null,
    smtpUrl: value.SMTP_URL ?? null,
    mailFrom: value.MAIL_FROM,
    mail: { retryBaseMs: value.MAIL_RETRY_BASE_MS, maxAttempts: value.MAIL_MAX_ATTEMPTS, concurrency: value.MAIL_CONCURRENCY },
    queueWorker: value.QUEUE_WORKER,
    noticeWorkingDays: value.NOTICE_WORKING_DAYS,
    piiRetentionDays: value.PII_RETENTION_DAYS,
    demoPassword: value.DEMO_PASSWORD ?? null,
    rateLimitPerMinute: value.RATE_LIMIT_PER_MINUTE,
    requireMfa: value.REQUIRE_MFA ?? production,
    secretKey: value.SECRET_KEY ?? developmentSecret(dataDir),
    previousSecretKeys,
    trustProxy: value.TRUST_PROXY,
    logLevel: value.LOG_LEVEL,
    session: { idleMinutes: 30, absoluteHours: 12, secureCookie: production },
    loginThrottle: {
      perAccount: value.LOGIN_MAX_FAILS_PER_ACCOUNT,
      perClient: value.LOGIN_MAX_FAILS_PER_CLIENT,
      windowSeconds: value.LOGIN_THROTTLE_WINDOW_SECONDS,
    },
  };
}

/** In development the key is generated once into DATA_DIR so sessions and encrypted fields survive restarts. */
function developmentSecret(dataDir: string): string {
  const file = path.join(dataDir, 'secret.key');
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    fs.mkdirSync(dataDir, { recursive: true });
    const key = crypto.randomBytes(32).toString('base64url');
    fs.writeFileSync(file, key + '\n', { mode: 0o600, flag: 'wx' });
    return key;
  }
}

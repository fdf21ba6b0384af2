// Opens the database: the configured PostgreSQL, or the embedded one under DATA_DIR.
import pg from 'pg';
import { Sequelize } from 'sequelize';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded.ts';
import { defineModels, type Models } from './models/index.ts';

// BIGINT (money) and NUMERIC come back as strings by default; money fits safely in a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number.parseInt(v, 10));
// DATE columns stay 'YYYY-MM-DD' strings: no time zone shifts for legal dates.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

export type Database = {
  url: string;
  sequelize: Sequelize;
  /** A plain pg pool for libraries that want one (sessions, rate limits). */
  pool: pg.Pool;
  models: Models;
  embedded: EmbeddedDatabase | null;
  ping(): Promise<boolean>;
  close(): Promise<void>;
};

export async function openDatabase(config: Config, logger: Logger): Promise<Database> {
  const embedded = config.databaseUrl
    ? null
    : await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPgPort, logger });
  const url = config.databaseUrl ?? embedded!.url;
  const sequelize = new Sequelize(url, {
    dialect: 'postgres',
    logging: false,
    pool: { max: 10, min: 0, idle: 10_000 },
    define: { underscored: true, timestamps: true },
  });
  // sessions, rate limits and the job queue (one listening connection plus its workers) share this pool
  const pool = new pg.Pool({ connectionString: url, max: 10, idleTimeoutMillis: 10_000 });
  pool.on('error', (err) => logger.error({ err }, 'idle database connection failed'));
  // a connection that fails while checked out must not take the process down; its user sees the query fail
  pool.on('connect', (client) => client.on('error', (err) => logger.warn({ err }, 'database connection failed')));
  const models = defineModels(sequelize);
  return {
    url,
    sequelize,
    pool,
    models,
    embedded,
    async ping() {
      try {
        await pool.query('SELECT 1');
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      await sequelize.close().catch(() => undefined);
      await pool.end().catch(() => undefined);
      if (embedded) await embedded.stop();
    },
  };
}

const CONNECTION_LOST_CODES = /^(08|57P0[1-3]|ECONNRESET$|ECONNREFUSED$|EPIPE$|ETIMEDOUT$|EHOSTUNREACH$)/;
const CONNECTION_LOST_MESSAGES = /connection terminated|connection error and is not queryable|client was closed and is not queryable|terminating connection/i;

/**
 * Whether an error only says a database connection was lost (a failover, an operator's pg_terminate_backend, a
 * restart): the pools replace such connections by themselves, so the process can carry on. Sequelize wraps the
 * driver's error (parent/original); pg's own errors carry the SQLSTATE (class 08, 57P01–57P03) or a network code.
 */
export function isLostDatabaseConnection(error: unknown): boolean {
  type Cause = { code?: unknown; message?: unknown; parent?: Cause; original?: Cause };
  let cause = error as Cause | null | undefined;
  for (let depth = 0; cause && depth < 3; depth++) {
    if (typeof cause.code === 'string' && CONNECTION_LOST_CODES.test(cause.code)) return true;
    if (typeof cause.message === 'string' && CONNECTION_LOST_MESSAGES.test(cause.message)) return true;
    cause = cause.parent ?? cause.original;
  }
  return false;
}

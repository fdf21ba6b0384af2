// Migrations own the schema (never sync()). Each file in migrations/ exports up and down.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Umzug, SequelizeStorage } from 'umzug';
import type { QueryInterface, Sequelize } from 'sequelize';
import type pg from 'pg';
import type { Logger } from 'pino';
import { Logger as JobQueueLogger, runMigrations as runJobQueueMigrations } from 'graphile-worker';

const migrationsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../migrations');

export type MigrationContext = { queryInterface: QueryInterface; sequelize: Sequelize };
export type Migration = (params: { context: MigrationContext }) => Promise<void>;

export function createMigrator(sequelize: Sequelize, logger?: Logger) {
  return new Umzug<MigrationContext>({
    migrations: { glob: ['*.ts', { cwd: migrationsDir, ignore: ['*.d.ts'] }] },
    context: { queryInterface: sequelize.getQueryInterface(), sequelize },
    storage: new SequelizeStorage({ sequelize, tableName: 'schema_migrations' }),
    logger: logger
      ? { info: (m) => logger.info(m), warn: (m) => logger.warn(m), error: (m) => logger.error(m), debug: (m) => logger.debug(m) }
      : undefined,
  });
}

/**
 * Several servers may start at once: an advisory lock lets one migrate while the others wait.
 * The job queue (graphile-worker) keeps its own schema, installed after ours with its own lock.
 */
export async function migrate(db: { sequelize: Sequelize; pool: pg.Pool }, logger?: Logger): Promise<void> {
  const { sequelize } = db;
  const LOCK = 4_201_801; // any constant unique to Huiqi
  await sequelize.transaction(async (transaction) => {
    await sequelize.query('SELECT pg_advisory_xact_lock(:lock)', { replacements: { lock: LOCK }, transaction });
    await createMigrator(sequelize, logger).up();
  });
  await runJobQueueMigrations({ pgPool: db.pool, logger: jobQueueLogger(logger) });
}

/** graphile-worker logs through pino (or stays quiet without a logger). */
export function jobQueueLogger(logger?: Logger) {
  return new JobQueueLogger((scope) => (level, message, meta) => {
    if (!logger) return;
    // the queue reports every job it runs at info: that is debug detail here (e-mail outcomes are logged by the mailer)
    const method = level === 'error' ? 'error' : level === 'warning' ? 'warn' : 'debug';
    logger[method]({ scope, ...meta }, message);
  });
}

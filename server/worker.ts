// A queue worker on its own (`npm run worker`): e-mail delivery and the scheduled jobs, with no web server. Run as
// many as needed beside web processes started with QUEUE_WORKER=false; the queue hands every job to exactly one.
import { loadConfig, ConfigError } from './config.ts';
import { createLogger } from './lib/logger.ts';
import { survivesLostDatabaseConnections } from './lib/process-guards.ts';
import { openDatabase } from './db/connection.ts';
import { migrate } from './db/migrate.ts';
import { createServices } from './services.ts';

/** Longer than the longest send (SMTP connection 10 s + greeting 10 s + socket 30 s), so a stop never cuts one off. */
const SHUTDOWN_DEADLINE_MS = 60_000;

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  if (!config.databaseUrl) {
    // the embedded database belongs to the one `npm start` process; a separate worker needs a shared server
    console.error('A separate queue worker needs DATABASE_URL (the PostgreSQL the web servers use).');
    process.exit(1);
  }
  const logger = createLogger(config.logLevel);
  survivesLostDatabaseConnections(logger);
  const db = await openDatabase(config, logger);
  try {
    await migrate(db, logger); // an advisory lock: safe beside servers starting at the same time
    const services = createServices(config, db, logger);
    await services.mailer.start({ onUnexpectedStop: (error) => {
      logger.fatal({ err: error }, 'the job queue worker stopped; exiting so the process is restarted');
      process.exit(1);
    } });
    logger.info({ mail: services.mailer.transport, concurrency: config.mail.concurrency }, 'queue worker started');
    console.log('\n  惠企 Huiqi queue worker is running\n');
    let stopping = false;
    const stop = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal }, 'queue worker stopping');
      setTimeout(() => {
        logger.error('queue worker took too long to stop; exiting');
        process.exit(1);
      }, SHUTDOWN_DEADLINE_MS).unref();
      // the jobs in hand finish first; the queue keeps the rest for another worker
      await services.close();
      await db.close();
      logger.info('stopped');
      process.exit(0);
    };
    process.on('SIGTERM', () => void stop('SIGTERM'));
    process.on('SIGINT', () => void stop('SIGINT'));
  } catch (error) {
    logger.fatal({ err: error }, 'the queue worker could not start');
    console.error(error instanceof Error ? error.message : error);
    await db.close().catch(() => undefined);
    process.exit(1);
  }
}

void main();

// A queue worker on its own (`npm run worker`): e-mail delivery and the scheduled jobs, with no web server. Run as
// many as needed beside web processes started with QUEUE_WORKER=false; the queue hands every job to exactly one.
import { createLogger } from './lib/logger.ts';
import { exitWhenQueueStops, loadConfigOrExit, stopOnSignals, survivesLostDatabaseConnections } from './lib/process-lifecycle.ts';
import { openDatabase } from './db/connection.ts';
import { migrate } from './db/migrate.ts';
import { createServices } from './services.ts';

/** Longer than the longest send (SMTP connection 10 s + greeting 10 s + socket 30 s), so a stop never cuts one off. */
const SHUTDOWN_DEADLINE_MS = 60_000;

async function main() {
  const config = loadConfigOrExit();
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
    await services.mailer.start({ onUnexpectedStop: exitWhenQueueStops(logger) });
    logger.info({ mail: services.mailer.transport, concurrency: config.mail.concurrency }, 'queue worker started');
    console.log('\n  惠企 Huiqi queue worker is running\n');
    // the jobs in hand finish first; the queue keeps the rest for another worker
    stopOnSignals(logger, SHUTDOWN_DEADLINE_MS, async () => {
      await services.close();
      await db.close();
    });
  } catch (error) {
    logger.fatal({ err: error }, 'the queue worker could not start');
    console.error(error instanceof Error ? error.message : error);
    await db.close().catch(() => undefined);
    process.exit(1);
  }
}

void main();

// Process entry: config → database → migrations → seeds → createApp → listen; graceful shutdown.
import http from 'node:http';
import { createLogger } from './lib/logger.ts';
import { openDatabase, type Database } from './db/connection.ts';
import { exitWhenQueueStops, loadConfigOrExit, stopOnSignals, survivesLostDatabaseConnections } from './lib/process-lifecycle.ts';
import { migrate } from './db/migrate.ts';
import { createServices } from './services.ts';
import { createApp } from './app.ts';
import { runSeeders } from '../seeders/index.ts';
import { demoAccounts } from '../seeders/demo.ts';
import { seedDemoReview } from '../seeders/demo-review.ts';
import { seedDemoDecisions } from '../seeders/demo-decisions.ts';
import { seedDemoTalent } from '../seeders/demo-talent.ts';

const SHUTDOWN_DEADLINE_MS = 10_000;

async function main() {
  const config = loadConfigOrExit();
  const logger = createLogger(config.logLevel);
  survivesLostDatabaseConnections(logger);
  let db: Database | null = null;
  try {
    db = await openDatabase(config, logger);
    await migrate(db, logger);
    const { demoPassword } = await runSeeders(db, config, logger);
    const services = createServices(config, db, logger);
    // demo review work is a convenience: if another process seeds it at the same moment, start anyway
    if (demoPassword) {
      await seedDemoReview(services, { password: demoPassword, logger }).catch((error) => logger.warn({ err: error }, 'demo review data not seeded'));
      await seedDemoDecisions(services, { password: demoPassword, logger }).catch((error) => logger.warn({ err: error }, 'demo decision data not seeded'));
      await seedDemoTalent(services, { logger }).catch((error) => logger.warn({ err: error }, 'demo talent team not seeded'));
    }
    const app = createApp(services);
    const server = http.createServer(app);
    server.keepAliveTimeout = 5_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, resolve);
    });
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    if (config.queueWorker) await services.mailer.start({ onUnexpectedStop: exitWhenQueueStops(logger) });
    logger.info({ port, database: db.embedded ? 'embedded' : 'external', mail: services.mailer.transport, queueWorker: config.queueWorker }, 'Huiqi is listening');
    printWelcome(port, demoPassword, config.demoPassword !== null);
    handleShutdown(server, async () => {
      await services.close();
      await db!.close();
    }, logger);
  } catch (error) {
    logger.fatal({ err: error }, 'Huiqi could not start');
    console.error(error instanceof Error ? error.message : error);
    await db?.close().catch(() => undefined);
    process.exit(1);
  }
}

function printWelcome(port: number, demoPassword: string | null, passwordFromEnv: boolean) {
  const lines = [`\n  惠企 Huiqi is running at http://localhost:${port}\n`];
  if (demoPassword) {
    lines.push('  Demo accounts (password ' + (passwordFromEnv ? 'from DEMO_PASSWORD' : `${demoPassword}`) + '):');
    for (const account of demoAccounts) lines.push(`    ${account.email.padEnd(24)} ${account.roles.join(', ')}`);
    lines.push('');
  }
  console.log(lines.join('\n'));
}


/** SIGTERM/SIGINT: stop accepting, let in-flight requests finish, close the database, exit 0 within 10 s. */
function handleShutdown(server: http.Server, closeResources: () => Promise<void>, logger: ReturnType<typeof createLogger>) {
  const stop = stopOnSignals(logger, SHUTDOWN_DEADLINE_MS, async () => {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    // Requests still running after 7 s are cut so the database can stop in time.
    setTimeout(() => server.closeAllConnections(), 7_000).unref();
    await closed;
    await closeResources();
  });
  // npm 11 does not pass SIGTERM on to `npm start`'s child and exits at once. When our parent goes
  // away like that we are re-parented; shut down the same way rather than linger with the database.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) void stop('parent exited');
  }, 500).unref();
}

void main();

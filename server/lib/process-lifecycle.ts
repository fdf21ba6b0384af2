// What every Huiqi process (the server, the queue worker) does around its work: read the configuration or exit with
// its message, survive lost database connections, and stop cleanly on SIGTERM/SIGINT within a deadline.
import type { Logger } from 'pino';
import { loadConfig, ConfigError, type Config } from '../config.ts';
import { isLostDatabaseConnection } from '../db/connection.ts';

/** The configuration, or the process exits 1 with every problem listed (before any logger exists). */
export function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

/**
 * Runs `work` once on SIGTERM or SIGINT (or when the returned function is called), then exits 0; exits 1 if it takes
 * longer than `deadlineMs`.
 */
export function stopOnSignals(logger: Logger, deadlineMs: number, work: () => Promise<void>): (reason: string) => Promise<void> {
  let stopping = false;
  const stop = async (reason: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal: reason }, 'shutting down');
    setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, deadlineMs).unref();
    await work();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  return stop;
}

/**
 * The job queue (graphile-worker 0.17) does not wait for its own "job done" and "job failed" writes, so a database
 * connection cut at that moment rejects a promise nobody handles, and Node would end the process for it. A lost
 * connection is not a reason to stop serving: the pools open new ones, the job stays locked and the outbox sweeper
 * queues its e-mail again. Anything else unhandled still ends the process, as Node would, but through the log.
 */
export function survivesLostDatabaseConnections(logger: Logger) {
  process.on('unhandledRejection', (reason) => {
    if (isLostDatabaseConnection(reason)) {
      logger.warn({ err: reason }, 'a database connection was lost in the background; carrying on');
      return;
    }
    logger.fatal({ err: reason }, 'unhandled promise rejection');
    process.exit(1);
  });
}

/** What a process does when its job-queue runner ends without being asked to: log it and exit, to be restarted. */
export function exitWhenQueueStops(logger: Logger): (error: unknown) => void {
  return (error) => {
    logger.fatal({ err: error }, 'the job queue worker stopped; exiting so the process is restarted');
    process.exit(1);
  };
}

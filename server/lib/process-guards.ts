// What every Huiqi process (the server, the queue worker) installs before it starts work.
import type { Logger } from 'pino';
import { isLostDatabaseConnection } from '../db/connection.ts';

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

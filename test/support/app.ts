// Starts the real app (createApp) on port 0 against the test database.
import http from 'node:http';
import { Writable } from 'node:stream';
import type { AddressInfo } from 'node:net';
import type { DestinationStream } from 'pino';
import { loadConfig } from '../../server/config.ts';
import { createLogger } from '../../server/lib/logger.ts';
import { createServices, type Services } from '../../server/services.ts';
import { createApp } from '../../server/app.ts';
import type { Database } from '../../server/db/connection.ts';
import { getTestDatabase, testEnv } from './database.ts';

export type TestApp = { baseUrl: string; services: Services; db: Database; close(): Promise<void> };

export async function startTestApp(
  options: {
    env?: Record<string, string>;
    logTo?: DestinationStream;
    db?: Database;
    tweak?: (services: Services) => void;
    /** Run the e-mail delivery worker too (off by default: most tests read the outbox as queued). */
    mailWorker?: boolean;
  } = {},
): Promise<TestApp> {
  const { db: sharedDb } = await getTestDatabase();
  const db = options.db ?? sharedDb;
  const config = loadConfig(testEnv(options.env));
  const logger = createLogger(options.logTo ? 'debug' : config.logLevel, options.logTo);
  const services = createServices(config, db, logger);
  options.tweak?.(services);
  const server = http.createServer(createApp(services));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  if (options.mailWorker) await services.mailer.start();
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    services,
    db,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await services.close();
    },
  };
}

/** Everything an app logs, kept as text (pass `stream` as `logTo`): for tests that secrets never reach the log. */
export function captureLog(): { stream: Writable; text(): string } {
  let logged = '';
  const stream = new Writable({
    write(chunk, _encoding, done) {
      logged += chunk.toString();
      done();
    },
  });
  return { stream, text: () => logged };
}

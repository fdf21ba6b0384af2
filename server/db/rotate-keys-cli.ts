// npm run keys:rotate — after a new SECRET_KEY is in place on every process (the old one in PREVIOUS_SECRET_KEYS):
// re-encrypts stored secrets and ID numbers under the new key. Prints a JSON report (counts and row ids, never a value
// or a key); exits 0 when nothing is left that needs a previous key, 2 when something is (run again, or see the report).
import pino from 'pino';
import { loadConfig } from '../config.ts';
import { createFieldCrypto } from '../lib/field-crypto.ts';
import { createLogger } from '../lib/logger.ts';
import { openDatabase } from './connection.ts';
import { embeddedIsRunning } from './embedded.ts';
import { rotateFieldKeys } from './rotate-keys.ts';

const config = loadConfig();
// the log goes to stderr: stdout carries only the report, for scripts
const logger = createLogger(config.logLevel, pino.destination(2));
if (!config.databaseUrl && embeddedIsRunning(config.dataDir)) {
  // opening the embedded database would stop the one the running server uses
  logger.error('the embedded database is in use by a running server: stop it first (or set DATABASE_URL to a shared PostgreSQL)');
  process.exit(1);
}
const db = await openDatabase(config, logger);
try {
  const report = await rotateFieldKeys(db.sequelize, createFieldCrypto(config.secretKey, config.previousSecretKeys));
  if (report.unreadable > 0) logger.warn({ unreadable: report.unreadable }, 'some rows could not be read with any configured key and were left as they are');
  if (report.idNumbers.conflicts > 0) logger.warn({ members: report.idNumbers.conflictingMembers }, 'team members whose ID number another active member of the team holds: resolve, then run again');
  logger.info({ done: report.done }, report.done ? 'encrypted fields are under the current key' : 'something still needs a previous key; see the report');
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  process.exitCode = report.done ? 0 : 2;
} catch (error) {
  logger.error({ err: { message: (error as Error).message } }, 'key rotation stopped');
  process.exitCode = 1;
} finally {
  await db.close();
}

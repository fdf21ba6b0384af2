// npm run keys:rotate — after moving the old SECRET_KEY into PREVIOUS_SECRET_KEYS and setting a new one: re-encrypts
// stored secrets and ID numbers under the new key. Prints what it did (counts only, never a value).
import pino from 'pino';
import { loadConfig } from '../config.ts';
import { createFieldCrypto } from '../lib/field-crypto.ts';
import { createLogger } from '../lib/logger.ts';
import { openDatabase } from './connection.ts';
import { migrate } from './migrate.ts';
import { rotateFieldKeys } from './rotate-keys.ts';

const config = loadConfig();
// the log goes to stderr: stdout carries only the report, for scripts
const logger = createLogger(config.logLevel, pino.destination(2));
const db = await openDatabase(config, logger);
try {
  await migrate(db, logger);
  const report = await rotateFieldKeys(db.sequelize, createFieldCrypto(config.secretKey, config.previousSecretKeys));
  logger.info({ report }, 'encrypted fields are under the current key');
  if (report.unreadable > 0) logger.warn({ unreadable: report.unreadable }, 'some rows could not be read with any configured key and were left as they are');
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  process.exitCode = report.unreadable > 0 ? 2 : 0;
} finally {
  await db.close();
}

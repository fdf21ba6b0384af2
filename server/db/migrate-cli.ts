// npm run db:migrate — applies pending migrations (the server also does this at start).
import { loadConfig } from '../config.ts';
import { createLogger } from '../lib/logger.ts';
import { openDatabase } from './connection.ts';
import { migrate } from './migrate.ts';

const config = loadConfig();
const logger = createLogger(config.logLevel);
const db = await openDatabase(config, logger);
try {
  await migrate(db, logger);
  logger.info('migrations are up to date');
} finally {
  await db.close();
}

// One database for the whole test run: DATABASE_URL when set (CI uses the machine's PostgreSQL),
// otherwise an embedded PostgreSQL in a temporary folder. Tests make their own data and never
// rely on seeds, so they can share it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type Config } from '../../server/config.ts';
import { openDatabase, type Database } from '../../server/db/connection.ts';
import { migrate } from '../../server/db/migrate.ts';
import { createLogger } from '../../server/lib/logger.ts';
import { seedProgrammes } from '../../seeders/programmes.ts';
import { seedPublicHolidays } from '../../seeders/public-holidays.ts';
import { seedPlanTargets } from '../../seeders/plan-targets.ts';
import { seedRuleSets } from '../../seeders/rule-sets.ts';

let shared: Promise<{ db: Database; baseConfig: Config }> | null = null;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'huiqi-test-'));

export function testEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    DATABASE_URL: process.env.DATABASE_URL ?? '',
    RATE_LIMIT_PER_MINUTE: '0',
    // every test signs in from 127.0.0.1 and the counter lives in the shared database: a test of the per-client limit
    // sets its own, with addresses of its own (X-Forwarded-For)
    LOGIN_MAX_FAILS_PER_CLIENT: '1000000',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    SECRET_KEY: 'test-secret-key-that-is-long-enough-0123456789',
    ...extra,
  };
}

export function getTestDatabase(): Promise<{ db: Database; baseConfig: Config }> {
  shared ??= (async () => {
    const baseConfig = loadConfig(testEnv());
    const logger = createLogger(baseConfig.logLevel);
    const db = await openDatabase(baseConfig, logger);
    await migrate(db);
    // Reference data every environment has (programmes and shipped rule sets are seeded on every start, in production too).
    await seedProgrammes(db);
    await seedRuleSets(db);
    await seedPublicHolidays(db);
    await seedPlanTargets(db);
    return { db, baseConfig };
  })();
  return shared;
}

export async function closeTestDatabase(): Promise<void> {
  if (!shared) return;
  const { db } = await shared;
  shared = null;
  await db.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

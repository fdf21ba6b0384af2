import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import type { Logger } from 'pino';
import type { Config } from '../server/config.ts';
import type { Database } from '../server/db/connection.ts';
import { seedProgrammes } from './programmes.ts';
import { seedDemo } from './demo.ts';
import { seedRuleSets } from './rule-sets.ts';
import { seedPublicHolidays } from './public-holidays.ts';
import { seedPlanTargets } from './plan-targets.ts';

/** Programmes always; demo accounts and calls unless production. Returns the demo password to print. */
export async function runSeeders(db: Database, config: Config, logger: Logger): Promise<{ demoPassword: string | null }> {
  await seedProgrammes(db);
  await seedPublicHolidays(db);
  await seedPlanTargets(db);
  if (config.env === 'production') {
    await seedRuleSets(db);
    return { demoPassword: null };
  }
  // Existing demo accounts get the password reset whenever it may differ from what we print:
  // set explicitly by the operator, or newly generated (e.g. a new DATA_DIR against an old database).
  const { password, created } = config.demoPassword
    ? { password: config.demoPassword, created: true }
    : readOrCreateDemoPassword(config.dataDir);
  await seedDemo(db, { password, resetPasswords: created, logger });
  await seedRuleSets(db); // after the demo calls, so they freeze their versions too
  return { demoPassword: password };
}

function readOrCreateDemoPassword(dataDir: string): { password: string; created: boolean } {
  const file = path.join(dataDir, 'demo-password');
  try {
    return { password: fs.readFileSync(file, 'utf8').trim(), created: false };
  } catch {
    fs.mkdirSync(dataDir, { recursive: true });
    const password = `Demo-${crypto.randomBytes(9).toString('base64url')}`;
    fs.writeFileSync(file, password + '\n', { mode: 0o600 });
    return { password, created: true };
  }
}

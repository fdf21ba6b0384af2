// The fresh-machine promise: `npm start` with no DATABASE_URL runs on an embedded PostgreSQL under
// DATA_DIR, keeps data across restarts, survives a hard kill, explains failures, and stops cleanly.
import { expect } from 'chai';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { TestClient } from '../../support/client.ts';
import { registration } from '../../support/factories.ts';

const root = path.resolve(import.meta.dirname, '../../..');

type Running = { child: ChildProcess; baseUrl: string; output: () => string; exited: Promise<number | null> };

function startServer(dataDir: string, extraEnv: Record<string, string> = {}): Promise<Running> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'development', LOG_LEVEL: 'warn', ...extraEnv };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 90_000);
    const check = () => {
      const match = /running at http:\/\/localhost:(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, baseUrl: `http://127.0.0.1:${match[1]}`, output: () => output, exited });
      }
    };
    child.stdout!.on('data', check);
    exited.then((code) => {
      clearTimeout(timer);
      reject(Object.assign(new Error(`server exited with ${code}:\n${output}`), { output, code }));
    });
  });
}

function postgresPidFor(dataDir: string): number | null {
  try {
    return Number.parseInt(fs.readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0], 10);
  } catch {
    return null;
  }
}

function alive(pid: number | null): boolean {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('starting and stopping on the embedded database', function () {
  this.timeout(240_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'huiqi-start-'));
  after(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('when started, stopped, restarted and hard-killed, then data is kept, shutdown is clean and recovery works', async () => {
    // 1. fresh start
    let server = await startServer(dataDir);
    let client = new TestClient(server.baseUrl);
    expect((await client.get('/healthz')).body).to.deep.equal({ status: 'ok', db: 'ok' });
    const programmes = await client.get('/api/programmes');
    expect(programmes.body.items).to.have.length(5);
    const openCalls = await client.get('/api/calls?status=open');
    expect(openCalls.body.items.map((c: { programme: string }) => c.programme)).to.include.members(['high-tech-enterprise', 'tech-sme', 'unicorn-cultivation', 'talent-team', 'residence-points']);
    const demoPassword = fs.readFileSync(path.join(dataDir, 'demo-password'), 'utf8').trim();
    expect(server.output()).to.include(demoPassword);
    expect((await client.signIn('officer@huiqi.test', demoPassword)).status).to.equal(200);

    // 2. SIGTERM while a request is in flight: the request finishes, the process exits 0 within 10 s
    const input = registration();
    const inFlight = new TestClient(server.baseUrl).post('/api/auth/register', input);
    await new Promise((r) => setTimeout(r, 20));
    const pgPid = postgresPidFor(dataDir);
    expect(alive(pgPid)).to.equal(true);
    const stopAsked = Date.now();
    server.child.kill('SIGTERM');
    expect((await inFlight).status).to.equal(201);
    expect(await server.exited).to.equal(0);
    expect(Date.now() - stopAsked).to.be.below(10_000);
    expect(alive(pgPid)).to.equal(false);

    // 3. restart on the same DATA_DIR keeps the data
    server = await startServer(dataDir);
    client = new TestClient(server.baseUrl);
    expect((await client.signIn(input.email, input.password)).status).to.equal(200);

    // 4. a hard kill leaves PostgreSQL and its postmaster.pid behind; the next start recovers
    server.child.kill('SIGKILL');
    await server.exited;
    expect(fs.existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).to.equal(true);
    server = await startServer(dataDir);
    client = new TestClient(server.baseUrl);
    expect((await client.signIn(input.email, input.password)).status).to.equal(200);
    server.child.kill('SIGINT');
    expect(await server.exited).to.equal(0);
  });

  it('when PostgreSQL cannot start, then the process exits 1 and prints PostgreSQL\'s own reason', async () => {
    const blocker = net.createServer().listen(0, '127.0.0.1');
    await new Promise((r) => blocker.once('listening', r));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      await startServer(dataDir, { EMBEDDED_PG_PORT: String(port) });
      expect.fail('the server should not have started');
    } catch (error) {
      const { output, code } = error as { output: string; code: number };
      expect(code).to.equal(1);
      expect(output).to.include('Embedded PostgreSQL could not start');
      expect(output).to.match(/could not bind|Address already in use|could not create any TCP\/IP sockets/i);
    } finally {
      blocker.close();
    }
  });
});

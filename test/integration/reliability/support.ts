// Real server processes (node --import tsx server/index.ts) on the test database, each with DATA_DIR and TMPDIR of
// its own so a test can see every file it leaves behind; raw multipart bodies sent at the pace a test chooses; a mail
// relay that holds a message until the test lets it go.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { TestApp } from '../../support/app.ts';
import type { TestClient } from '../../support/client.ts';
import { getTestDatabase } from '../../support/database.ts';

const root = path.resolve(import.meta.dirname, '../../..');

export type ServerProcess = {
  child: ChildProcess;
  baseUrl: string;
  port: number;
  dataDir: string;
  tmpDir: string;
  output: () => string;
  /** The exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  /** What the shared test helpers (openCall, draftApplication) need: the address, and the database for staff accounts. */
  app: TestApp;
  /** SIGTERM, then the exit code; the folders are removed. */
  stop(): Promise<number | null>;
};

export async function startServerProcess(extraEnv: Record<string, string> = {}, entry = 'server/index.ts'): Promise<ServerProcess> {
  const { db } = await getTestDatabase(); // migrated and seeded before the process starts on it
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'huiqi-proc-data-'));
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'huiqi-proc-tmp-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'test',
    DATABASE_URL: db.url,
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    TMPDIR: tmpDir,
    LOG_LEVEL: 'warn',
    SECRET_KEY: 'test-secret-key-that-is-long-enough-0123456789',
    DEMO_PASSWORD: 'demo-password-for-process-tests',
    RATE_LIMIT_PER_MINUTE: '0',
    // as in test/support/database.ts: the suite signs in from 127.0.0.1 and the counter is shared in the database
    LOGIN_MAX_FAILS_PER_CLIENT: '1000000',
    ...extraEnv,
  };
  const child = spawn(process.execPath, ['--import', 'tsx', entry], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const cleanUp = () => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(tmpDir, { recursive: true, force: true });
  };
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start:\n${output}`));
    }, 60_000);
    const check = () => {
      const match = /running at http:\/\/localhost:(\d+)/.exec(output);
      if (match || /queue worker is running/.test(output)) {
        clearTimeout(timer);
        resolve(match ? Number(match[1]) : 0);
      }
    };
    child.stdout!.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  }).catch((error) => {
    cleanUp();
    throw error;
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    child,
    baseUrl,
    port,
    dataDir,
    tmpDir,
    output: () => output,
    exited,
    app: { baseUrl, db, services: undefined as never, close: async () => undefined },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const code = await exited;
      cleanUp();
      return code;
    },
  };
}

/** A queue worker on its own (server/worker.ts): no port; `stop` sends SIGTERM and answers the exit code. */
export function startWorkerProcess(extraEnv: Record<string, string> = {}): Promise<ServerProcess> {
  return startServerProcess(extraEnv, 'server/worker.ts');
}

/** Every file under a folder, as paths relative to it. */
export function filesUnder(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((entry) => !entry.isDirectory())
    .map((entry) => path.relative(dir, path.join(entry.parentPath ?? entry.path, entry.name)));
}

/** A real PDF of about `bytes` bytes (content sniffing sees %PDF-), different every time. */
export function bigPdf(bytes: number): Buffer {
  const head = Buffer.from(`%PDF-1.4\n% ${crypto.randomUUID()}\n`, 'latin1');
  const tail = Buffer.from('\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
  const filler = Buffer.alloc(Math.max(0, bytes - head.length - tail.length), 0x20);
  return Buffer.concat([head, filler, tail]);
}

export type RawUpload = {
  /** Sends the next part of the body (resolves once written to the socket). */
  send(bytes: number): Promise<void>;
  /** Sends the rest and resolves with the answer. */
  finish(): Promise<{ status: number; body: string }>;
  /** Gives up: the socket is destroyed mid-body. */
  abort(): void;
  total: number;
  sent: number;
};

/** A multipart upload (kind + file) to POST /api/applications/:id/documents, written piece by piece. */
export function rawUpload(client: TestClient, applicationId: string, kind: string, file: Buffer, filename = 'evidence.pdf'): RawUpload {
  const boundary = `----huiqi${crypto.randomBytes(12).toString('hex')}`;
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\n${kind}\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/pdf\r\n\r\n`),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const url = new URL(`${client.baseUrl}/api/applications/${applicationId}/documents`);
  const request = http.request({
    host: url.hostname,
    port: url.port,
    path: url.pathname,
    method: 'POST',
    agent: false,
    headers: {
      'Content-Type': `multipart/form-data; boundary=${boundary}`,
      'Content-Length': String(body.length),
      Cookie: client.cookie ?? '',
      'X-CSRF-Token': client.csrfToken ?? '',
    },
  });
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    request.on('response', (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
      response.on('error', reject);
    });
    request.on('error', reject);
  });
  answer.catch(() => undefined); // an aborted upload has no answer; only finish() waits for one
  const upload: RawUpload = {
    total: body.length,
    sent: 0,
    send(bytes) {
      const chunk = body.subarray(upload.sent, Math.min(body.length, upload.sent + bytes));
      upload.sent += chunk.length;
      return new Promise((resolve, reject) => request.write(chunk, (error) => (error ? reject(error) : resolve())));
    },
    async finish() {
      const rest = body.subarray(upload.sent);
      upload.sent = body.length;
      request.end(rest);
      return answer;
    },
    abort() {
      request.destroy();
    },
  };
  request.flushHeaders();
  return upload;
}

/** Whether a new TCP connection to the port is refused. */
export function connectionRefused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });
}

/** GET on a connection of its own (no keep-alive pool): the status code. */
export function statusOnNewConnection(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false }, (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      })
      .on('error', reject);
  });
}

export type HeldSmtp = {
  url: string;
  messages: ParsedMail[];
  /** Recipients of the messages being held: their sender waits for the reply to its DATA. */
  heldFor: string[];
  /** Accepts the held messages and every later one. */
  release(): void;
  close(): Promise<void>;
};

/** A relay that keeps the sender waiting on every message until the test releases them. */
export async function startHeldSmtpServer(): Promise<HeldSmtp> {
  const messages: ParsedMail[] = [];
  const heldFor: string[] = [];
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then(async (mail) => {
          heldFor.push(...session.envelope.rcptTo.map((r) => r.address.toLowerCase()));
          await released;
          messages.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = (server as unknown as { server: net.Server }).server.address() as net.AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, messages, heldFor, release, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

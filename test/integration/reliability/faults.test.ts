// Faults a real deployment meets: the database drops every connection under load, the mail relay is down for a
// while, the process is told to stop while requests are running, a client gives up halfway through an upload.
import { expect } from 'chai';
import pg from 'pg';
import { QueryTypes } from 'sequelize';
import { startTestApp, type TestApp } from '../../support/app.ts';
import { getTestDatabase } from '../../support/database.ts';
import { TestClient, type Reply } from '../../support/client.ts';
import { freePort, startSmtpServer, waitFor, type TestSmtp } from '../../support/smtp.ts';
import { signedInApplicant, uniqueEmail } from '../../support/factories.ts';
import { draftApplication, openCall } from '../applications/support.ts';
import { bigPdf, connectionRefused, filesUnder, rawUpload, startHeldSmtpServer, startServerProcess, statusOnNewConnection, type HeldSmtp, type ServerProcess } from './support.ts';

const TERMINATE_OTHERS = 'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()';

async function databaseClient(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: (await getTestDatabase()).db.url });
  client.on('error', () => undefined); // a cut that reaches this client too is expected; its next query says so
  await client.connect();
  return client;
}

/** Ends every other connection to the test database, as a failover or an operator's pg_terminate_backend would. */
async function terminateBackends(): Promise<number> {
  const client = await databaseClient();
  try {
    return (await client.query(TERMINATE_OTHERS)).rowCount ?? 0;
  } finally {
    await client.end();
  }
}

/** Rejects instead of waiting for ever: a request that hangs is a failure of its own. */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`hang: ${what} got no answer within ${ms} ms`)), ms);
    }),
  ]);
}

/** What a 5xx may say: the catalogue's words, never a driver's message, a stack, SQL or a host. */
const INTERNALS = /terminat|sequelize|postgres|pg_|ECONN|socket|stack|at .+\.ts|SELECT|UPDATE|INSERT|connection|127\.0\.0\.1/i;

describe('faults', () => {
  describe('database connections cut under load', () => {
    // A real process (server/index.ts), so that whatever the cut does to it (an unhandled rejection ends a Node
    // process) is seen; every pool it holds (Sequelize, pg for sessions and throttles, the job queue and its LISTEN
    // connection) is cut, and its mail worker sends to a local relay.
    let server: ServerProcess;
    let smtp: TestSmtp;
    before(async () => {
      smtp = await startSmtpServer();
      server = await startServerProcess({ SMTP_URL: smtp.url, MAIL_RETRY_BASE_MS: '200', MAIL_CONCURRENCY: '4' });
    });
    after(async () => {
      await server.stop();
      await smtp.close();
    });

    it('when every database connection is terminated twice while 20 clients write, then the same process recovers within seconds, keeps every acknowledged write, fails only with clean 5xx and still stops cleanly', async () => {
      const app = server.app;
      const { call } = await openCall(app);
      const firms = await Promise.all(Array.from({ length: 20 }, () => draftApplication(app, call.id)));

      type Outcome = { client: number; ok: boolean; status: number; at: number };
      const outcomes: Outcome[] = [];
      const failures: Reply[] = [];
      const hangs: string[] = [];
      const acknowledged = firms.map(() => ({ employees: 0, version: 0, invitations: [] as { id: string; email: string }[] }));
      let stop = false;

      /** One request, its answer recorded; a request without an answer within 15 s is a hang. */
      const send = async (client: number, request: Promise<Reply>, what: string): Promise<Reply | null> => {
        try {
          const reply = await within(request, 15_000, what);
          outcomes.push({ client, ok: reply.status < 300, status: reply.status, at: Date.now() });
          return reply;
        } catch (error) {
          hangs.push((error as Error).message);
          return null;
        }
      };
      const worker = async (index: number) => {
        const firm = firms[index];
        const path = `/api/applications/${firm.application.id}`;
        let version = firm.application.version;
        for (let n = 1; !stop; n++) {
          const autosave = n % 2 === 1;
          const reply = await send(
            index,
            autosave ? firm.client.patch(path, { facts: { employees: n }, version }) : firm.client.post('/api/company/invitations', { email: uniqueEmail(`cut-${index}`).toLowerCase() }),
            `write ${n} of client ${index}`,
          );
          if (!reply) return;
          if (reply.status < 300) {
            if (autosave) {
              version = reply.body.version;
              acknowledged[index].employees = n;
              acknowledged[index].version = version;
            } else {
              acknowledged[index].invitations.push({ id: reply.body.id, email: reply.body.email });
            }
          } else if (reply.status === 409 && reply.body.code === 'version_conflict') {
            // an earlier autosave committed although its answer was lost: the server says which version is current
            version = reply.body.currentVersion;
          } else {
            failures.push(reply);
            // the write may or may not have happened: read the version again, as the web client does after an error
            const current = await send(index, firm.client.get(path), `a re-read by client ${index}`);
            if (!current) return;
            if (current.status === 200) version = current.body.version;
            else failures.push(current);
          }
        }
      };
      const load = firms.map((_, index) => worker(index));

      const acknowledgedCount = () => outcomes.filter((o) => o.ok).length;
      await waitFor(async () => acknowledgedCount() >= 40, 20_000, 'load before the first cut');
      expect(await terminateBackends()).to.be.greaterThan(0);
      const afterFirst = acknowledgedCount();
      await waitFor(async () => acknowledgedCount() >= afterFirst + 20, 20_000, 'writes between the cuts');
      expect(await terminateBackends()).to.be.greaterThan(0);
      const cutAt = Date.now();

      // the same process, no restart: healthy again and serving every client within a few seconds
      const health = new TestClient(app.baseUrl);
      await waitFor(async () => (await within(health.get('/healthz'), 5_000, 'healthz')).status === 200, 5_000, 'healthz ok after the cut');
      await waitFor(async () => new Set(outcomes.filter((o) => o.ok && o.at > cutAt).map((o) => o.client)).size === firms.length, 5_000, 'every client served after the cut');
      stop = true;
      await Promise.all(load);

      expect(hangs, hangs.join('\n')).to.deep.equal([]);
      expect(server.child.exitCode, server.output()).to.equal(null);
      expect((await health.get('/healthz')).body).to.deep.equal({ status: 'ok', db: 'ok' });
      for (const failure of failures) {
        expect(failure.status, failure.text).to.be.within(500, 599);
        expect(failure.headers.get('content-type'), failure.text).to.match(/^application\/problem\+json/);
        if (failure.status !== 503) expect(failure.body.code).to.equal('internal_error');
        expect(failure.text).to.not.match(INTERNALS);
      }

      // every acknowledged write is in the database
      const { db: testDb } = await getTestDatabase();
      const rows = await testDb.sequelize.query<{ id: string; version: number; employees: number }>(
        "SELECT id, version, (facts->>'employees')::int AS employees FROM applications WHERE id IN (:ids)",
        { replacements: { ids: firms.map((f) => f.application.id) }, type: QueryTypes.SELECT },
      );
      for (const [index, firm] of firms.entries()) {
        const row = rows.find((r) => r.id === firm.application.id)!;
        // a later write may have committed although its answer was lost; an acknowledged one is never missing
        expect(row.version).to.be.at.least(acknowledged[index].version);
        expect(row.employees).to.be.at.least(acknowledged[index].employees);
      }
      const invitations = acknowledged.flatMap((a) => a.invitations);
      expect(invitations.length).to.be.greaterThan(20);
      const stored = await testDb.sequelize.query<{ id: string }>('SELECT id FROM company_invitations WHERE id IN (:ids)', {
        replacements: { ids: invitations.map((i) => i.id) },
        type: QueryTypes.SELECT,
      });
      expect(stored.map((r) => r.id)).to.have.members(invitations.map((i) => i.id));

      // the mail worker lost its connections too: every acknowledged invitation is still e-mailed, and none twice
      // (a send whose outcome could not be recorded at the cut must not go out again)
      const addresses = invitations.map((i) => i.email);
      await waitFor(async () => {
        const rows = await outbox(app, addresses);
        return rows.length === addresses.length && rows.every((r) => r.status === 'sent');
      }, 50_000, 'the invitations delivered after the cut'); // at worst the sweeper's 30 s plus its 15 s round
      for (const address of addresses) expect(smtp.messages.filter((m) => recipients(m).includes(address)), address).to.have.length(1);
      // nor any other e-mail the worker found queued (other tests' mail shares the database): one delivery per outbox row
      const perMessage = new Map<string, number>();
      for (const message of smtp.messages) perMessage.set(String(message.messageId), (perMessage.get(String(message.messageId)) ?? 0) + 1);
      expect([...perMessage].filter(([, n]) => n > 1)).to.deep.equal([]);

      expect(await server.stop(), server.output()).to.equal(0);
    });
  });

  describe('connections cut while the mail worker records its work', () => {
    // Locks held from the test make the worker's writes wait at a known point, where their connection is cut.
    let relay: HeldSmtp;
    let server: ServerProcess;
    let watcher: pg.Client;
    before(async () => {
      relay = await startHeldSmtpServer();
      server = await startServerProcess({ SMTP_URL: relay.url, MAIL_RETRY_BASE_MS: '100' });
      watcher = await databaseClient();
    });
    after(async () => {
      await watcher.end().catch(() => undefined);
      await server.stop();
      await relay.close();
    });

    /** Whether a statement starting like `start` waits for a lock (pg_stat_activity, read outside any transaction). */
    const waitsOnLock = async (start: string) =>
      ((await watcher.query("SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE $1", [`${start}%`])).rowCount ?? 0) > 0;
    /** Ends every connection to the database but the watcher's and the lock holders'. */
    const terminateAllBut = async (...keep: pg.Client[]) => {
      const pids = await Promise.all(keep.map(async (client) => (await client.query('SELECT pg_backend_pid() AS pid')).rows[0].pid as number));
      const ended = await watcher.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND pid <> ALL($1::int[])', [pids]);
      return ended.rowCount ?? 0;
    };

    it('when the connections recording a sent e-mail and then its finished job are terminated, then the process carries on, the e-mail is recorded sent and it goes out once', async () => {
      const owner = await signedInApplicant(server.baseUrl);
      const address = uniqueEmail('held').toLowerCase();
      expect((await owner.client.post('/api/company/invitations', { email: address })).status).to.equal(201);
      // the worker has claimed the e-mail and waits for the relay to accept it
      await waitFor(async () => relay.heldFor.includes(address), 10_000, 'the e-mail at the relay');
      const [claimed] = await outbox(server.app, [address]);
      expect(claimed.status).to.equal('sending');

      const outboxLock = await databaseClient();
      const jobLock = await databaseClient();
      try {
        await outboxLock.query('BEGIN');
        await outboxLock.query('SELECT id FROM mail_outbox WHERE id = $1 FOR UPDATE', [claimed.id]);
        await jobLock.query('BEGIN');
        expect((await jobLock.query('SELECT id FROM graphile_worker._private_jobs WHERE key = $1 FOR UPDATE', [`mail:${claimed.id}`])).rowCount).to.equal(1);

        // 1. the relay accepts; the UPDATE recording that waits on the outbox row, and its connection is cut
        relay.release();
        await waitFor(() => waitsOnLock('UPDATE mail_outbox SET status'), 10_000, 'the outcome waiting on the outbox row');
        expect(await terminateAllBut(outboxLock, jobLock)).to.be.greaterThan(0);
        await outboxLock.query('ROLLBACK');
        await outboxLock.end();

        // 2. the queue marks the job done: that DELETE waits on the job row, and its connection is cut
        await waitFor(() => waitsOnLock('delete from "graphile_worker"._private_jobs'), 10_000, 'the job completion waiting on the job row');
        expect(await terminateAllBut(jobLock)).to.be.greaterThan(0);
        await jobLock.query('ROLLBACK');
      } finally {
        await outboxLock.end().catch(() => undefined);
        await jobLock.end().catch(() => undefined);
      }

      const sent = await waitFor(async () => {
        // this test's own pooled connections were cut too: a read that meets one of them is simply made again
        const [row] = await outbox(server.app, [address]).catch(() => []);
        return row?.status === 'sent' ? row : null;
      }, 10_000, 'the e-mail recorded as sent');
      expect(sent.attempts).to.equal(1);
      expect(relay.messages.filter((m) => recipients(m).includes(address))).to.have.length(1);

      // the same process still serves, and its worker still sends
      expect(server.child.exitCode, server.output()).to.equal(null);
      await waitFor(async () => (await new TestClient(server.baseUrl).get('/healthz')).status === 200, 5_000, 'healthz ok');
      const next = uniqueEmail('after-cut').toLowerCase();
      await waitFor(async () => (await owner.client.post('/api/company/invitations', { email: next })).status === 201, 5_000, 'an invitation accepted');
      await waitFor(async () => relay.messages.some((m) => recipients(m).includes(next)), 10_000, 'the next e-mail sent');
      expect(server.child.exitCode, server.output()).to.equal(null);
    });
  });

  describe('mail relay down, then up', () => {
    it('when e-mails are queued while the relay is down and then refusing with 451, then each is delivered exactly once when it accepts, and the outbox marks them sent', async () => {
      const port = await freePort();
      const app = await startTestApp({ env: { SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_RETRY_BASE_MS: '100', MAIL_MAX_ATTEMPTS: '20' }, mailWorker: true });
      let smtp: TestSmtp | null = null;
      try {
        const owner = await signedInApplicant(app.baseUrl);
        const addresses = Array.from({ length: 6 }, () => uniqueEmail('relay').toLowerCase());
        for (const email of addresses) expect((await owner.client.post('/api/company/invitations', { email })).status).to.equal(201);
        const rows = () => outbox(app, addresses);

        // nothing listens: every e-mail has been tried, and waits with the connection error and a retry time
        await waitFor(async () => {
          const all = await rows();
          return all.length === addresses.length && all.every((r) => r.status === 'queued' && r.attempts >= 1 && /ECONNREFUSED/.test(r.last_error ?? '')) ? all : null;
        }, 20_000, 'failed attempts while the relay is down');

        // the relay answers, but with a temporary refusal: still queued, now with the 451
        smtp = await startSmtpServer(port);
        smtp.refuseWith = 451;
        await waitFor(async () => {
          const all = await rows();
          return all.every((r) => r.status === 'queued' && /451/.test(r.last_error ?? '')) ? all : null;
        }, 20_000, 'temporary refusals');
        expect(smtp.messages).to.have.length(0);

        smtp.refuseWith = null;
        const sent = await waitFor(async () => {
          const all = await rows();
          return all.every((r) => r.status === 'sent') ? all : null;
        }, 20_000, 'every e-mail sent');
        for (const row of sent) {
          expect(row.sent_at).to.not.equal(null);
          expect(row.attempts).to.be.at.least(3);
          const received = smtp.messages.filter((m) => m.messageId === row.message_id);
          expect(received, row.to_address).to.have.length(1);
        }
        for (const address of addresses) expect(smtp.messages.filter((m) => recipients(m).includes(address)), address).to.have.length(1);
        // the worker also sends whatever else other tests left queued in the shared database: none of it twice
        const ids = smtp.messages.map((m) => String(m.messageId));
        expect(ids.length).to.equal(new Set(ids).size);
      } finally {
        await app.close();
        await smtp?.close();
      }
    });
  });

  describe('a real server process', () => {
    let server: ServerProcess;
    before(async () => {
      // info: aborted requests are logged, which is how the test knows the server has seen the abort
      server = await startServerProcess({ LOG_LEVEL: 'info' });
    });
    after(async () => {
      await server.stop();
    });

    it('when a client destroys the socket halfway through a multi-MB upload, then no document row and no file is left behind, and the server keeps working', async () => {
      const { call } = await openCall(server.app);
      const firm = await draftApplication(server.app, call.id);
      const dataBefore = filesUnder(server.dataDir);
      const tmpBefore = filesUnder(server.tmpDir);
      const file = bigPdf(8 * 1024 * 1024);

      const upload = rawUpload(firm.client, firm.application.id, 'business_licence', file);
      await upload.send(Math.floor(upload.total / 2));
      upload.abort();
      const uploadLog = () => server.output().split('\n').filter((line) => line.includes(`${firm.application.id}/documents`)).join('\n');
      await waitFor(async () => /request aborted|"statusCode":4\d\d/.test(uploadLog()), 10_000, 'the server to see the abort');

      const { db } = await getTestDatabase();
      const count = async (sql: string, replacements: Record<string, unknown>) =>
        (await db.sequelize.query<{ n: number }>(sql, { replacements, type: QueryTypes.SELECT }))[0].n;
      expect(await count('SELECT count(*)::int AS n FROM documents WHERE application_id = :id', { id: firm.application.id })).to.equal(0);
      expect(await count("SELECT count(*)::int AS n FROM audit_events WHERE entity_id = :id AND action = 'document.uploaded'", { id: firm.application.id })).to.equal(0);
      expect(filesUnder(server.dataDir)).to.have.members(dataBefore);
      expect(filesUnder(server.tmpDir)).to.have.members(tmpBefore);

      // the same process goes on serving: the whole file arrives the second time
      expect((await firm.client.get('/healthz')).body).to.deep.equal({ status: 'ok', db: 'ok' });
      const complete = await firm.client.upload(`/api/applications/${firm.application.id}/documents`, { kind: 'business_licence' }, { name: 'licence.pdf', content: file, type: 'application/pdf' });
      expect(complete.status, complete.text).to.equal(201);
      expect(complete.body.size).to.equal(file.length);
      expect(await count('SELECT count(*)::int AS n FROM documents WHERE application_id = :id', { id: firm.application.id })).to.equal(1);
      expect(filesUnder(server.dataDir)).to.have.members(dataBefore);
      expect(filesUnder(server.tmpDir)).to.have.members(tmpBefore);
    });

    it('when SIGTERM arrives while uploads are in flight, then they complete with 201, new connections are refused and the process exits 0 within 10 s', async () => {
      const { call } = await openCall(server.app);
      const firms = await Promise.all(Array.from({ length: 6 }, () => draftApplication(server.app, call.id)));
      const files = firms.map(() => bigPdf(3 * 1024 * 1024));
      const uploads = firms.map((firm, i) => rawUpload(firm.client, firm.application.id, 'financial_statements', files[i]));
      await Promise.all(uploads.map((u) => u.send(1024 * 1024)));
      // the server has answered a connection opened after theirs (connections are accepted in order), so it has
      // accepted them: they are in flight, not waiting in the listen queue that closing the port resets
      expect(await statusOnNewConnection(`${server.baseUrl}/healthz`)).to.equal(200);

      const signalled = Date.now();
      server.child.kill('SIGTERM');
      await waitFor(() => connectionRefused(server.port), 5_000, 'new connections refused');
      const answers = await Promise.all(uploads.map((u) => u.finish()));
      for (const answer of answers) expect(answer.status, answer.body).to.equal(201);
      expect(await server.exited, server.output()).to.equal(0);
      expect(Date.now() - signalled).to.be.below(10_000);

      // every upload that was answered 201 is stored
      const { db } = await getTestDatabase();
      const stored = await db.sequelize.query<{ id: string }>('SELECT id FROM documents WHERE id IN (:ids)', {
        replacements: { ids: answers.map((a) => JSON.parse(a.body).id) },
        type: QueryTypes.SELECT,
      });
      expect(stored).to.have.length(firms.length);
    });
  });
});

type OutboxRow = { id: string; to_address: string; status: string; attempts: number; last_error: string | null; message_id: string | null; sent_at: Date | null };

async function outbox(app: TestApp, addresses: string[]): Promise<OutboxRow[]> {
  return app.db.sequelize.query<OutboxRow>('SELECT id, to_address, status, attempts, last_error, message_id, sent_at FROM mail_outbox WHERE to_address IN (:addresses) ORDER BY id', {
    replacements: { addresses },
    type: QueryTypes.SELECT,
  });
}

function recipients(mail: { to?: unknown }): string[] {
  const to = (Array.isArray(mail.to) ? mail.to : [mail.to]) as ({ value: { address?: string }[] } | undefined)[];
  return to.flatMap((t) => t?.value.map((v) => (v.address ?? '').toLowerCase()) ?? []);
}

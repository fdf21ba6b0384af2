// Two web server processes behind one load balancer and two queue workers beside them (QUEUE_WORKER=false on the web
// processes, `server/worker.ts` for the workers): sessions, throttles, submissions and the mail queue live in
// PostgreSQL, so a request may land on either server and every job runs exactly once, on one of the two workers.
import crypto from 'node:crypto';
import { expect } from 'chai';
import { QueryTypes } from 'sequelize';
import { TestClient } from '../../support/client.ts';
import { getTestDatabase } from '../../support/database.ts';
import { registration, signedInApplicant, uniqueEmail } from '../../support/factories.ts';
import { startSmtpServer, waitFor, type TestSmtp } from '../../support/smtp.ts';
import { draftApplication, eligibleSmeFacts, openCall, uploadRequiredSmeDocuments } from '../applications/support.ts';
import { startServerProcess, startWorkerProcess, type ServerProcess } from './support.ts';

/** The same browser session, its requests sent to another process. */
function sameSession(client: TestClient, baseUrl: string): TestClient {
  const other = new TestClient(baseUrl);
  other.cookie = client.cookie;
  other.csrfToken = client.csrfToken;
  return other;
}

const randomIp = () => `10.${crypto.randomInt(250)}.${crypto.randomInt(250)}.${crypto.randomInt(250)}`;

type OutboxRow = { id: string; to_address: string; template: string; status: string; attempts: number; message_id: string | null };

async function outboxTo(addresses: string[]): Promise<OutboxRow[]> {
  const { db } = await getTestDatabase();
  return db.sequelize.query<OutboxRow>('SELECT id, to_address, template, status, attempts, message_id FROM mail_outbox WHERE to_address IN (:addresses) ORDER BY id', {
    replacements: { addresses },
    type: QueryTypes.SELECT,
  });
}

async function count(sql: string, replacements: Record<string, unknown>): Promise<number> {
  const { db } = await getTestDatabase();
  return (await db.sequelize.query<{ n: number }>(sql, { replacements, type: QueryTypes.SELECT }))[0].n;
}

function recipients(mail: { to?: unknown }): string[] {
  const to = (Array.isArray(mail.to) ? mail.to : [mail.to]) as ({ value: { address?: string }[] } | undefined)[];
  return to.flatMap((t) => t?.value.map((v) => (v.address ?? '').toLowerCase()) ?? []);
}

describe('two server processes and two queue workers on one database', () => {
  let smtp: TestSmtp;
  let one: ServerProcess;
  let two: ServerProcess;
  let workers: ServerProcess[] = [];
  before(async () => {
    smtp = await startSmtpServer();
    const env = {
      SMTP_URL: smtp.url,
      MAIL_RETRY_BASE_MS: '200',
      LOGIN_MAX_FAILS_PER_ACCOUNT: '3',
      LOGIN_MAX_FAILS_PER_CLIENT: '1000',
      LOGIN_THROTTLE_WINDOW_SECONDS: '600',
      TRUST_PROXY: '1',
    };
    // started together, as a deployment rolls them out: migrations and seeds must not trip over each other
    const web = { ...env, QUEUE_WORKER: 'false' };
    const worker = { ...env, LOG_LEVEL: 'info' };
    [one, two, ...workers] = await Promise.all([startServerProcess(web), startServerProcess(web), startWorkerProcess(worker), startWorkerProcess(worker)]);
  });
  after(async () => {
    await Promise.all([one?.stop(), two?.stop(), ...workers.map((w) => w.stop())]);
    await smtp?.close();
  });

  it('when a user signs in on process 1, then the session and its CSRF token work on process 2, and signing out on 2 ends it on 1', async () => {
    const { client: onOne, user } = await signedInApplicant(one.baseUrl);
    const onTwo = sameSession(onOne, two.baseUrl);

    const me = await onTwo.get('/api/auth/me');
    expect(me.status, me.text).to.equal(200);
    expect(me.body.user.id).to.equal(user.id);
    expect(me.body.csrfToken).to.equal(onOne.csrfToken);
    const invited = await onTwo.post('/api/company/invitations', { email: uniqueEmail('session') });
    expect(invited.status, invited.text).to.equal(201);
    const forged = await onTwo.post('/api/company/invitations', { email: uniqueEmail('session') }, { csrf: false });
    expect(forged.status).to.equal(403);
    expect(forged.body.code).to.equal('csrf_failed');

    expect((await onTwo.post('/api/auth/logout')).status).to.equal(204);
    expect((await onOne.get('/api/auth/me')).status).to.equal(401);
    expect((await onOne.post('/api/company/invitations', { email: uniqueEmail('session') })).status).to.be.oneOf([401, 403]);
  });

  it('when an account fails to sign in on both processes, then either process answers 429 with Retry-After, even to the right password', async () => {
    const input = registration();
    expect((await new TestClient(one.baseUrl).post('/api/auth/register', input)).status).to.equal(201);
    const attempt = (server: ServerProcess, password: string) =>
      new TestClient(server.baseUrl).post('/api/auth/login', { email: input.email, password }, { headers: { 'X-Forwarded-For': randomIp() } });

    expect((await attempt(one, 'wrong-password-1')).status).to.equal(401);
    expect((await attempt(two, 'wrong-password-2')).status).to.equal(401);
    expect((await attempt(one, 'wrong-password-3')).status).to.equal(401);
    for (const server of [two, one]) {
      const blocked = await attempt(server, input.password);
      expect(blocked.status, blocked.text).to.equal(429);
      expect(blocked.body.code).to.equal('too_many_sign_in_attempts');
      expect(Number(blocked.headers.get('retry-after'))).to.be.within(1, 600);
    }
  });

  it('when one application is submitted 10 times at each process at once, then there is exactly one transition, one audit row and one confirmation e-mail', async () => {
    const { call } = await openCall(one.app);
    const firm = await draftApplication(one.app, call.id);
    const id = firm.application.id;
    const saved = await firm.client.patch(`/api/applications/${id}`, { facts: eligibleSmeFacts, version: firm.application.version });
    expect(saved.status, saved.text).to.equal(200);
    await uploadRequiredSmeDocuments(firm.client, id);
    const onTwo = sameSession(firm.client, two.baseUrl);

    const key = crypto.randomUUID();
    const replies = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? firm.client : onTwo).post(`/api/applications/${id}/submit`, undefined, { headers: { 'Idempotency-Key': key } })),
    );
    for (const reply of replies) expect(reply.status, reply.text).to.equal(200);
    expect(new Set(replies.map((r) => r.body.status))).to.deep.equal(new Set(['submitted']));

    expect(await count("SELECT count(*)::int AS n FROM application_transitions WHERE application_id = :id AND to_status = 'submitted'", { id })).to.equal(1);
    expect(await count("SELECT count(*)::int AS n FROM audit_events WHERE entity_id = :id AND action = 'application.submitted'", { id })).to.equal(1);
    expect(await count("SELECT count(*)::int AS n FROM mail_outbox WHERE application_id = :id AND template = 'application-submitted'", { id })).to.equal(1);

    const address = firm.input.email.toLowerCase();
    const [sent] = await waitFor(async () => {
      const rows = await outboxTo([address]);
      return rows.length === 1 && rows[0].status === 'sent' ? rows : null;
    }, 20_000, 'the confirmation e-mail sent');
    expect(sent.template).to.equal('application-submitted');
    expect(smtp.messages.filter((m) => m.messageId === sent.message_id)).to.have.length(1);
    expect(smtp.messages.filter((m) => recipients(m).includes(address))).to.have.length(1);
  });

  it('when 20 e-mails are queued through both processes, then the two workers deliver each of them exactly once', async () => {
    const { client: onOne } = await signedInApplicant(one.baseUrl);
    const onTwo = sameSession(onOne, two.baseUrl);
    const addresses = Array.from({ length: 20 }, () => uniqueEmail('scale').toLowerCase());
    const replies = await Promise.all(addresses.map((email, i) => (i % 2 === 0 ? onOne : onTwo).post('/api/company/invitations', { email })));
    for (const reply of replies) expect(reply.status, reply.text).to.equal(201);

    const sent = await waitFor(async () => {
      const rows = await outboxTo(addresses);
      return rows.length === addresses.length && rows.every((r) => r.status === 'sent') ? rows : null;
    }, 30_000, 'every e-mail sent');
    for (const row of sent) {
      expect(row.attempts, row.to_address).to.equal(1);
      expect(smtp.messages.filter((m) => m.messageId === row.message_id), row.to_address).to.have.length(1);
    }
    for (const address of addresses) expect(smtp.messages.filter((m) => recipients(m).includes(address)), address).to.have.length(1);
    expect(new Set(sent.map((r) => r.message_id)).size).to.equal(addresses.length);
    // each job ran in exactly one worker process: its "e-mail sent" line is in one worker's log, once
    const sentBy = (worker: ServerProcess) =>
      worker.output().split('\n').filter((line) => line.includes('"e-mail sent"')).map((line) => String(JSON.parse(line).mailId));
    const ids = sent.map((row) => String(row.id));
    const logged = workers.flatMap(sentBy).filter((id) => ids.includes(id));
    expect(logged.sort()).to.deep.equal(ids.sort());
    // the web servers run no worker
    expect([one, two].flatMap(sentBy)).to.deep.equal([]);
  });

  it('when the servers and the workers are told to stop, then all exit 0', async () => {
    expect(await Promise.all([one.stop(), two.stop(), ...workers.map((w) => w.stop())])).to.deep.equal([0, 0, 0, 0]);
  });
});

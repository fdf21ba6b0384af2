import { expect } from 'chai';
import pg from 'pg';
import { captureLog, startTestApp, type TestApp } from '../../support/app.ts';
import { TestClient } from '../../support/client.ts';
import { registration, signedInStaff } from '../../support/factories.ts';

describe('service basics', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp();
  });
  after(() => app.close());

  it('when /healthz is asked, then it answers ok with the database ok', async () => {
    const reply = await new TestClient(app.baseUrl).get('/healthz');
    expect(reply.status).to.equal(200);
    expect(reply.body).to.deep.equal({ status: 'ok', db: 'ok' });
  });

  it('when the database is unreachable, then /healthz answers 503', async () => {
    const unreachable = new pg.Pool({ connectionString: 'postgres://nobody@127.0.0.1:1/none', connectionTimeoutMillis: 500 });
    const broken = await startTestApp({ db: { ...app.db, pool: unreachable, ping: async () => { try { await unreachable.query('SELECT 1'); return true; } catch { return false; } } } });
    try {
      const reply = await new TestClient(broken.baseUrl).get('/healthz');
      expect(reply.status).to.equal(503);
      expect(reply.body.db).to.equal('unreachable');
    } finally {
      await broken.close();
      await unreachable.end();
    }
  });

  it('when any page is served, then a strict Content-Security-Policy and other security headers are set', async () => {
    const reply = await new TestClient(app.baseUrl).get('/api/programmes');
    const csp = reply.headers.get('content-security-policy')!;
    expect(csp).to.include("default-src 'self'").and.include("script-src 'self'").and.include("frame-ancestors 'none'").and.include("object-src 'none'");
    expect(csp).not.to.include('unsafe-inline').and.not.to.include('unsafe-eval');
    expect(reply.headers.get('x-content-type-options')).to.equal('nosniff');
    expect(reply.headers.get('x-powered-by')).to.equal(null);
  });

  it('when an unknown API path is asked, then 404 problem+json in the caller language', async () => {
    const client = new TestClient(app.baseUrl);
    client.language = 'en';
    const reply = await client.get('/api/nothing-here');
    expect(reply.status).to.equal(404);
    expect(reply.headers.get('content-type')).to.match(/application\/problem\+json/);
    expect(reply.body).to.include({ code: 'not_found', title: 'Not found', status: 404 });
  });

  it('when people register and sign in, then the logs carry no password, token or cookie', async () => {
    const log = captureLog();
    const logging = await startTestApp({ logTo: log.stream });
    try {
      const client = new TestClient(logging.baseUrl);
      const input = registration();
      await client.post('/api/auth/register', input);
      await client.post('/api/auth/login', { email: input.email, password: 'a-wrong-password-9' });
      const ok = await client.signIn(input.email, input.password);
      await client.get('/api/auth/me');
      await client.post('/api/auth/logout');
      expect(log.text()).to.include('/api/auth/login');
      expect(log.text()).not.to.include(input.password);
      expect(log.text()).not.to.include('a-wrong-password-9');
      expect(log.text()).not.to.include(ok.body.csrfToken);
      expect(log.text()).not.to.include(client.cookie ?? 'no-cookie-left');
    } finally {
      await logging.close();
    }
  });

  it('when the audit trail is changed directly, then the database refuses it', async () => {
    const { user } = await signedInStaff(app.baseUrl, app.db, ['admin']);
    const [rows] = await app.db.sequelize.query('SELECT id FROM audit_events WHERE actor_id = :id LIMIT 1', { replacements: { id: user.id } });
    const id = (rows as { id: number }[])[0].id;
    let error: unknown = null;
    try {
      await app.db.sequelize.query("UPDATE audit_events SET action = 'tampered' WHERE id = :id", { replacements: { id } });
    } catch (e) {
      error = e;
    }
    expect(String(error)).to.include('append-only');
    let deleteError: unknown = null;
    try {
      await app.db.sequelize.query('DELETE FROM audit_events WHERE id = :id', { replacements: { id } });
    } catch (e) {
      deleteError = e;
    }
    expect(String(deleteError)).to.include('append-only');
  });

  it('when an administrator reads the audit trail, then sign-ins are listed newest first', async () => {
    const { client, user } = await signedInStaff(app.baseUrl, app.db, ['admin']);
    const reply = await client.get(`/api/audit-events?actorId=${user.id}`);
    expect(reply.status).to.equal(200);
    expect(reply.body.items[0]).to.include({ action: 'user.signed_in', actorId: user.id });
  });

  it('when a public endpoint is called more than RATE_LIMIT_PER_MINUTE times, then 429 with Retry-After', async () => {
    const limited = await startTestApp({ env: { RATE_LIMIT_PER_MINUTE: '3', TRUST_PROXY: '1' } });
    try {
      const client = new TestClient(limited.baseUrl);
      const ip = `10.7.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
      const statuses = [];
      for (let i = 0; i < 4; i++) {
        statuses.push((await client.post('/api/auth/register', { email: 'x' }, { headers: { 'X-Forwarded-For': ip } })).status);
      }
      expect(statuses).to.deep.equal([400, 400, 400, 429]);
      const other = await client.post('/api/auth/register', { email: 'x' }, { headers: { 'X-Forwarded-For': `10.8.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` } });
      expect(other.status).to.equal(400);
    } finally {
      await limited.close();
    }
  });
});

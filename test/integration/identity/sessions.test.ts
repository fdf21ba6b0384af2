import os from 'node:os';
import { expect } from 'chai';
import { loadConfig } from '../../../server/config.ts';
import { startTestApp, type TestApp } from '../../support/app.ts';
import { TestClient } from '../../support/client.ts';
import { registration, signedInApplicant } from '../../support/factories.ts';

describe('sign-in, sessions and CSRF', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp();
  });
  after(() => app.close());

  it('when the password is right, then a session cookie (HttpOnly, SameSite=Lax) and a CSRF token are issued and audited', async () => {
    const client = new TestClient(app.baseUrl);
    const input = registration();
    await client.post('/api/auth/register', input);
    const reply = await client.post('/api/auth/login', { email: input.email, password: input.password });

    expect(reply.status).to.equal(200);
    expect(reply.body.csrfToken).to.be.a('string').with.length.greaterThan(30);
    expect(reply.body.user.email).to.equal(input.email);
    expect(reply.body.company.uscc).to.equal(input.company.uscc);
    const cookie = reply.headers.getSetCookie().find((c) => c.startsWith('huiqi.sid='))!;
    expect(cookie).to.match(/HttpOnly/i).and.match(/SameSite=Lax/i).and.not.match(/Secure/i);
    expect(cookie).to.match(/Max-Age=1800|Expires=/i);

    const audit = await app.db.models.AuditEvent.findAll({ where: { actorId: reply.body.user.id, action: 'user.signed_in' } });
    expect(audit).to.have.length(1);
  });

  it('when a signed-in user signs in again, then the session id changes (no fixation)', async () => {
    const { client, input } = await signedInApplicant(app.baseUrl);
    const before = client.cookie;
    await client.signIn(input.email, input.password);
    expect(client.cookie).to.be.a('string').and.not.equal(before);
  });

  it('when the password is wrong, then 401 invalid_credentials and the failure is audited without the password', async () => {
    const client = new TestClient(app.baseUrl);
    const input = registration();
    await client.post('/api/auth/register', input);
    const reply = await client.post('/api/auth/login', { email: input.email, password: 'wrong-password-123' });
    expect(reply.status).to.equal(401);
    expect(reply.body.code).to.equal('invalid_credentials');
    expect(reply.headers.getSetCookie()).to.have.length(0);
    const rows = await app.db.models.AuditEvent.findAll({ where: { action: 'user.sign_in_failed', actorLabel: input.email } });
    expect(rows).to.have.length(1);
    expect(JSON.stringify(rows[0].toJSON())).not.to.include('wrong-password-123');
  });

  it('when an unknown e-mail signs in, then the answer is the same 401 as a wrong password', async () => {
    const reply = await new TestClient(app.baseUrl).post('/api/auth/login', { email: 'nobody@example.cn', password: 'whatever-123456' });
    expect(reply.status).to.equal(401);
    expect(reply.body.code).to.equal('invalid_credentials');
  });

  it('when /api/auth/me is called, then 401 without a session and the user with the same CSRF token with one', async () => {
    const anonymous = await new TestClient(app.baseUrl).get('/api/auth/me');
    expect(anonymous.status).to.equal(401);
    expect(anonymous.body.code).to.equal('unauthenticated');

    const { client, company } = await signedInApplicant(app.baseUrl);
    const me = await client.get('/api/auth/me');
    expect(me.status).to.equal(200);
    expect(me.body.csrfToken).to.equal(client.csrfToken);
    expect(me.body.company.id).to.equal(company.id);
  });

  it('when logout has no or a wrong CSRF token, then 403 csrf_failed and the session survives', async () => {
    const { client } = await signedInApplicant(app.baseUrl);
    const missing = await client.post('/api/auth/logout', undefined, { csrf: false });
    expect(missing.status).to.equal(403);
    expect(missing.body.code).to.equal('csrf_failed');
    const wrong = await client.post('/api/auth/logout', undefined, { csrf: false, headers: { 'X-CSRF-Token': 'forged' } });
    expect(wrong.status).to.equal(403);
    expect((await client.get('/api/auth/me')).status).to.equal(200);
  });

  it('when logout carries the token, then 204 and the session is gone from the store', async () => {
    const { client } = await signedInApplicant(app.baseUrl);
    const sid = decodeURIComponent(client.cookie!.split('=')[1]).slice(2).split('.')[0];
    const reply = await client.post('/api/auth/logout');
    expect(reply.status).to.equal(204);
    const [rows] = await app.db.sequelize.query('SELECT count(*)::int AS n FROM sessions WHERE sid = :sid', { replacements: { sid } });
    expect((rows as { n: number }[])[0].n).to.equal(0);
    expect((await client.get('/api/auth/me')).status).to.equal(401);
  });

  it('when a session is older than its absolute lifetime, then it is ended with 401 session_expired', async () => {
    const shortLived = await startTestApp({ tweak: (s) => (s.config.session.absoluteHours = 1 / 3600) });
    try {
      const { client } = await signedInApplicant(shortLived.baseUrl);
      expect((await client.get('/api/auth/me')).status).to.equal(200);
      await new Promise((r) => setTimeout(r, 1100));
      const reply = await client.get('/api/auth/me');
      expect(reply.status).to.equal(401);
      expect(reply.body.code).to.equal('session_expired');
    } finally {
      await shortLived.close();
    }
  });

  it('when a session has been idle for 30 minutes, then its cookie and its stored row have expired and the next request is 401', async () => {
    const input = registration();
    const client = new TestClient(app.baseUrl);
    const registered = await client.post('/api/auth/register', input);
    const login = await client.signIn(input.email, input.password);
    // the rolling cookie and the store both give the session 30 idle minutes from the last request
    const cookie = login.headers.getSetCookie().find((c) => c.startsWith('huiqi.sid='))!;
    expect(Date.parse(/Expires=([^;]+)/i.exec(cookie)![1]) - Date.now()).to.be.within(29 * 60_000, 30 * 60_000 + 5_000);
    const userId = registered.body.user.id;
    const [stored] = (await app.db.pool.query(`SELECT extract(epoch FROM expire - now()) AS seconds FROM sessions WHERE sess::jsonb ->> 'userId' = $1`, [userId])).rows;
    expect(Number(stored.seconds)).to.be.within(29 * 60, 30 * 60 + 5);
    expect((await client.get('/api/auth/me')).status).to.equal(200);
    // 31 idle minutes later (the stored expiry moved back a little past now): the session is gone
    await app.db.pool.query(`UPDATE sessions SET expire = now() - interval '1 minute' WHERE sess::jsonb ->> 'userId' = $1`, [userId]);
    expect((await client.get('/api/auth/me')).status).to.equal(401);
    expect((await client.post('/api/auth/logout', {})).status).to.equal(401);
  });

  it('when the defaults are read, then at most 10 failed sign-ins per account are allowed in 15 minutes', () => {
    const config = loadConfig({ NODE_ENV: 'production', SECRET_KEY: 'x'.repeat(40) });
    expect(config.loginThrottle.perAccount).to.be.within(1, 10);
    expect(config.loginThrottle.windowSeconds).to.equal(900);
    expect(config.session).to.include({ idleMinutes: 30, absoluteHours: 12, secureCookie: true });
    expect(config.requireMfa).to.equal(true);
    expect(loadConfig({ NODE_ENV: 'development', DATA_DIR: os.tmpdir() }).requireMfa).to.equal(false);
  });

  it('when running in production behind TLS, then the cookie is Secure', async () => {
    const production = await startTestApp({ env: { NODE_ENV: 'production', TRUST_PROXY: '1' } });
    try {
      const client = new TestClient(production.baseUrl);
      const input = registration();
      await client.post('/api/auth/register', input);
      const reply = await client.post('/api/auth/login', { email: input.email, password: input.password }, { headers: { 'X-Forwarded-Proto': 'https' } });
      expect(reply.status).to.equal(200);
      expect(reply.headers.getSetCookie().find((c) => c.startsWith('huiqi.sid='))).to.match(/;\s*Secure/i);
    } finally {
      await production.close();
    }
  });
});

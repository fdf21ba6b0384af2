// Canary secrets and personal data: a password, an ID number, a two-factor secret, its codes and recovery codes are
// used across sign-in, talent teams and residence points with logging at debug level; none may appear in the logs,
// in any answer (but the officer's audited reveal), in the audit trail, in mail, or as plain text in the database.
import { expect } from 'chai';
import { generate } from 'otplib';
import { captureLog, startTestApp, type TestApp } from '../../support/app.ts';
import { TestClient, type Reply } from '../../support/client.ts';
import { registration, signedInStaff, validResidentId } from '../../support/factories.ts';

describe('secrets and personal data stay out of logs, answers and plain storage', function () {
  this.timeout(60_000);
  let app: TestApp;
  const log = captureLog();
  before(async () => {
    app = await startTestApp({ logTo: log.stream });
  });
  after(() => app.close());

  it('when a firm signs in with two-factor and registers team members, then no canary reaches a log line, an answer, the audit trail, mail or a plain column', async () => {
    const replies: { label: string; reply: Reply }[] = [];
    const keep = async (reply: Promise<Reply>, label = '') => {
      const r = await reply;
      replies.push({ label, reply: r });
      return r;
    };
    const canaryPassword = `Canary-Pass-${Date.now()}-xyzzy`;
    const idNumber = validResidentId();
    const secondId = validResidentId();
    const input = registration({ password: canaryPassword });
    const client = new TestClient(app.baseUrl);
    await keep(client.post('/api/auth/register', input));
    await keep(client.post('/api/auth/login', { email: input.email, password: `${canaryPassword}-wrong` }));
    await keep(client.signIn(input.email, canaryPassword));

    // two-factor: the secret, the codes and the recovery codes are canaries too
    const setup = await keep(client.post('/api/auth/mfa/setup', { password: canaryPassword }), 'setup');
    const secret = setup.body.secret as string;
    const firstCode = await generate({ secret });
    const enabled = await keep(client.post('/api/auth/mfa/enable', { code: firstCode }), 'enable');
    const recoveryCodes = enabled.body.recoveryCodes as string[];
    const again = new TestClient(app.baseUrl);
    await keep(again.signIn(input.email, canaryPassword));
    await keep(again.post('/api/auth/mfa/verify', { recoveryCode: recoveryCodes[0] }));

    // personal ID numbers: created, refused when malformed, listed, changed, used for points
    const team = await keep(client.post('/api/talent-teams', { name: '金丝雀团队', members: [{ name: '刘洋', role: 'leader', idNumber, consent: true }] }));
    expect(team.status, team.text).to.equal(201);
    const badId = `${idNumber.slice(0, 17)}${idNumber[17] === '0' ? '1' : '0'}`;
    const refused = await keep(client.post(`/api/talent-teams/${team.body.id}/members`, { name: '陈静', role: 'core', idNumber: badId, consent: true }));
    expect(refused.status).to.equal(400);
    const added = await keep(client.post(`/api/talent-teams/${team.body.id}/members`, { name: '陈静', role: 'core', idNumber: secondId, consent: true }));
    expect(added.status, added.text).to.equal(201);
    await keep(client.get(`/api/talent-teams/${team.body.id}`));
    await keep(client.get('/api/talent-teams'));
    const memberId = team.body.members[0].id;
    await keep(client.patch(`/api/talent-teams/${team.body.id}/members/${memberId}`, { idNumber }));

    // the officer's reveal is the one answer that carries the number, and it is audited
    const { client: officer } = await signedInStaff(app.baseUrl, app.db, ['officer']);
    await keep(officer.get(`/api/talent-teams/${team.body.id}`));
    const revealed = await officer.post(`/api/talent-teams/${team.body.id}/members/${memberId}/reveal`, { reason: '核对身份证号码' });
    expect(revealed.status, revealed.text).to.equal(200);
    expect(revealed.text).to.contain(idNumber);
    expect(revealed.headers.get('cache-control')).to.contain('no-store');

    const canaries = { canaryPassword, idNumber, secondId, badId, secret, firstCode: `"${firstCode}"`, recoveryCode: recoveryCodes[0], otherRecoveryCode: recoveryCodes[5] };
    const allowedIn: Record<string, string[]> = { secret: ['setup'], recoveryCode: ['enable'], otherRecoveryCode: ['enable'] };
    for (const [name, value] of Object.entries(canaries)) {
      expect(log.text(), `${name} in the logs`).not.to.contain(value);
      // the secret is shown once at set-up and the recovery codes once when two-factor is turned on: nowhere else
      const leaking = replies.filter(({ label, reply }) => reply.text.includes(value) && !(allowedIn[name] ?? []).includes(label));
      expect(leaking.map(({ reply }) => reply.text.slice(0, 200)), `${name} in an answer`).to.deep.equal([]);
    }
    expect(log.text()).to.contain('/api/talent-teams'); // the log did record the requests
    expect(replies.find(({ reply }) => reply.text.includes('idNumberMasked'))?.reply.text).to.match(/\*{14}[0-9X]{4}/);

    const db = app.db.pool;
    const [audit, mail, members, mfa] = await Promise.all([
      db.query(`SELECT coalesce(string_agg(row_to_json(a)::text, ' '), '') AS text FROM audit_events a WHERE at > now() - interval '5 minutes'`),
      db.query(`SELECT coalesce(string_agg(row_to_json(m)::text, ' '), '') AS text FROM mail_outbox m WHERE created_at > now() - interval '5 minutes'`),
      db.query(`SELECT row_to_json(m)::text AS text FROM team_members m WHERE team_id = $1`, [team.body.id]),
      db.query(`SELECT row_to_json(u)::text AS text FROM user_mfa u JOIN users ON users.id = u.user_id WHERE users.email = $1`, [input.email]),
    ]);
    const stored = [audit.rows[0].text, mail.rows[0].text, ...members.rows.map((r) => r.text), ...mfa.rows.map((r) => r.text)].join('\n');
    expect(members.rows).to.have.length(2);
    for (const [name, value] of Object.entries({ canaryPassword, idNumber, secondId, secret, recoveryCode: recoveryCodes[1] })) {
      expect(stored, `${name} stored in plain text`).not.to.contain(value);
    }
  });

  it('when any API answer is sent, then it is not cached and carries the strict headers (CSP without frames, plugins or <base>, nosniff)', async () => {
    const client = new TestClient(app.baseUrl);
    for (const path of ['/api/programmes', '/api/auth/me', '/api/no-such-thing', '/api/calls']) {
      const reply = await client.get(path);
      expect(reply.headers.get('cache-control'), path).to.equal('no-store');
      const csp = reply.headers.get('content-security-policy')!;
      for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'", "default-src 'self'", "script-src 'self'"]) {
        expect(csp, path).to.contain(directive);
      }
      expect(reply.headers.get('x-content-type-options'), path).to.equal('nosniff');
      expect(reply.headers.get('x-frame-options'), path).to.equal('SAMEORIGIN');
      expect(reply.headers.get('referrer-policy'), path).to.equal('no-referrer');
    }
    // public aggregate figures are the one answer shared caches may keep
    expect((await client.get('/api/open-data')).headers.get('cache-control')).to.equal('public, max-age=300');
  });
});

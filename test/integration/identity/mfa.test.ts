import { expect } from 'chai';
import { generate } from 'otplib';
import { startTestApp, type TestApp } from '../../support/app.ts';
import { TestClient } from '../../support/client.ts';
import { PASSWORD, createStaffUser, signedInApplicant } from '../../support/factories.ts';
import { startSmtpServer, waitFor, type TestSmtp } from '../../support/smtp.ts';

/** The code an authenticator app shows `steps` 30-second steps from now. */
const codeAt = (secret: string, steps = 0) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + steps * 30 });

describe('two-factor sign-in (TOTP) with recovery codes', () => {
  let app: TestApp;
  let strict: TestApp;
  let smtp: TestSmtp;
  before(async () => {
    app = await startTestApp({ env: { LOGIN_MAX_FAILS_PER_ACCOUNT: '4' } });
    smtp = await startSmtpServer();
    // (a higher account limit than the default, so that five tries at one e-mailed code can be shown)
    strict = await startTestApp({ env: { REQUIRE_MFA: 'true', SMTP_URL: smtp.url, LOGIN_MAX_FAILS_PER_ACCOUNT: '20' }, mailWorker: true });
  });
  after(async () => {
    await app.close();
    await strict.close();
    await smtp.close();
  });

  /** The enrolment codes e-mailed to `email` so far, oldest first, read from the message as delivered over SMTP. */
  const emailedCodes = (email: string) =>
    smtp.messages
      .filter((m) => (Array.isArray(m.to) ? m.to : [m.to]).some((to) => to?.text.toLowerCase() === email.toLowerCase()))
      .flatMap((m) => /^\s+(\d{6})$/m.exec(m.text ?? '')?.[1] ?? []);
  const nextEmailedCode = (email: string, after = 0) =>
    waitFor(async () => emailedCodes(email)[after], 20_000, `enrolment code ${after + 1} for ${email}`);

  const query = async <T>(sql: string, values: unknown[] = []) => (await app.db.pool.query(sql, values)).rows as T[];
  /** Lets a test take a second code at once instead of waiting 30 seconds for the next step. */
  const forgetLastStep = (userId: string) => query('UPDATE user_mfa SET last_step = last_step - 3 WHERE user_id = $1', [userId]);
  const auditActions = async (userId: string) =>
    (await query<{ action: string }>('SELECT action FROM audit_events WHERE entity_id = $1::text ORDER BY id', [userId])).map((r) => r.action);

  /** A signed-in applicant who turns two-factor on; answers the secret and the recovery codes. */
  async function applicantWithMfa(target = app) {
    const applicant = await signedInApplicant(target.baseUrl);
    const setup = await applicant.client.post('/api/auth/mfa/setup', { password: PASSWORD });
    expect(setup.status).to.equal(200);
    const enabled = await applicant.client.post('/api/auth/mfa/enable', { code: await codeAt(setup.body.secret) });
    expect(enabled.status, enabled.text).to.equal(200);
    return { ...applicant, secret: setup.body.secret as string, recoveryCodes: enabled.body.recoveryCodes as string[] };
  }

  it('when an applicant turns two-factor on, then the QR code and secret are answered, the secret is stored encrypted and ten recovery codes come once', async () => {
    const { client, user } = await signedInApplicant(app.baseUrl);
    // signed in, the password is asked again: a borrowed session cannot bind someone else's authenticator
    const noPassword = await client.post('/api/auth/mfa/setup', {});
    expect(noPassword.status).to.equal(401);
    expect(noPassword.body.code).to.equal('invalid_credentials');
    expect((await client.post('/api/auth/mfa/setup', { password: 'not-the-password' })).status).to.equal(401);
    const setup = await client.post('/api/auth/mfa/setup', { password: PASSWORD });
    expect(setup.status).to.equal(200);
    expect(setup.headers.get('cache-control')).to.contain('no-store');
    expect(setup.body.secret).to.match(/^[A-Z2-7]{16,}$/);
    expect(setup.body.qrCodeDataUrl).to.match(/^data:image\/png;base64,/);
    const uri = new URL(setup.body.otpauthUri);
    expect(uri.protocol).to.equal('otpauth:');
    expect(uri.searchParams.get('secret')).to.equal(setup.body.secret);
    expect(uri.searchParams.get('issuer')).to.contain('Huiqi');
    const [stored] = await query<{ secret: Buffer; enabled_at: Date | null }>('SELECT secret, enabled_at FROM user_mfa WHERE user_id = $1', [user.id]);
    expect(stored.enabled_at).to.equal(null);
    expect(stored.secret.toString('latin1')).not.to.contain(setup.body.secret);

    const wrong = await client.post('/api/auth/mfa/enable', { code: '000000' === (await codeAt(setup.body.secret)) ? '111111' : '000000' });
    expect(wrong.status).to.equal(401);
    expect(wrong.body.code).to.equal('invalid_mfa_code');
    expect((await client.get('/api/auth/me')).body.mfa).to.deep.equal({ enabled: false, required: false });

    const enabled = await client.post('/api/auth/mfa/enable', { code: await codeAt(setup.body.secret) });
    expect(enabled.status).to.equal(200);
    expect(enabled.body.recoveryCodes).to.have.length(10);
    expect(new Set(enabled.body.recoveryCodes).size).to.equal(10);
    for (const code of enabled.body.recoveryCodes) expect(code).to.match(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    const hashes = await query<{ code_hash: string }>('SELECT code_hash FROM mfa_recovery_codes WHERE user_id = $1', [user.id]);
    expect(hashes).to.have.length(10);
    expect(hashes.map((h) => h.code_hash)).not.to.include.members(enabled.body.recoveryCodes);
    expect((await client.get('/api/auth/me')).body.mfa).to.deep.equal({ enabled: true, required: false });
    const status = await client.get('/api/auth/mfa');
    expect(status.body).to.include({ enabled: true, required: false, recoveryCodesLeft: 10 });
    expect((await client.post('/api/auth/mfa/setup', { password: PASSWORD })).body.code).to.equal('mfa_already_enabled');
    expect(await auditActions(user.id)).to.include('user.mfa_enabled');
  });

  it('when two-factor is on, then the password alone opens nothing and the right code signs in with a new session id; a code works once', async () => {
    const { input, user, secret } = await applicantWithMfa();
    const client = new TestClient(app.baseUrl);
    const login = await client.signIn(input.email, input.password);
    expect(login.status).to.equal(200);
    expect(login.body).to.have.keys('mfa', 'csrfToken');
    expect(login.body.mfa).to.deep.equal({ required: 'verify' });
    const pendingCookie = client.cookie;
    expect((await client.get('/api/auth/me')).status).to.equal(401);
    expect((await client.get('/api/applications')).status).to.equal(401);
    expect((await client.post('/api/auth/mfa/setup', {})).body.code).to.equal('mfa_session_missing');

    const noCsrf = await client.post('/api/auth/mfa/verify', { code: '123456' }, { csrf: false });
    expect(noCsrf.status).to.equal(403);
    expect(noCsrf.body.code).to.equal('csrf_failed');
    expect((await client.post('/api/auth/mfa/verify', { code: '12345' })).body.errors[0].field).to.equal('code');
    expect((await client.post('/api/auth/mfa/verify', {})).status).to.equal(400);

    await forgetLastStep(user.id);
    const code = await codeAt(secret);
    const verified = await client.post('/api/auth/mfa/verify', { code: ` ${code.slice(0, 3)} ${code.slice(3)} ` });
    expect(verified.status, verified.text).to.equal(200);
    expect(verified.body.user.id).to.equal(user.id);
    expect(verified.body.recoveryCodesLeft).to.equal(10);
    expect(client.cookie).not.to.equal(pendingCookie);
    client.csrfToken = verified.body.csrfToken;
    expect((await client.get('/api/auth/me')).status).to.equal(200);

    // the same code again, in a second sign-in within its 30 seconds: refused
    const again = new TestClient(app.baseUrl);
    await again.signIn(input.email, input.password);
    const replay = await again.post('/api/auth/mfa/verify', { code });
    expect(replay.status).to.equal(401);
    expect(replay.body.code).to.equal('invalid_mfa_code');
    const actions = await auditActions(user.id);
    expect(actions).to.include.members(['user.mfa_challenged', 'user.signed_in', 'user.mfa_failed']);
  });

  it('when the same code is sent twice at once, then exactly one sign-in succeeds', async () => {
    const { input, user, secret } = await applicantWithMfa();
    await forgetLastStep(user.id);
    const clients = [new TestClient(app.baseUrl), new TestClient(app.baseUrl)];
    for (const c of clients) await c.signIn(input.email, input.password);
    const code = await codeAt(secret);
    const replies = await Promise.all(clients.map((c) => c.post('/api/auth/mfa/verify', { code })));
    expect(replies.map((r) => r.status).sort()).to.deep.equal([200, 401]);
  });

  it('when a recovery code is used, then it signs in once (case and hyphen do not matter) and never again', async () => {
    const { input, recoveryCodes } = await applicantWithMfa();
    const first = new TestClient(app.baseUrl);
    await first.signIn(input.email, input.password);
    const used = await first.post('/api/auth/mfa/verify', { recoveryCode: recoveryCodes[3].toUpperCase().replace('-', ' ') });
    expect(used.status, used.text).to.equal(200);
    expect(used.body.recoveryCodesLeft).to.equal(9);

    const second = new TestClient(app.baseUrl);
    await second.signIn(input.email, input.password);
    const reused = await second.post('/api/auth/mfa/verify', { recoveryCode: recoveryCodes[3] });
    expect(reused.status).to.equal(401);
    expect(reused.body.code).to.equal('invalid_mfa_code');
    expect((await second.post('/api/auth/mfa/verify', { recoveryCode: recoveryCodes[4] })).status).to.equal(200);
  });

  it('when wrong codes are guessed, then they count with wrong passwords per account: 429 with Retry-After, a right password does not reset the count', async () => {
    const { input, user, secret } = await applicantWithMfa();
    const client = new TestClient(app.baseUrl);
    for (let attempt = 0; attempt < 4; attempt += 1) {
      // the password is right every time: it must not buy new guesses
      if (attempt % 2 === 0) await client.signIn(input.email, input.password);
      const guess = await client.post('/api/auth/mfa/verify', { code: String(100000 + attempt) });
      expect(guess.status).to.equal(401);
    }
    await forgetLastStep(user.id);
    const blocked = await client.post('/api/auth/mfa/verify', { code: await codeAt(secret) });
    expect(blocked.status).to.equal(429);
    expect(blocked.body.code).to.equal('too_many_sign_in_attempts');
    expect(Number(blocked.headers.get('retry-after'))).to.be.greaterThan(0);
    expect((await new TestClient(app.baseUrl).post('/api/auth/login', { email: input.email, password: input.password })).status).to.equal(429);
    // someone has the password: the owner is told once (at the third wrong code), not at every one
    const alarms = await query<{ data: { event: string; count: number } }>(`SELECT data FROM mail_outbox WHERE to_address = $1 AND template = 'account-security' AND data->>'event' = 'mfa_failures'`, [input.email.toLowerCase()]);
    expect(alarms).to.have.length(1);
    expect(alarms[0].data.count).to.equal(3);
  });

  it('when a signed-in user mistypes codes on the security page, then that is no alarm: only wrong codes after a password count', async () => {
    const { client, input } = await applicantWithMfa();
    for (let i = 0; i < 3; i += 1) expect((await client.post('/api/auth/mfa/recovery-codes', { code: String(300000 + i) })).status).to.equal(401);
    const alarms = () => query(`SELECT 1 FROM mail_outbox WHERE to_address = $1 AND data->>'event' = 'mfa_failures'`, [input.email.toLowerCase()]);
    expect(await alarms()).to.have.length(0);
    // nor did they count towards one: a wrong code at the next sign-in is the first
    await query('DELETE FROM rate_limits WHERE key = $1', [`login_account:${input.email.toLowerCase()}`]);
    const next = new TestClient(app.baseUrl);
    await next.signIn(input.email, input.password);
    expect((await next.post('/api/auth/mfa/verify', { code: '399999' })).status).to.equal(401);
    expect(await alarms()).to.have.length(0);
  });

  it('when 20 wrong codes are sent at once, then no more than the account limit are even checked: the rest are 429', async () => {
    const { input } = await applicantWithMfa();
    const clients = Array.from({ length: 20 }, () => new TestClient(app.baseUrl));
    for (const c of clients) expect((await c.signIn(input.email, input.password)).body.mfa).to.deep.equal({ required: 'verify' });
    const replies = await Promise.all(clients.map((c, i) => c.post('/api/auth/mfa/verify', { code: String(200000 + i) })));
    const statuses = replies.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).to.have.length.at.most(4);
    expect(statuses.filter((s) => s === 429)).to.have.length.at.least(16);
    expect(statuses.every((s) => s === 401 || s === 429)).to.equal(true);
    // however many are wrong at once, the owner is told once
    const alarms = await query(`SELECT 1 FROM mail_outbox WHERE to_address = $1 AND data->>'event' = 'mfa_failures'`, [input.email.toLowerCase()]);
    expect(alarms).to.have.length(statuses.filter((s) => s === 401).length >= 3 ? 1 : 0);
  });

  it('when a sign-in waiting for its code is abandoned, then the half-session ends', async () => {
    const { input } = await applicantWithMfa();
    const client = new TestClient(app.baseUrl);
    await client.signIn(input.email, input.password);
    expect((await client.post('/api/auth/logout', {})).status).to.equal(401);
    expect((await client.post('/api/auth/mfa/cancel', {})).status).to.equal(204);
    expect((await client.post('/api/auth/mfa/verify', { code: '123456' })).status).to.be.oneOf([401, 403]);
  });

  it('when the half-finished sign-in is older than five minutes, then the code is refused with mfa_session_missing', async () => {
    const { input, user, secret } = await applicantWithMfa();
    const client = new TestClient(app.baseUrl);
    await client.signIn(input.email, input.password);
    await query(
      `UPDATE sessions SET sess = jsonb_set(sess::jsonb, '{mfaPending,startedAt}', to_jsonb((extract(epoch FROM now()) * 1000)::bigint - 301000))::json
        WHERE sess::jsonb -> 'mfaPending' ->> 'userId' = $1`,
      [user.id],
    );
    await forgetLastStep(user.id);
    const late = await client.post('/api/auth/mfa/verify', { code: await codeAt(secret) });
    expect(late.status).to.equal(401);
    expect(late.body.code).to.equal('mfa_session_missing');
  });

  it('when recovery codes are renewed, then the old ones stop working; when two-factor is turned off, then the password alone signs in again', async () => {
    const { client, input, user, secret, recoveryCodes } = await applicantWithMfa();
    expect((await client.post('/api/auth/mfa/recovery-codes', { code: '000001' })).status).to.equal(401);
    await forgetLastStep(user.id);
    const renewed = await client.post('/api/auth/mfa/recovery-codes', { code: await codeAt(secret) });
    expect(renewed.status).to.equal(200);
    expect(renewed.body.recoveryCodes).to.have.length(10);
    expect(renewed.body.recoveryCodes).not.to.include.members(recoveryCodes.slice(0, 1));

    const old = new TestClient(app.baseUrl);
    await old.signIn(input.email, input.password);
    expect((await old.post('/api/auth/mfa/verify', { recoveryCode: recoveryCodes[0] })).status).to.equal(401);
    expect((await old.post('/api/auth/mfa/verify', { recoveryCode: renewed.body.recoveryCodes[0] })).status).to.equal(200);

    // a lost phone: a recovery code turns it off too, and every change is e-mailed to the user
    expect((await client.post('/api/auth/mfa/disable', { recoveryCode: renewed.body.recoveryCodes[1] })).status).to.equal(204);
    const notices = await query<{ template: string; data: { event: string } }>(`SELECT template, data FROM mail_outbox WHERE to_address = $1 AND template = 'account-security' ORDER BY id`, [input.email]);
    expect(notices.map((n) => n.data.event)).to.deep.equal(['mfa_enabled', 'mfa_recovery_codes_renewed', 'mfa_disabled']);
    expect(secret).to.be.a('string');
    const plain = await new TestClient(app.baseUrl).signIn(input.email, input.password);
    expect(plain.body.user.id).to.equal(user.id);
    expect(await auditActions(user.id)).to.include.members(['user.mfa_recovery_codes_renewed', 'user.mfa_disabled']);
  });

  it('when REQUIRE_MFA is on, then an officer must set up two-factor before signing in, cannot turn it off, and applicants are not asked', async () => {
    const officer = await createStaffUser(strict.db, ['officer']);
    const client = new TestClient(strict.baseUrl);
    const login = await client.signIn(officer.email, officer.password);
    expect(login.body).to.deep.include({ mfa: { required: 'enroll' } });
    expect((await client.get('/api/calls/00000000-0000-4000-8000-000000000000/ranking')).status).to.equal(401);
    expect((await client.post('/api/auth/mfa/verify', { code: '123456' })).body.code).to.equal('mfa_session_missing');

    const setup = await client.post('/api/auth/mfa/setup', {});
    expect(setup.status).to.equal(200);
    // the password alone does not bind an authenticator: a code goes to the account's own address
    const [local, domain] = officer.email.split('@');
    expect(setup.body.emailCode.resendAfterSeconds).to.equal(60);
    expect(setup.body.emailCode.sentTo).to.match(new RegExp(`^${local.slice(0, 2)}\\*+@${domain.replace(/\./g, '\\.')}$`));
    const emailed = await nextEmailedCode(officer.email);
    const noEmailCode = await client.post('/api/auth/mfa/enable', { code: await codeAt(setup.body.secret) });
    expect(noEmailCode.status).to.equal(400);
    expect(noEmailCode.body.errors[0].field).to.equal('emailCode');
    const wrongEmailCode = await client.post('/api/auth/mfa/enable', { code: await codeAt(setup.body.secret), emailCode: emailed === '000000' ? '111111' : '000000' });
    expect(wrongEmailCode.status).to.equal(401);
    expect(wrongEmailCode.body.code).to.equal('invalid_email_code');
    const enrolled = await client.post('/api/auth/mfa/enable', { code: await codeAt(setup.body.secret), emailCode: emailed });
    expect(enrolled.status, enrolled.text).to.equal(200);
    expect(enrolled.body.user.roles).to.deep.equal(['officer']);
    expect(enrolled.body.recoveryCodes).to.have.length(10);
    client.csrfToken = enrolled.body.csrfToken;
    expect((await client.get('/api/auth/me')).body.mfa).to.deep.equal({ enabled: true, required: true });
    expect((await client.get('/api/stats')).status).to.equal(200);
    await strict.db.pool.query('UPDATE user_mfa SET last_step = last_step - 3 WHERE user_id = $1', [officer.id]);
    const off = await client.post('/api/auth/mfa/disable', { code: await codeAt(setup.body.secret) });
    expect(off.status).to.equal(409);
    expect(off.body.code).to.equal('mfa_required');

    // next time: the code is asked for
    const next = new TestClient(strict.baseUrl);
    expect((await next.signIn(officer.email, officer.password)).body.mfa).to.deep.equal({ required: 'verify' });

    const applicant = await signedInApplicant(strict.baseUrl);
    expect((await applicant.client.get('/api/auth/me')).body.mfa).to.deep.equal({ enabled: false, required: false });
  });

  it('when a staff member enrols during sign-in, then codes are e-mailed at most once a minute per account, the last one alone works, five tries each, for ten minutes, and no copy is kept', async () => {
    const admin = await createStaffUser(strict.db, ['admin']);
    const client = new TestClient(strict.baseUrl);
    client.language = 'en';
    expect((await client.signIn(admin.email, admin.password)).body.mfa).to.deep.equal({ required: 'enroll' });
    const setup = await client.post('/api/auth/mfa/setup', {});
    const first = await nextEmailedCode(admin.email);
    // a new account has no language yet: the mail follows the browser's
    expect(smtp.messages.find((m) => m.text?.includes(first))!.subject).to.match(/two-step verification/);
    // setting up again shows a new secret but keeps the code being typed: no second e-mail
    const again = await client.post('/api/auth/mfa/setup', {});
    expect(again.body.secret).not.to.equal(setup.body.secret);
    expect(again.body.emailCode.resendAfterSeconds).to.be.within(1, 60);
    const tooSoon = await client.post('/api/auth/mfa/email-code', {});
    expect(tooSoon.status).to.equal(429);
    expect(tooSoon.body.code).to.equal('too_many_requests');
    expect(Number(tooSoon.headers.get('retry-after'))).to.be.within(1, 60);
    // nor does a second sign-in of the same account get one: the limit is the account's, not the session's
    const elsewhere = new TestClient(strict.baseUrl);
    await elsewhere.signIn(admin.email, admin.password);
    const latest = await elsewhere.post('/api/auth/mfa/setup', {}); // (its secret replaces the one not yet confirmed)
    expect(latest.body.emailCode.resendAfterSeconds).to.be.within(1, 60);
    expect((await elsewhere.post('/api/auth/mfa/email-code', {})).status).to.equal(429);
    // and the code is this session's alone
    expect((await elsewhere.post('/api/auth/mfa/enable', { code: await codeAt(again.body.secret), emailCode: first })).body.code).to.equal('invalid_email_code');

    // a minute later (the account's counter cleared), five people asking at once send one e-mail
    const minutePasses = () => strict.db.pool.query('DELETE FROM rate_limits WHERE key = $1', [`mfa_email_minute:${admin.id}`]);
    await minutePasses();
    const burst = await Promise.all(Array.from({ length: 5 }, () => client.post('/api/auth/mfa/email-code', {})));
    expect(burst.map((r) => r.status).sort()).to.deep.equal([200, 429, 429, 429, 429]);
    const second = await nextEmailedCode(admin.email, 1);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(emailedCodes(admin.email)).to.have.length(2);
    if (second !== first) {
      expect((await client.post('/api/auth/mfa/enable', { code: await codeAt(again.body.secret), emailCode: first })).body.code).to.equal('invalid_email_code');
    }

    // ten minutes on, the code has expired
    const backdate = (ms: number, what = '{mfaPending,emailCode,sentAt}') =>
      strict.db.pool.query(
        `UPDATE sessions SET sess = jsonb_set(sess::jsonb, $3::text[], to_jsonb((sess::jsonb #>> $3::text[])::bigint - $2))::json
          WHERE sess::jsonb -> 'mfaPending' ->> 'userId' = $1 AND sess::jsonb #>> $3::text[] IS NOT NULL`,
        [admin.id, ms, what],
      );
    await backdate(10 * 60_000 + 1_000);
    expect((await client.post('/api/auth/mfa/enable', { code: await codeAt(again.body.secret), emailCode: second })).body.code).to.equal('invalid_email_code');
    await backdate(-(10 * 60_000 + 1_000));

    // five tries at a code: after them even the right one is refused, and a new code must be sent
    const wrong = second === '000000' ? '111111' : '000000';
    for (let i = 0; i < 4; i++) expect((await client.post('/api/auth/mfa/enable', { code: await codeAt(again.body.secret), emailCode: wrong })).body.code).to.equal('invalid_email_code');
    expect((await client.post('/api/auth/mfa/enable', { code: await codeAt(again.body.secret), emailCode: second })).body.code).to.equal('invalid_email_code');
    await minutePasses();
    expect((await client.post('/api/auth/mfa/email-code', {})).status).to.equal(200);
    const third = await nextEmailedCode(admin.email, 2);

    // enrolling takes longer than typing a code: the half-session lasts fifteen minutes, not five
    await backdate(6 * 60_000, '{mfaPending,startedAt}');
    const enrolled = await client.post('/api/auth/mfa/enable', { code: await codeAt(latest.body.secret), emailCode: third });
    expect(enrolled.status, enrolled.text).to.equal(200);

    // delivered, the outbox keeps neither the code nor the text; the refusals were audited with their reasons
    const rows = await waitFor(async () => {
      const found = (await strict.db.pool.query(`SELECT status, data::text AS data, body FROM mail_outbox WHERE to_address = $1 AND template = 'mfa-enrolment-code'`, [admin.email.toLowerCase()])).rows;
      return found.length === 3 && found.every((row) => row.status === 'sent') && found;
    }, 20_000, 'the three enrolment e-mails recorded as sent');
    for (const row of rows) {
      expect(row.body).to.equal(null);
      for (const code of [first, second, third]) expect(row.data).not.to.contain(code);
    }
    const failures = (await strict.db.pool.query(`SELECT meta->>'reason' AS reason FROM audit_events WHERE entity_id = $1::text AND action = 'user.mfa_failed'`, [admin.id])).rows.map((r) => r.reason);
    expect(failures).to.include.members(['wrong_email_code', 'expired_email_code', 'email_code_tries_used', 'no_email_code']);
  });

  it('when an account has been sent ten codes in a day, then no eleventh goes out and the page is told how long to wait', async () => {
    const officer = await createStaffUser(strict.db, ['officer']);
    const client = new TestClient(strict.baseUrl);
    await client.signIn(officer.email, officer.password);
    await client.post('/api/auth/mfa/setup', {});
    await nextEmailedCode(officer.email);
    // nine more were sent today (the counter as ten sends leave it), and the minute has passed
    await strict.db.pool.query('UPDATE rate_limits SET points = 10 WHERE key = $1', [`mfa_email_day:${officer.id}`]);
    await strict.db.pool.query('DELETE FROM rate_limits WHERE key = $1', [`mfa_email_minute:${officer.id}`]);
    const refused = await client.post('/api/auth/mfa/email-code', {});
    expect(refused.status).to.equal(429);
    expect(Number(refused.headers.get('retry-after'))).to.be.greaterThan(3_600);
    // setting up again says so too, rather than offering a resend that would fail
    const again = await client.post('/api/auth/mfa/setup', {});
    expect(again.body.emailCode.resendAfterSeconds).to.be.greaterThan(3_600);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(emailedCodes(officer.email)).to.have.length(1);
  });

  it('when an administrator resets a lost authenticator, then it is audited and the user signs in with the password again; others may not reset', async () => {
    const { client, input, user } = await applicantWithMfa();
    expect((await client.post(`/api/users/${user.id}/mfa/reset`, { reason: '手机丢失' })).status).to.equal(403);
    const admin = await createStaffUser(app.db, ['admin']);
    const adminClient = new TestClient(app.baseUrl);
    await adminClient.signIn(admin.email, admin.password);
    expect((await adminClient.post('/api/users/00000000-0000-4000-8000-000000000000/mfa/reset', { reason: 'lost phone' })).status).to.equal(404);
    expect((await adminClient.post(`/api/users/${user.id}/mfa/reset`, {})).body.errors[0].field).to.equal('reason');
    expect((await adminClient.post(`/api/users/${admin.id}/mfa/reset`, { reason: '自己重置' })).status).to.equal(403);
    expect((await client.get('/api/auth/me')).status).to.equal(200);
    expect((await adminClient.post(`/api/users/${user.id}/mfa/reset`, { reason: '手机丢失' })).status).to.equal(204);
    // the user's sessions ended, and they were told
    expect((await client.get('/api/auth/me')).status).to.equal(401);
    const [notice] = await query<{ data: { event: string } }>(`SELECT data FROM mail_outbox WHERE to_address = $1 AND template = 'account-security' ORDER BY id DESC LIMIT 1`, [input.email]);
    expect(notice.data.event).to.equal('mfa_reset');
    expect((await new TestClient(app.baseUrl).signIn(input.email, input.password)).body.user.id).to.equal(user.id);
    const [reset] = await query<{ actor_id: string; meta: { reason: string } }>(
      `SELECT actor_id, meta FROM audit_events WHERE action = 'user.mfa_reset' AND entity_id = $1::text`,
      [user.id],
    );
    expect(reset).to.deep.include({ actor_id: admin.id });
    expect(reset.meta.reason).to.equal('手机丢失');
  });
});

describe('the administrators’ mailbox and one-time credentials', () => {
  it('when mail goes out through a relay, then the mailbox does not show a queued one-time link; the development mailbox (no relay) does', async () => {
    // no queue worker anywhere: the e-mail stays queued, with its link in the outbox until it is delivered
    const relayed = await startTestApp({ env: { SMTP_URL: 'smtp://127.0.0.1:9' } });
    const development = await startTestApp();
    try {
      const firm = await signedInApplicant(relayed.baseUrl);
      const team = await firm.client.post('/api/talent-teams', { name: '邮箱测试团队', members: [{ name: '钱七', role: 'member' }] });
      expect(team.status, team.text).to.equal(201);
      const address = `qianqi-${Date.now()}@example.cn`;
      const asked = await firm.client.post(`/api/talent-teams/${team.body.id}/members/${team.body.members[0].id}/consent-request`, { email: address });
      expect(asked.status, asked.text).to.be.oneOf([200, 201, 202]);
      const [queued] = (await relayed.db.pool.query(`SELECT status, data->>'link' AS link FROM mail_outbox WHERE to_address = $1`, [address])).rows;
      expect(queued.status).to.equal('queued');
      expect(queued.link).to.match(/\/consent\//);

      const mailboxOf = async (target: TestApp) => {
        const admin = await createStaffUser(target.db, ['admin']);
        const client = new TestClient(target.baseUrl);
        await client.signIn(admin.email, admin.password);
        const mailbox = await client.get(`/api/mailbox?to=${encodeURIComponent(address)}`);
        expect(mailbox.status).to.equal(200);
        expect(mailbox.body.items).to.have.length(1);
        return mailbox.body.items[0];
      };
      const hidden = await mailboxOf(relayed);
      expect(hidden.template).to.equal('consent-request');
      expect(hidden.data).not.to.have.property('link');
      expect(JSON.stringify(hidden)).not.to.contain(queued.link);
      expect((await mailboxOf(development)).data.link).to.equal(queued.link);
    } finally {
      await relayed.close();
      await development.close();
    }
  });
});

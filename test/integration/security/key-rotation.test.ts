import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect } from 'chai';
import { generate } from 'otplib';
import { loadConfig } from '../../../server/config.ts';
import { openDatabase, type Database } from '../../../server/db/connection.ts';
import { migrate } from '../../../server/db/migrate.ts';
import { defineModels } from '../../../server/db/models/index.ts';
import { rotateFieldKeys } from '../../../server/db/rotate-keys.ts';
import { createFieldCrypto } from '../../../server/lib/field-crypto.ts';
import { createLogger } from '../../../server/lib/logger.ts';
import { startTestApp, type TestApp } from '../../support/app.ts';
import { TestClient } from '../../support/client.ts';
import { getTestDatabase, testEnv } from '../../support/database.ts';
import { PASSWORD, signedInApplicant, signedInStaff, validResidentId } from '../../support/factories.ts';

const OLD_KEY = 'the-key-before-rotation-0123456789-abcdefgh';
const NEW_KEY = 'the-key-after-rotation-9876543210-zyxwvuts';

/** The code the authenticator shows `steps` time steps from now. */
const codeAt = (secret: string, steps = 0) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + steps * 30 });

describe('rotating the key that protects ID numbers and authenticator secrets', function () {
  this.timeout(120_000);
  // a database of its own: the rotation re-encrypts every row it finds, and the rest of the suite uses the test key
  let db: Database;
  let adminUrl: string;
  let name: string;
  const running: TestApp[] = [];

  before(async () => {
    const shared = (await getTestDatabase()).db;
    name = `huiqi_keys_${process.pid}`;
    await shared.pool.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await shared.pool.query(`CREATE DATABASE ${name}`);
    adminUrl = shared.url;
    const url = new URL(shared.url);
    url.pathname = `/${name}`;
    db = await openDatabase(loadConfig(testEnv({ DATABASE_URL: url.toString() })), createLogger('silent'));
    await migrate(db);
  });
  after(async () => {
    const shared = (await getTestDatabase()).db;
    // the models are bound to the last database opened in this process: give them back to the suite's first
    defineModels(shared.sequelize);
    for (const app of running) await app.close();
    await db?.close();
    await shared.pool.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    expect(adminUrl).to.be.a('string');
  });

  const start = async (env: Record<string, string>) => {
    const app = await startTestApp({ db, env: { PREVIOUS_SECRET_KEYS: '', ...env } });
    running.push(app);
    return app;
  };
  const stop = async (app: TestApp) => {
    await app.close();
    running.splice(running.indexOf(app), 1);
  };
  /** A sign-in with the password and then the authenticator's code. */
  async function signInWithCode(app: TestApp, email: string, secret: string, steps: number) {
    const client = new TestClient(app.baseUrl);
    expect((await client.signIn(email, PASSWORD)).body.mfa).to.deep.equal({ required: 'verify' });
    const verified = await client.post('/api/auth/mfa/verify', { code: await codeAt(secret, steps) });
    expect(verified.status, verified.text).to.equal(200);
    client.csrfToken = verified.body.csrfToken;
    return client;
  }
  const storedForms = async () => ({
    secrets: (await db.pool.query<{ secret: Buffer }>('SELECT secret FROM user_mfa')).rows.map((r) => r.secret),
    numbers: (await db.pool.query<{ id_number_enc: Buffer; id_number_hash: string }>('SELECT id_number_enc, id_number_hash FROM team_members WHERE id_number_enc IS NOT NULL')).rows,
  });

  it('when SECRET_KEY changes with the old key kept as previous, then sessions, codes and numbers keep working; after keys:rotate the old key can go', async () => {
    // before: a firm with two-step verification, a consented team member, and a signed-in session
    const before = await start({ SECRET_KEY: OLD_KEY });
    const firm = await signedInApplicant(before.baseUrl);
    const setup = await firm.client.post('/api/auth/mfa/setup', { password: PASSWORD });
    const enabled = await firm.client.post('/api/auth/mfa/enable', { code: await codeAt(setup.body.secret) });
    expect(enabled.status, enabled.text).to.equal(200);
    const recoveryCodes = enabled.body.recoveryCodes as string[];
    const idNumber = validResidentId();
    const team = await firm.client.post('/api/talent-teams', { name: '密钥轮换团队', members: [{ name: '周敏', role: 'leader', idNumber, consent: true }] });
    expect(team.status, team.text).to.equal(201);
    const revealPath = `/api/talent-teams/${team.body.id}/members/${team.body.members[0].id}/reveal`;
    const oldCrypto = createFieldCrypto(OLD_KEY);
    expect((await storedForms()).secrets.every((s) => oldCrypto.isCurrent(s))).to.equal(true);
    await stop(before);

    // the key changes; the old one is kept as previous
    const during = await start({ SECRET_KEY: NEW_KEY, PREVIOUS_SECRET_KEYS: OLD_KEY });
    const sameSession = new TestClient(during.baseUrl);
    sameSession.cookie = firm.client.cookie;
    expect((await sameSession.get('/api/auth/me')).status, 'a session signed under the old key').to.equal(200);
    await signInWithCode(during, firm.input.email, setup.body.secret, 1);
    const byRecovery = new TestClient(during.baseUrl);
    await byRecovery.signIn(firm.input.email, PASSWORD);
    const recovered = await byRecovery.post('/api/auth/mfa/verify', { recoveryCode: recoveryCodes[0] });
    expect(recovered.status, 'a recovery code made under the old key').to.equal(200);
    byRecovery.csrfToken = recovered.body.csrfToken;
    const { client: officer } = await signedInStaff(during.baseUrl, db, ['officer']);
    const revealed = await officer.post(revealPath, { reason: '轮换期间核对身份证号码' });
    expect(revealed.status, revealed.text).to.equal(200);
    expect(revealed.body.idNumber).to.equal(idNumber);
    // the number hashed under the old key is still found: the same person cannot be added twice
    const twice = await sameSession.post(`/api/talent-teams/${team.body.id}/members`, { name: '周敏', role: 'core', idNumber, consent: true }, { headers: { 'X-CSRF-Token': firm.client.csrfToken! } });
    expect(twice.status, twice.text).to.equal(400);
    expect(twice.body.errors[0].field).to.equal('idNumber');

    // keys:rotate re-encrypts and re-hashes; a second run has nothing to do
    const rotating = createFieldCrypto(NEW_KEY, [OLD_KEY]);
    const first = await rotateFieldKeys(db.sequelize, rotating);
    expect(first.authenticatorSecrets).to.deep.equal({ rotated: 1, current: 0, changed: 0, unconfirmed: 0 });
    expect(first.idNumbers).to.deep.equal({ rotated: 1, current: 0, changed: 0, conflicts: 0, conflictingMembers: [] });
    expect(first.unreadable).to.equal(0);
    // the nine unused recovery codes cannot be re-hashed: the report names their owner, and the rotation is not done
    expect(first.recoveryCodes).to.deep.equal({ underOtherKeys: 9, users: [firm.user.id] });
    expect(first.done).to.equal(false);
    const second = await rotateFieldKeys(db.sequelize, rotating);
    expect(second.authenticatorSecrets).to.deep.include({ rotated: 0, current: 1 });
    expect(second.idNumbers).to.deep.include({ rotated: 0, current: 1 });
    // the owner makes new codes (with one of the old ones): now nothing needs the old key
    const renewed = await byRecovery.post('/api/auth/mfa/recovery-codes', { recoveryCode: recoveryCodes[1] });
    expect(renewed.status, renewed.text).to.equal(200);
    const third = await rotateFieldKeys(db.sequelize, rotating);
    expect(third.recoveryCodes).to.deep.equal({ underOtherKeys: 0, users: [] });
    expect(third.done).to.equal(true);
    const stored = await storedForms();
    const newCrypto = createFieldCrypto(NEW_KEY);
    expect(stored.secrets.every((s) => newCrypto.isCurrent(s))).to.equal(true);
    expect(stored.numbers[0].id_number_hash).to.equal(newCrypto.lookupHash(idNumber));
    expect(stored.numbers[0].id_number_enc.includes(Buffer.from(idNumber))).to.equal(false);
    await stop(during);

    // the old key is gone: rotated data still works; sessions signed under the old key end
    const after = await start({ SECRET_KEY: NEW_KEY });
    const oldCookie = new TestClient(after.baseUrl);
    oldCookie.cookie = firm.client.cookie;
    expect((await new TestClient(after.baseUrl).signIn(firm.input.email, PASSWORD)).body.mfa).to.deep.equal({ required: 'verify' });
    const withNewCode = new TestClient(after.baseUrl);
    await withNewCode.signIn(firm.input.email, PASSWORD);
    expect((await withNewCode.post('/api/auth/mfa/verify', { recoveryCode: renewed.body.recoveryCodes[0] })).status, 'a code made under the new key').to.equal(200);
    expect((await oldCookie.get('/api/auth/me')).status, 'a session signed under the dropped key').to.equal(401);
    // (the code of the step just used is accepted once: let the test take the current one again instead of waiting)
    await db.pool.query('UPDATE user_mfa SET last_step = last_step - 3');
    const again = await signInWithCode(after, firm.input.email, setup.body.secret, 0);
    const { client: officerAfter } = await signedInStaff(after.baseUrl, db, ['officer']);
    expect((await officerAfter.post(revealPath, { reason: '轮换之后核对身份证号码' })).body.idNumber).to.equal(idNumber);
    const duplicate = await again.post(`/api/talent-teams/${team.body.id}/members`, { name: '周敏', role: 'core', idNumber, consent: true });
    expect(duplicate.status).to.equal(400);
  });

  it('when two rotations run at once, page by page, then each number is re-encrypted exactly once; a duplicate that slipped in is reported, not fatal', async () => {
    const oldApp = await start({ SECRET_KEY: OLD_KEY });
    const firm = await signedInApplicant(oldApp.baseUrl);
    const ids = [validResidentId(), validResidentId(), validResidentId(), validResidentId()];
    const team = await firm.client.post('/api/talent-teams', { name: '并发轮换团队', members: ids.map((idNumber, i) => ({ name: `成员${i}`, role: i === 0 ? 'leader' : 'core', idNumber, consent: true })) });
    expect(team.status, team.text).to.equal(201);
    await stop(oldApp);
    // a process that knew only the new key let the same person in twice (its hash differs from the old one)
    const newOnly = await start({ SECRET_KEY: NEW_KEY });
    const again = new TestClient(newOnly.baseUrl);
    await again.signIn(firm.input.email, PASSWORD);
    const twin = await again.post(`/api/talent-teams/${team.body.id}/members`, { name: '成员0的重复', role: 'core', idNumber: ids[0], consent: true });
    expect(twin.status, twin.text).to.equal(201);
    await stop(newOnly);

    const rotating = createFieldCrypto(NEW_KEY, [OLD_KEY]);
    const waiting = (await db.pool.query<{ id_number_enc: Buffer }>('SELECT id_number_enc FROM team_members WHERE id_number_enc IS NOT NULL')).rows.filter((r) => !rotating.isCurrent(r.id_number_enc)).length;
    expect(waiting).to.equal(4);
    const [a, b] = await Promise.all([rotateFieldKeys(db.sequelize, rotating, { pageSize: 1 }), rotateFieldKeys(db.sequelize, rotating, { pageSize: 1 })]);
    const conflicts = a.idNumbers.conflicts + b.idNumbers.conflicts;
    // the twin's original: one run reports the conflict (the other may too, or find the row changed meanwhile)
    expect(conflicts).to.be.within(1, 2);
    const memberOfIdZero = team.body.members.find((m: { name: string }) => m.name === '成员0').id;
    expect([...a.idNumbers.conflictingMembers, ...b.idNumbers.conflictingMembers]).to.include(memberOfIdZero);
    expect(a.idNumbers.rotated + b.idNumbers.rotated, 'each of the other three once').to.equal(3);
    const left = (await db.pool.query<{ id: string; id_number_enc: Buffer }>('SELECT id, id_number_enc FROM team_members WHERE id_number_enc IS NOT NULL')).rows.filter((r) => !rotating.isCurrent(r.id_number_enc));
    expect(left.map((r) => r.id)).to.deep.equal([memberOfIdZero]);
    // resolved (the twin removed), a run finishes the job
    await db.pool.query('UPDATE team_members SET removed_at = now() WHERE id = $1', [twin.body.id]);
    const after = await rotateFieldKeys(db.sequelize, rotating);
    expect(after.idNumbers).to.deep.include({ rotated: 1, conflicts: 0 });
  });

  it('when a row was encrypted under a key that is no longer configured, then the rotation leaves it and counts it as unreadable', async () => {
    const stranger = createFieldCrypto('a-key-nobody-configured-anymore-0123456789');
    const [{ id }] = (await db.pool.query<{ id: string }>("SELECT id FROM users WHERE email NOT LIKE '%staff%' LIMIT 1")).rows;
    await db.pool.query('INSERT INTO user_mfa (user_id, secret, enabled_at) VALUES ($1, $2, now()) ON CONFLICT (user_id) DO UPDATE SET secret = EXCLUDED.secret, enabled_at = now()', [id, stranger.encrypt('JBSWY3DPEHPK3PXP')]);
    const report = await rotateFieldKeys(db.sequelize, createFieldCrypto(NEW_KEY, [OLD_KEY]));
    expect(report.unreadable).to.equal(1);
    const [row] = (await db.pool.query<{ secret: Buffer }>('SELECT secret FROM user_mfa WHERE user_id = $1', [id])).rows;
    expect(stranger.decrypt(row.secret)).to.equal('JBSWY3DPEHPK3PXP');
  });

  it('when an operator runs npm run keys:rotate, then it prints the counts (never a key or a value) and exits 2 while a row stays unreadable', async () => {
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const run = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'server/db/rotate-keys-cli.ts'], {
      env: { ...process.env, NODE_ENV: 'test', DATABASE_URL: url.toString(), SECRET_KEY: NEW_KEY, PREVIOUS_SECRET_KEYS: OLD_KEY, LOG_LEVEL: 'info' },
    }).then(
      (done) => ({ code: 0, ...done }),
      (failed: { code: number; stdout: string; stderr: string }) => failed,
    );
    expect(run.code, run.stderr).to.equal(2);
    const report = JSON.parse(run.stdout);
    expect(run.stderr).to.contain('could not be read with any configured key');
    expect(report.unreadable).to.equal(1);
    expect(report.done).to.equal(false);
    for (const secret of [NEW_KEY, OLD_KEY]) expect(run.stdout + run.stderr).not.to.contain(secret);
  });
});

import { expect } from 'chai';
import { startTestApp, type TestApp } from '../../support/app.ts';
import { TestClient } from '../../support/client.ts';
import { registration, validUscc, withWrongCheckCharacter } from '../../support/factories.ts';

describe('POST /api/auth/register', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp();
  });
  after(() => app.close());

  it('when a firm registers with a valid code, then the company and an applicant user are created and audited', async () => {
    const client = new TestClient(app.baseUrl);
    const input = registration();
    const reply = await client.post('/api/auth/register', input);

    expect(reply.status).to.equal(201);
    expect(reply.body.user).to.include({ email: input.email });
    expect(reply.body.user.roles).to.deep.equal(['applicant']);
    expect(reply.body.user).not.to.have.property('passwordHash');
    expect(reply.body.company).to.deep.include({ name: input.company.name, uscc: input.company.uscc });

    const user = await app.db.models.User.findByPk(reply.body.user.id);
    expect(user!.companyId).to.equal(reply.body.company.id);
    expect(user!.passwordHash).to.match(/^\$argon2id\$/);
    const audit = await app.db.models.AuditEvent.findAll({ where: { entityId: reply.body.company.id } });
    expect(audit.map((a) => a.action)).to.deep.equal(['company.registered']);
    expect(JSON.stringify(audit[0].after)).not.to.include(input.password);
  });

  it('when the code is typed in lower case with spaces, then it is stored normalised', async () => {
    const client = new TestClient(app.baseUrl);
    const input = registration();
    const reply = await client.post('/api/auth/register', { ...input, company: { ...input.company, uscc: ` ${input.company.uscc.toLowerCase()} ` } });
    expect(reply.status).to.equal(201);
    expect(reply.body.company.uscc).to.equal(input.company.uscc);
  });

  it('when the check character is wrong, then 400 names company.uscc in the caller language and nothing is written', async () => {
    const client = new TestClient(app.baseUrl);
    client.language = 'en';
    const input = registration();
    input.company.uscc = withWrongCheckCharacter(input.company.uscc);
    const reply = await client.post('/api/auth/register', input);

    expect(reply.status).to.equal(400);
    expect(reply.headers.get('content-type')).to.match(/^application\/problem\+json/);
    expect(reply.body.code).to.equal('validation_failed');
    expect(reply.body.errors).to.deep.equal([
      { field: 'company.uscc', message: 'The unified social credit code is not valid: enter all 18 characters and check the last (check) character' },
    ]);
    expect(await app.db.models.User.count({ where: { email: input.email } })).to.equal(0);
  });

  it('when the embedded organisation code (GB 11714) is wrong but the last character is recomputed, then it is still refused', async () => {
    const client = new TestClient(app.baseUrl);
    const good = validUscc();
    // change the organisation-code check (position 17) and recompute only the GB 32100 check
    const { usccCheckCharacter } = await import('../../../server/lib/uscc.ts');
    const orgCheck = good[16] === '1' ? '2' : '1';
    const first17 = good.slice(0, 16) + orgCheck;
    const bad = first17 + usccCheckCharacter(first17);
    const reply = await client.post('/api/auth/register', registration({ company: { name: '组织代码错误公司', uscc: bad } }));
    expect(reply.status).to.equal(400);
    expect(reply.body.errors[0].field).to.equal('company.uscc');
  });

  it('when fields are missing or malformed, then every field error is listed in Chinese by default', async () => {
    const client = new TestClient(app.baseUrl);
    const reply = await client.post('/api/auth/register', { email: 'not-an-email', password: 'short', company: {} });
    expect(reply.status).to.equal(400);
    const fields = reply.body.errors.map((e: { field: string }) => e.field);
    expect(fields).to.include.members(['email', 'password', 'displayName', 'company.name', 'company.uscc']);
    expect(reply.body.title).to.equal('提交的信息有误，请按提示修改');
    expect(reply.body.errors.find((e: { field: string }) => e.field === 'email').message).to.equal('请输入有效的电子邮箱地址');
  });

  it('when the same company registers again, then 409 company_exists and no second user is created', async () => {
    const client = new TestClient(app.baseUrl);
    const first = registration();
    expect((await client.post('/api/auth/register', first)).status).to.equal(201);
    const second = registration({ company: { name: '另一个名字', uscc: first.company.uscc } });
    const reply = await client.post('/api/auth/register', second);
    expect(reply.status).to.equal(409);
    expect(reply.body.code).to.equal('company_exists');
    expect(reply.body.errors[0].field).to.equal('company.uscc');
    expect(await app.db.models.User.count({ where: { email: second.email } })).to.equal(0);
  });

  it('when the same code is registered five times at once, then exactly one succeeds and the rest are 409', async () => {
    const uscc = validUscc();
    const replies = await Promise.all(
      Array.from({ length: 5 }, () => new TestClient(app.baseUrl).post('/api/auth/register', registration({ company: { name: '并发注册公司', uscc } }))),
    );
    expect(replies.map((r) => r.status).sort()).to.deep.equal([201, 409, 409, 409, 409]);
    expect(await app.db.models.Company.count({ where: { uscc } })).to.equal(1);
  });

  it('when the e-mail is already registered, then 409 email_taken and no orphan company is left', async () => {
    const client = new TestClient(app.baseUrl);
    const first = registration();
    await client.post('/api/auth/register', first);
    const second = registration({ email: first.email.toUpperCase() });
    const reply = await client.post('/api/auth/register', second);
    expect(reply.status).to.equal(409);
    expect(reply.body.code).to.equal('email_taken');
    expect(await app.db.models.Company.count({ where: { uscc: second.company.uscc } })).to.equal(0);
  });

  it('when the body is not JSON, then 400 invalid_json; when it is another media type, then 415; when over 1 MiB, then 413', async () => {
    const client = new TestClient(app.baseUrl);
    const broken = await client.request('POST', '/api/auth/register', { body: '{"email":', headers: { 'Content-Type': 'application/json' } });
    expect(broken.status).to.equal(400);
    expect(broken.body.code).to.equal('invalid_json');

    const form = await client.request('POST', '/api/auth/register', { body: 'email=a', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect(form.status).to.equal(415);
    expect(form.body.code).to.equal('unsupported_media_type');

    const huge = await client.request('POST', '/api/auth/register', {
      body: JSON.stringify({ ...registration(), displayName: 'x'.repeat(1024 * 1024 + 10) }),
      headers: { 'Content-Type': 'application/json' },
    });
    expect(huge.status).to.equal(413);
    expect(huge.body.code).to.equal('payload_too_large');
  });
});

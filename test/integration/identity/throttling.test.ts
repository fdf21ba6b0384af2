import { expect } from 'chai';
import { startTestApp, type TestApp } from '../../support/app.ts';
import { TestClient } from '../../support/client.ts';
import { registration, uniqueEmail } from '../../support/factories.ts';

describe('sign-in throttling', () => {
  const env = { LOGIN_MAX_FAILS_PER_ACCOUNT: '3', LOGIN_MAX_FAILS_PER_CLIENT: '6', LOGIN_THROTTLE_WINDOW_SECONDS: '600', TRUST_PROXY: '1' };
  let a: TestApp;
  let b: TestApp;
  before(async () => {
    // two server processes' worth of app on one database: the counts must be shared
    a = await startTestApp({ env });
    b = await startTestApp({ env });
  });
  after(async () => {
    await a.close();
    await b.close();
  });

  // counters live in the database, which may outlive a run: every test uses fresh addresses
  const randomIp = () => `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

  const fromClient = (app: TestApp, ip: string) => {
    const client = new TestClient(app.baseUrl);
    return (email: string, password: string) => client.post('/api/auth/login', { email, password }, { headers: { 'X-Forwarded-For': ip } });
  };

  it('when an account fails three times across two servers, then the next attempt is 429 with Retry-After, even with the right password', async () => {
    const input = registration();
    await new TestClient(a.baseUrl).post('/api/auth/register', input);
    const ip = randomIp();
    expect((await fromClient(a, ip)(input.email, 'wrong-1-xxxxxx')).status).to.equal(401);
    expect((await fromClient(b, ip)(input.email, 'wrong-2-xxxxxx')).status).to.equal(401);
    expect((await fromClient(a, ip)(input.email.toUpperCase(), 'wrong-3-xxxxxx')).status).to.equal(401);

    const blocked = await fromClient(b, randomIp())(input.email, input.password);
    expect(blocked.status).to.equal(429);
    expect(blocked.body.code).to.equal('too_many_sign_in_attempts');
    expect(Number(blocked.headers.get('retry-after'))).to.be.within(1, 600);
  });

  it('when one client fails against many accounts, then that client is throttled but others are not', async () => {
    const ip = randomIp();
    const attempt = fromClient(a, ip);
    for (let i = 0; i < 6; i++) expect((await attempt(uniqueEmail('probe'), 'guess-123456')).status).to.equal(401);
    const blocked = await attempt(uniqueEmail('probe'), 'guess-123456');
    expect(blocked.status).to.equal(429);

    const input = registration();
    await new TestClient(a.baseUrl).post('/api/auth/register', input);
    expect((await fromClient(a, randomIp())(input.email, input.password)).status).to.equal(200);
  });

  it('when a user signs in successfully, then their account counter starts again', async () => {
    const input = registration();
    await new TestClient(a.baseUrl).post('/api/auth/register', input);
    const attempt = fromClient(a, randomIp());
    await attempt(input.email, 'wrong-password-1');
    await attempt(input.email, 'wrong-password-2');
    expect((await attempt(input.email, input.password)).status).to.equal(200);
    await attempt(input.email, 'wrong-password-3');
    await attempt(input.email, 'wrong-password-4');
    expect((await fromClient(a, randomIp())(input.email, input.password)).status).to.equal(200);
  });
});

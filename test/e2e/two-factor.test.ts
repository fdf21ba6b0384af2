import { expect } from 'chai';
import { generate } from 'otplib';
import type { Browser, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/app.ts';
import { closeAppInBrowser, openAppInBrowser, seriousAccessibilityViolations, submitSignIn, watchedPage } from '../support/browser.ts';
import { createStaffUser, registration } from '../support/factories.ts';
import { TestClient } from '../support/client.ts';
import { startSmtpServer, waitFor, type TestSmtp } from '../support/smtp.ts';

describe('in the browser: two-step verification', function () {
  this.timeout(120_000);
  let app: TestApp;
  let strict: TestApp;
  let smtp: TestSmtp;
  let browser: Browser;
  let page: Page;
  const cspViolations: string[] = [];

  before(async () => {
    ({ app, browser } = await openAppInBrowser());
    smtp = await startSmtpServer();
    strict = await startTestApp({ env: { REQUIRE_MFA: 'true', SMTP_URL: smtp.url }, mailWorker: true });
  });
  after(async () => {
    await closeAppInBrowser(app, browser);
    await strict?.close();
    await smtp?.close();
  });
  beforeEach(async () => {
    page = await watchedPage(browser, cspViolations);
  });
  afterEach(async () => {
    await page.context().close();
    expect(cspViolations, 'CSP violations').to.deep.equal([]);
  });

  /** Lets the next code count as new without waiting 30 seconds for the next time step. */
  const forgetLastStep = (target: TestApp, email: string) =>
    target.db.pool.query('UPDATE user_mfa SET last_step = last_step - 3 WHERE user_id = (SELECT id FROM users WHERE email = $1)', [email]);

  const signInWithPassword = (baseUrl: string, email: string, password: string) => submitSignIn(page, baseUrl, email, password);


  /** The six-digit code e-mailed to `email` for enrolling, as it arrived over SMTP. */
  const emailedCode = (email: string) =>
    waitFor(async () => {
      const mail = smtp.messages.find((m) => (Array.isArray(m.to) ? m.to : [m.to]).some((to) => to?.text.toLowerCase() === email.toLowerCase()));
      return mail && /^\s+(\d{6})$/m.exec(mail.text ?? '')?.[1];
    }, 20_000, `the enrolment code for ${email}`);

  /**
   * Reads the secret shown for typing by hand, types the app's code (and, enrolling while signing in, the code e-mailed
   * to `emailedTo`) and saves the recovery codes.
   */
  async function enrolOnPage(emailedTo?: string): Promise<{ secret: string; recoveryCodes: string[] }> {
    await page.waitForSelector('#mfa-secret');
    expect(await page.getAttribute('#mfa-qr', 'src')).to.match(/^data:image\/png;base64,/);
    expect(await page.getAttribute('#mfa-qr', 'alt')).to.match(/二维码/);
    const secret = (await page.textContent('#mfa-secret'))!.replace(/\s+/g, '');
    expect(await seriousAccessibilityViolations(page)).to.deep.equal([]);
    if (emailedTo) await page.fill('#mfa-email-code', await emailedCode(emailedTo));
    else expect(await page.locator('#mfa-email-code').count()).to.equal(0);
    await page.fill('#mfa-enroll-code', await generate({ secret }));
    await page.click('#mfa-enroll-submit');
    await page.waitForSelector('#recovery-codes li');
    const recoveryCodes = await page.locator('#recovery-codes li').allTextContents();
    expect(recoveryCodes).to.have.length(10);
    expect(await page.isDisabled('#recovery-codes-done')).to.equal(true);
    expect(await seriousAccessibilityViolations(page)).to.deep.equal([]);
    await page.check('#recovery-codes-saved');
    await page.click('#recovery-codes-done');
    return { secret, recoveryCodes: recoveryCodes.map((c) => c.trim()) };
  }

  it('when a firm turns two-step verification on, then signing in asks for the app’s code, and a recovery code works once', async () => {
    const input = registration();
    expect((await new TestClient(app.baseUrl).post('/api/auth/register', input)).status).to.equal(201);
    await signInWithPassword(app.baseUrl, input.email, input.password);
    await page.waitForSelector('ul[data-testid="programme-list"]');

    await page.goto(`${app.baseUrl}/account/security`);
    await page.click('#mfa-turn-on');
    // the password is asked again first; a wrong one is refused in the error summary
    await page.fill('#mfa-password', 'not-the-password');
    await page.click('#mfa-password-submit');
    await page.waitForSelector('.error-summary[role="alert"]');
    expect(await seriousAccessibilityViolations(page)).to.deep.equal([]);
    await page.fill('#mfa-password', input.password);
    await page.click('#mfa-password-submit');
    const { secret, recoveryCodes } = await enrolOnPage();
    await page.waitForSelector('#mfa-status');
    expect(await page.textContent('#mfa-status')).to.match(/已开启/);
    expect(await seriousAccessibilityViolations(page)).to.deep.equal([]);

    // a new browser: the password alone is not enough
    await page.context().clearCookies();
    await signInWithPassword(app.baseUrl, input.email, input.password);
    await page.waitForSelector('#mfa-code');
    expect(await page.textContent('h1')).to.contain('两步验证');
    expect(await seriousAccessibilityViolations(page)).to.deep.equal([]);
    await page.fill('#mfa-code', '000000' === (await generate({ secret })) ? '111111' : '000000');
    await page.click('#mfa-verify-submit');
    await page.waitForSelector('.error-summary[role="alert"]');
    expect(await page.textContent('.error-summary')).to.contain('验证码');
    await forgetLastStep(app, input.email);
    await page.fill('#mfa-code', await generate({ secret }));
    await page.click('#mfa-verify-submit');
    await page.waitForSelector('ul[data-testid="programme-list"]');
    expect(await page.textContent('body')).to.include('已登录');

    // the recovery code path
    await page.context().clearCookies();
    await signInWithPassword(app.baseUrl, input.email, input.password);
    await page.click('#mfa-switch-method');
    await page.fill('#recovery-code', recoveryCodes[0]);
    await page.click('#mfa-verify-submit');
    await page.waitForSelector('ul[data-testid="programme-list"]');
    await page.context().clearCookies();
    await signInWithPassword(app.baseUrl, input.email, input.password);
    await page.click('#mfa-switch-method');
    await page.fill('#recovery-code', recoveryCodes[0]);
    await page.click('#mfa-verify-submit');
    await page.waitForSelector('.error-summary[role="alert"]');

    // a lost phone: the next recovery code signs in, and another turns two-step verification off
    await page.fill('#recovery-code', recoveryCodes[1]);
    await page.click('#mfa-verify-submit');
    await page.waitForSelector('ul[data-testid="programme-list"]');
    await page.goto(`${app.baseUrl}/account/security`);
    await page.click('#mfa-turn-off');
    await page.fill('#mfa-confirm-code', recoveryCodes[2].toUpperCase());
    await page.click('#mfa-confirm-submit');
    await page.waitForSelector('#mfa-done');
    expect(await page.textContent('#mfa-status')).to.match(/未开启/);
    const [notice] = (await app.db.pool.query(`SELECT data FROM mail_outbox WHERE to_address = $1 AND template = 'account-security' ORDER BY id DESC LIMIT 1`, [input.email.toLowerCase()])).rows;
    expect(notice.data.event).to.equal('mfa_disabled');
  });

  it('when the platform requires two-step verification, then an officer sets it up while signing in and cannot turn it off', async () => {
    const officer = await createStaffUser(strict.db, ['officer']);
    await signInWithPassword(strict.baseUrl, officer.email, officer.password);
    await page.waitForSelector('#mfa-secret');
    expect(await page.textContent('h1')).to.contain('设置两步验证');
    // the password alone is not enough to enrol: a code went to the officer's address, and another waits a minute
    await page.waitForSelector('#mfa-email-code');
    expect(await page.isDisabled('#mfa-email-resend')).to.equal(true);
    const secret = (await page.textContent('#mfa-secret'))!.replace(/\s+/g, '');
    const emailed = await emailedCode(officer.email);
    await page.fill('#mfa-email-code', emailed === '000000' ? '111111' : '000000');
    await page.fill('#mfa-enroll-code', await generate({ secret }));
    await page.click('#mfa-enroll-submit');
    await page.waitForSelector('.error-summary[role="alert"] a[href="#mfa-email-code"]');
    expect(await page.getAttribute('#mfa-email-code', 'aria-invalid')).to.equal('true');
    expect(await seriousAccessibilityViolations(page)).to.deep.equal([]);
    await forgetLastStep(strict, officer.email);
    await enrolOnPage(officer.email);
    await page.waitForFunction(() => !location.pathname.startsWith('/login'));
    await page.goto(`${strict.baseUrl}/account/security`);
    await page.waitForSelector('#mfa-status');
    expect(await page.locator('#mfa-turn-off').count()).to.equal(0);
    expect(await page.textContent('#mfa-required-note')).to.match(/要求|required/i);
    expect(await seriousAccessibilityViolations(page)).to.deep.equal([]);
  });
});

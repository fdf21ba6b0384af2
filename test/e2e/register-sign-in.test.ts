import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { type TestApp } from '../support/app.ts';
import { closeAppInBrowser, openAppInBrowser, seriousAccessibilityViolations, watchedPage } from '../support/browser.ts';
import { uniqueEmail, validUscc, withWrongCheckCharacter } from '../support/factories.ts';

describe('in the browser: register, sign in, see the programmes', function () {
  this.timeout(90_000);
  let app: TestApp;
  let browser: Browser;
  let page: Page;
  const cspViolations: string[] = [];

  before(async () => ({ app, browser } = await openAppInBrowser()));
  after(() => closeAppInBrowser(app, browser));
  beforeEach(async () => {
    page = await watchedPage(browser, cspViolations);
  });
  afterEach(async () => {
    await page.context().close();
    expect(cspViolations, 'CSP violations').to.deep.equal([]);
  });

  it('when a firm registers and signs in, then it sees the five programmes in Chinese, with no serious accessibility violation', async () => {
    const email = uniqueEmail('browser');
    const password = 'browser-password-123';

    await page.goto(`${app.baseUrl}/register`);
    expect(await page.locator('html').getAttribute('lang')).to.equal('zh-CN');
    expect(await seriousAccessibilityViolations(page)).to.deep.equal([]);

    // a wrong check character is caught and shown beside the field and in the summary
    const uscc = validUscc();
    await page.fill('#displayName', '浏览器测试用户');
    await page.fill('#email', email);
    await page.fill('#password', password);
    await page.fill('#companyName', '浏览器测试科技有限公司');
    await page.fill('#uscc', withWrongCheckCharacter(uscc));
    await page.click('button[type="submit"]');
    await page.waitForSelector('.error-summary[role="alert"]');
    expect(await page.getAttribute('#uscc', 'aria-invalid')).to.equal('true');
    expect(await page.textContent('#uscc-error')).to.match(/统一社会信用代码|校验/);
    expect(await seriousAccessibilityViolations(page)).to.deep.equal([]);

    await page.fill('#uscc', uscc);
    await page.click('button[type="submit"]');
    await page.waitForURL(/\/login/);
    expect(await page.textContent('.notice[role="status"]')).to.include('账户已创建');
    const company = await app.db.models.Company.findOne({ where: { uscc } });
    expect(company?.name).to.equal('浏览器测试科技有限公司');

    await page.fill('#email', email);
    await page.fill('#password', password);
    await page.click('button[type="submit"]');
    await page.waitForSelector('ul[data-testid="programme-list"] article.programme-card');
    expect(await page.textContent('h1')).to.equal('政策项目');
    const links = await page.locator('ul[data-testid="programme-list"] h2 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).to.include.members([
      '/programmes/high-tech-enterprise',
      '/programmes/tech-sme',
      '/programmes/unicorn-cultivation',
      '/programmes/talent-team',
      '/programmes/residence-points',
    ]);
    expect(await page.textContent('body')).to.include('已登录').and.include('高新技术企业认定与奖励');
    expect(await seriousAccessibilityViolations(page)).to.deep.equal([]);
  });

  it('when the language is switched to English, then the page and <html lang> change and the choice survives a reload', async () => {
    await page.goto(`${app.baseUrl}/programmes`);
    await page.waitForSelector('article.programme-card');
    await page.click('button.language-switch');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await page.textContent('body')).to.include('High-tech enterprise recognition and awards');
    await page.reload();
    await page.waitForSelector('article.programme-card');
    expect(await page.locator('html').getAttribute('lang')).to.equal('en');
    expect(await seriousAccessibilityViolations(page)).to.deep.equal([]);
  });

  it('when the password is wrong, then the server message is shown on the sign-in page', async () => {
    await page.goto(`${app.baseUrl}/login`);
    await page.fill('#email', uniqueEmail('nobody'));
    await page.fill('#password', 'not-the-password-1');
    await page.click('button[type="submit"]');
    await page.waitForSelector('[role="alert"]');
    expect(await page.textContent('[role="alert"]')).to.include('邮箱或密码不正确');
  });
});

import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { type TestApp } from '../support/app.ts';
import { closeAppInBrowser, openAppInBrowser, seriousAccessibilityViolations } from '../support/browser.ts';

describe('in the browser: the public pre-check', function () {
  this.timeout(90_000);
  let app: TestApp;
  let browser: Browser;
  let page: Page;

  before(async () => ({ app, browser } = await openAppInBrowser()));
  after(() => closeAppInBrowser(app, browser));
  beforeEach(async () => {
    page = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
  });
  afterEach(() => page.context().close());

  async function fillSmeFacts(employees: string) {
    await page.check('#fact-residentEnterprise');
    await page.fill('#fact-employees', employees);
    await page.fill('#fact-salesRevenue', '50000000');
    await page.fill('#fact-totalAssets', '80000000');
    await page.check('#fact-restrictedIndustry-false');
    await page.check('#fact-misconduct-false');
    await page.fill('#fact-staffTech', '40');
    await page.fill('#fact-staffTotal', '120');
    await page.fill('#fact-rdExpense', '4000000');
    await page.fill('#fact-totalCost', '30000000');
    await page.fill('#fact-ipClass1', '1');
    await page.fill('#fact-ipClass2', '0');
  }

  it('when a firm fills in the tech-SME facts, then every criterion is shown with its mark, message and citation, and the score is 100', async () => {
    await page.goto(`${app.baseUrl}/programmes/tech-sme/precheck`);
    await page.waitForSelector('#precheck-form');
    expect(await seriousAccessibilityViolations(page)).to.deep.equal([]);
    await fillSmeFacts('120');
    await page.click('#precheck-form button[type="submit"]');
    await page.waitForSelector('#precheck-result');
    expect(await page.getAttribute('#precheck-result', 'data-outcome')).to.equal('eligible');
    expect(await page.getAttribute('[data-score]', 'data-score')).to.equal('100');
    for (const id of ['SME-E01', 'SME-E02', 'SME-E03', 'SME-E04', 'SME-E05']) {
      expect(await page.getAttribute(`[data-criterion="${id}"]`, 'data-outcome'), id).to.equal('pass');
    }
    expect(await page.textContent('[data-criterion="SME-E02"]')).to.include('国科发政〔2017〕115号');
    expect(await seriousAccessibilityViolations(page)).to.deep.equal([]);
  });

  it('when the firm is too large, then the result is ineligible and says why, in English too', async () => {
    await page.goto(`${app.baseUrl}/programmes/tech-sme/precheck`);
    await page.waitForSelector('#precheck-form');
    await fillSmeFacts('800');
    await page.click('#precheck-form button[type="submit"]');
    await page.waitForSelector('#precheck-result');
    expect(await page.getAttribute('#precheck-result', 'data-outcome')).to.equal('ineligible');
    expect(await page.getAttribute('[data-criterion="SME-E02"]', 'data-outcome')).to.equal('fail');
    expect(await page.textContent('[data-criterion="SME-E02"]')).to.include('800');

    await page.click('button.language-switch');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await page.click('#precheck-form button[type="submit"]');
    await page.waitForFunction(() => /employees|staff/i.test(document.querySelector('[data-criterion="SME-E02"]')?.textContent ?? ''));
    expect(await seriousAccessibilityViolations(page)).to.deep.equal([]);
  });
});

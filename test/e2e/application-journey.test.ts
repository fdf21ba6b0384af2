import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { type TestApp } from '../support/app.ts';
import { closeAppInBrowser, openAppInBrowser, seriousAccessibilityViolations, watchedPage } from '../support/browser.ts';
import { signedInApplicant } from '../support/factories.ts';
import { pdfBytes } from '../support/files.ts';
import { openCall } from '../integration/applications/support.ts';

describe('in the browser: a firm prepares, saves, documents and submits an application', function () {
  this.timeout(120_000);
  let app: TestApp;
  let browser: Browser;
  let page: Page;
  const cspViolations: string[] = [];

  before(async () => ({ app, browser } = await openAppInBrowser()));
  after(() => closeAppInBrowser(app, browser));
  beforeEach(async () => {
    page = await watchedPage(browser, cspViolations, { timezoneId: 'Europe/London' });
  });
  afterEach(async () => {
    await page.context().close();
    expect(cspViolations, 'CSP violations').to.deep.equal([]);
  });

  async function fillSmeFacts() {
    await page.check('#fact-residentEnterprise');
    await page.fill('#fact-employees', '120');
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

  /** Autosave has sent everything: the status says so and nothing is left waiting in localStorage. */
  async function waitUntilSaved(applicationId: string) {
    await page.waitForFunction(
      (key) => document.querySelector('#save-status')?.getAttribute('data-state') === 'saved' && window.localStorage.getItem(key) === null,
      `huiqi.application.${applicationId}`,
    );
  }

  it('when a firm starts, fills in, reloads, uploads and submits, then nothing is lost and the submission is screened eligible', async () => {
    const { call } = await openCall(app);
    const firm = await signedInApplicant(app.baseUrl);

    // sign in through the page
    await page.goto(`${app.baseUrl}/login`);
    await page.fill('#email', firm.input.email);
    await page.fill('#password', firm.input.password);
    await page.click('button[type="submit"]');
    await page.waitForSelector('.account__user');

    // the open calls, with the deadline in Beijing time and a countdown
    await page.goto(`${app.baseUrl}/calls`);
    const card = `article[data-call="${call.id}"]`;
    await page.waitForSelector(card);
    expect(await page.textContent(card)).to.include(call.title).and.match(/还剩 \d+ (天|小时)/).and.include('北京时间');
    expect(await seriousAccessibilityViolations(page)).to.deep.equal([]);

    await page.click(`${card} button.start-application`);
    await page.waitForURL(/\/applications\/[^/]+$/);
    await page.waitForSelector('#application-form #fact-employees');
    const applicationId = new URL(page.url()).pathname.split('/').pop()!;
    expect(await page.textContent('#application-status')).to.equal('草稿');

    await fillSmeFacts();
    await waitUntilSaved(applicationId);
    expect(await page.textContent('#save-status')).to.match(/已保存 \d{2}:\d{2}/);
    const stored = await app.db.models.Application.findByPk(applicationId);
    expect(stored?.facts).to.include({ employees: 120, salesRevenue: 50_000_000, residentEnterprise: true, misconduct: false, ipClass2: 0 });

    // a reload brings back what was typed, from the server
    await page.reload();
    await page.waitForSelector('#application-form #fact-employees');
    expect(await page.inputValue('#fact-employees')).to.equal('120');
    expect(await page.inputValue('#fact-rdExpense')).to.equal('4000000');
    expect(await page.isChecked('#fact-residentEnterprise')).to.equal(true);
    expect(await page.isChecked('#fact-misconduct-false')).to.equal(true);
    expect(await page.inputValue('#fact-ipClass2')).to.equal('0');

    // the evidence, one upload per required kind
    await page.setInputFiles('#upload-business_licence', { name: '营业执照.pdf', mimeType: 'application/pdf', buffer: pdfBytes('licence') });
    await page.waitForSelector('[data-document-kind="business_licence"] .uploaded a');
    await page.setInputFiles('#upload-financial_statements', { name: 'financial-statements.pdf', mimeType: 'application/pdf', buffer: pdfBytes('statements') });
    await page.waitForSelector('[data-document-kind="financial_statements"] .uploaded a');
    expect(await page.textContent('[data-document-kind="business_licence"] .uploaded')).to.include('营业执照.pdf');
    expect(await page.textContent('[data-document-kind="financial_statements"] .uploaded')).to.include('financial-statements.pdf');
    expect(await seriousAccessibilityViolations(page)).to.deep.equal([]);

    // submit: the status, the frozen screening and the timeline
    await page.click('#submit-application');
    await page.waitForSelector('#application-status[data-status="submitted"]');
    expect(await page.textContent('#application-status')).to.equal('已提交');
    await page.waitForSelector('#precheck-result');
    expect(await page.getAttribute('#precheck-result', 'data-outcome')).to.equal('eligible');
    expect(await page.locator('#timeline [data-event="start"]').count()).to.equal(1);
    expect(await page.locator('#timeline [data-event="submit"]').count()).to.equal(1);
    expect(await page.textContent('#timeline [data-event="submit"]')).to.include('草稿').and.include('已提交');
    expect(await page.locator('#application-form').count()).to.equal(0);
    expect(await seriousAccessibilityViolations(page)).to.deep.equal([]);

    // my applications lists it, submitted, with "view" as the next step
    await page.goto(`${app.baseUrl}/applications`);
    await page.waitForSelector(`tr[data-application="${applicationId}"]`);
    expect(await page.textContent(`tr[data-application="${applicationId}"]`)).to.include('已提交').and.include('查看');
    expect(await seriousAccessibilityViolations(page)).to.deep.equal([]);

    // the same application, in English: status, screening and timeline follow the language
    await page.click('button.language-switch');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await page.goto(`${app.baseUrl}/applications/${applicationId}`);
    await page.waitForSelector('#precheck-result');
    expect(await page.textContent('#application-status')).to.equal('Submitted');
    expect(await page.textContent('#timeline [data-event="submit"]')).to.include('Draft').and.include('Submitted');
    // messages are English; citations stay the Chinese document numbers they are
    expect(await page.textContent('[data-criterion="SME-E02"]')).to.match(/employees|staff/i);
    expect(await seriousAccessibilityViolations(page)).to.deep.equal([]);
  });
});

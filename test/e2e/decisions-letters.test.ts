import crypto from 'node:crypto';
import fs from 'node:fs';
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { type TestApp } from '../support/app.ts';
import { closeAppInBrowser, expectAccessible, openAppInBrowser, signInAs, watchedPage } from '../support/browser.ts';
import { PASSWORD } from '../support/factories.ts';
import { pdfText } from '../support/pdf.ts';
import { scoredCall, UNICORN_AWARD } from '../integration/decisions/support.ts';

describe('in the browser: from the ranking to a downloaded, verified letter', function () {
  this.timeout(180_000);
  let app: TestApp;
  let browser: Browser;
  const cspViolations: string[] = [];

  before(async () => ({ app, browser } = await openAppInBrowser()));
  after(() => closeAppInBrowser(app, browser));

  const newPage = (locale = 'zh-CN') => watchedPage(browser, cspViolations, { locale, acceptDownloads: true });

  const signIn = (page: Page, email: string) => signInAs(page, app.baseUrl, email);

  it('when the officer approves down to the line and rejects the next, then the firm downloads its letter, anyone verifies it, and an objection can be filed on the notice', async () => {
    const { call, officerUser, firms } = await scoredCall(app, [0.9, 0.8, 0.6], 2 * UNICORN_AWARD + 100_000);

    // — the officer: ranking, funding line, approve to the line —
    const officer = await newPage();
    await signIn(officer, officerUser.email);
    await officer.goto(`${app.baseUrl}/calls/${call.id}/decisions`);
    await officer.waitForSelector('#ranking');
    expect(await officer.locator('[data-testid="funding-line"]').count()).to.equal(1);
    expect(await officer.textContent('#approve-line')).to.include('2');
    await expectAccessible(officer, 'ranking');
    await officer.click('#approve-line');
    await officer.click('#approve-line-confirm-confirm');
    await officer.waitForSelector('#approve-line-done');
    expect(await officer.textContent('#approve-line-letters')).to.match(/穗科创〔\d{4}〕\d+号/);

    // — the officer rejects the third on its decision page —
    await officer.goto(`${app.baseUrl}/applications/${firms[2].applicationId}/decision`);
    await officer.waitForSelector('#decision-submit');
    await expectAccessible(officer, 'decision form');
    await officer.check('input[value="rejected"]');
    await officer.getByLabel('年度预算已用完').check();
    await officer.fill('#decision-note', '本批次预算已全部安排。');
    await officer.click('#decision-submit');
    await officer.click('#decision-confirm-confirm');
    await officer.waitForSelector('#decision-letter-download');
    await expectAccessible(officer, 'decision result');

    // — the first firm reads its decision and downloads the letter —
    const firm = await newPage();
    await signIn(firm, firms[0].input.email);
    await firm.goto(`${app.baseUrl}/applications/${firms[0].applicationId}`);
    const letterLink = firm.locator('a[href^="/api/letters/"]').first();
    await letterLink.waitFor();
    expect(await firm.locator('main').innerText()).to.match(/290 万元/);
    await expectAccessible(firm, 'applicant decision');
    const [download] = await Promise.all([firm.waitForEvent('download'), letterLink.click()]);
    const file = await download.path();
    const content = fs.readFileSync(file);
    const letters = await firms[0].client.get(`/api/applications/${firms[0].applicationId}/letters`);
    const letter = letters.body.items[0];
    expect(crypto.createHash('sha256').update(content).digest('hex')).to.equal(letter.sha256);
    expect(await pdfText(content)).to.include(firms[0].input.company.name).and.include(letter.reference);

    // — anyone verifies it, and checks the file they were given —
    const visitor = await newPage('en-GB');
    await visitor.goto(`${app.baseUrl}/verify`);
    await visitor.fill('#verify-code', letter.verifyCode);
    await visitor.keyboard.press('Enter');
    await visitor.waitForSelector('#verify-status');
    expect(await visitor.textContent('#verify-status')).to.match(/有效|Valid/);
    expect(await visitor.locator('main').innerText()).to.include(letter.reference);
    await visitor.setInputFiles('input[type="file"]', file);
    await visitor.waitForSelector('#file-check-result[data-match="true"]');
    await expectAccessible(visitor, 'verification');

    // — the officer publishes the notice; a visitor files a named objection —
    await officer.goto(`${app.baseUrl}/calls/${call.id}/notice`);
    await officer.waitForSelector('button[type="submit"]');
    await expectAccessible(officer, 'notice administration');
    await officer.locator('form').filter({ has: officer.locator('button[type="submit"]') }).first().locator('button[type="submit"]').click();
    const noticeId = await (async () => {
      for (let i = 0; i < 50; i++) {
        const rows = (await app.db.sequelize.query('SELECT id FROM notices WHERE call_id = :id', { replacements: { id: call.id }, type: 'SELECT' } as never)) as unknown as { id: string }[];
        if (rows.length > 0) return rows[0].id;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error('no notice published');
    })();
    await visitor.goto(`${app.baseUrl}/notices/${noticeId}`);
    await visitor.waitForSelector('form');
    expect(await visitor.locator('main').innerText()).to.include(firms[1].input.company.name);
    await expectAccessible(visitor, 'public notice');
    await visitor.selectOption('select', firms[1].applicationId);
    await visitor.getByLabel(/Your name|姓名/).fill('Wang Wu');
    await visitor.getByLabel(/^Contact|联系方式/).fill('wangwu@example.cn');
    await visitor.getByLabel(/Your objection|异议内容/).fill('The R&D staff listed in the application did not work for this firm.');
    await visitor.getByRole('button', { name: /Submit objection|提交异议/ }).click();
    await visitor.waitForFunction(() => /YY\d{8}-[0-9A-F]{6}/.test(document.body.textContent ?? ''));
    const objections = await app.db.sequelize.query('SELECT name, contact FROM objections WHERE notice_id = :id', { replacements: { id: noticeId }, type: 'SELECT' } as never);
    expect(objections).to.deep.equal([{ name: 'Wang Wu', contact: 'wangwu@example.cn' }]);
    expect(cspViolations, 'CSP violations').to.deep.equal([]);
  });
});

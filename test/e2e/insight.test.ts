import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { type TestApp } from '../support/app.ts';
import { closeAppInBrowser, expectAccessible, openAppInBrowser, signInAs, watchedPage } from '../support/browser.ts';
import { PASSWORD } from '../support/factories.ts';
import { scoredCall } from '../integration/decisions/support.ts';

describe('in the browser: dashboards, what-if and public statistics', function () {
  this.timeout(180_000);
  let app: TestApp;
  let browser: Browser;
  const cspViolations: string[] = [];

  before(async () => ({ app, browser } = await openAppInBrowser()));
  after(() => closeAppInBrowser(app, browser));

  const signIn = (page: Page, email: string) => signInAs(page, app.baseUrl, email);

  it("when an officer opens a call's dashboard, tries a higher valuation line and a visitor reads the statistics, then every figure is shown as a chart and a table, the flips are listed, and nothing is stored", async () => {
    const { call, officer: officerClient, officerUser, firms } = await scoredCall(app, [0.9, 0.6], 10_000_000);
    expect((await officerClient.post(`/api/applications/${firms[0].applicationId}/decision`, { outcome: 'approved' })).status).to.equal(200);

    // — the call's dashboard: charts with tables beside them, exports —
    const page = await watchedPage(browser, cspViolations);
    await signIn(page, officerUser.email);
    await page.goto(`${app.baseUrl}/calls/${call.id}/insight`);
    await page.waitForSelector('canvas[role="img"]');
    expect(await page.locator('canvas[role="img"]').count()).to.be.at.least(3);
    expect(await page.locator('table caption').count()).to.be.at.least(await page.locator('canvas[role="img"]').count());
    const tables = await page.locator('table').allTextContents();
    expect(tables.join(' ')).to.include('已批准');
    const csv = page.locator(`a[href="/api/calls/${call.id}/export.csv"]`);
    expect(await csv.count()).to.equal(1);
    await expectAccessible(page, 'call dashboard');

    // — what-if: raise the valuation line above both firms —
    await page.goto(`${app.baseUrl}/calls/${call.id}/simulate`);
    const input = page.locator('#param-UNI-E04-minValuationUsd');
    await input.waitFor();
    await expectAccessible(page, 'simulation form');
    await input.fill('600000000');
    await page.click('#simulate-run');
    await page.waitForSelector('#simulate-results');
    const results = await page.textContent('#simulate-results');
    for (const firm of firms) expect(results).to.include(firm.company.name);
    await expectAccessible(page, 'simulation results');
    // the simulation wrote nothing: both are still eligible as screened
    const stored = (await app.db.sequelize.query(`SELECT count(*)::int AS n FROM applications WHERE call_id = :id AND screening_summary->>'outcome' = 'eligible'`, { replacements: { id: call.id }, plain: true })) as { n: number };
    expect(stored.n).to.equal(2);

    // — the platform dashboard with the plan panel —
    await page.goto(`${app.baseUrl}/insight`);
    // (the section is there at once; its table only when the targets have loaded)
    await page.waitForSelector('#plan-targets table');
    expect(await page.textContent('#plan-targets')).to.include('HTE-T01');
    await expectAccessible(page, 'platform dashboard');

    // — a visitor reads the public statistics —
    const visitor = await watchedPage(browser, cspViolations, { locale: 'en-GB' });
    await visitor.goto(`${app.baseUrl}/statistics`);
    await visitor.waitForSelector('table caption');
    expect(await visitor.locator('table').first().textContent()).to.match(/独角兽|Unicorn/);
    await expectAccessible(visitor, 'public statistics');
    expect(cspViolations, 'CSP violations').to.deep.equal([]);
  });
});

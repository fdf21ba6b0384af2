import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { type TestApp } from '../support/app.ts';
import { closeAppInBrowser, openAppInBrowser, seriousAccessibilityViolations, signInAs, watchedPage } from '../support/browser.ts';
import { assignmentOf, createReviewer, openReviewedCall, scoreAndSubmit, submittedApplication } from '../integration/reviews/support.ts';

describe('in the browser: a reviewer scores an application and an officer moderates the panel', function () {
  this.timeout(150_000);
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

  const signIn = (email: string) => signInAs(page, app.baseUrl, email);

  it('when the last reviewer declares, scores, saves and submits, then the panel completes and the officer records a moderated score', async () => {
    const { call, officer, officerUser } = await openReviewedCall(app, 'unicorn-cultivation', 3);
    const firm = await submittedApplication(app, call.id, 'unicorn-cultivation');
    const reviewers = [
      await createReviewer(app, officer, { kind: 'financial', fields: ['finance'] }),
      await createReviewer(app, officer, { kind: 'technical', fields: [] }),
      await createReviewer(app, officer, { kind: 'technical', fields: [] }),
    ];
    const run = await officer.post(`/api/calls/${call.id}/assignments`, { reviewerIds: reviewers.map((r) => r.id) });
    expect(run.body.created).to.have.length(3);
    // two reviewers have already submitted (totals 92 and 52: far apart)
    for (const [i, fraction] of [[0, 0.9], [1, 0.5]] as const) {
      const seat = (await assignmentOf(reviewers[i], firm.applicationId))!;
      expect((await scoreAndSubmit(reviewers[i], seat.id, seat.rubric, fraction)).status).to.equal(200);
    }
    const mine = (await assignmentOf(reviewers[2], firm.applicationId))!;

    await signIn(reviewers[2].email);
    await page.goto(`${app.baseUrl}/reviews`);
    await page.click(`a[href="/reviews/${mine.id}"]`);
    // nothing of the application before the declaration
    await page.waitForSelector('#conflict-none');
    expect(await page.locator('#score-U1').count()).to.equal(0);
    expect(await seriousAccessibilityViolations(page)).to.deep.equal([]);
    await page.check('#conflict-none');
    await page.click('#conflict-submit');

    await page.waitForSelector('#score-U1');
    expect(await page.textContent('body')).to.include(firm.input.company.name);
    // out of range is caught and named on the item
    await page.getByLabel('U1 评分').fill('30');
    await page.click('#save-draft');
    await page.waitForSelector('#score-U1[aria-invalid="true"]');
    expect(await page.textContent('[data-testid="score-item-U1"] .field__error')).to.match(/25/);
    for (const [id, score] of [['U1', '20'], ['U2', '18'], ['U3', '15'], ['U4', '17']]) {
      await page.getByLabel(`${id} 评分`).fill(score);
      await page.getByLabel(`${id} 评语`).fill(`${id} 的评审意见：依据充分`);
    }
    await page.click('#save-draft');
    await page.waitForFunction(() => document.querySelector('#save-status')?.getAttribute('data-state') === 'saved');
    expect(await page.getAttribute('#score-total', 'data-total')).to.equal('70');
    expect(await seriousAccessibilityViolations(page)).to.deep.equal([]);

    await page.click('#submit-scores');
    await page.click('#confirm-submit');
    await page.waitForSelector('[data-testid="submitted-sheet"]');
    await page.waitForSelector('[data-testid="panel-results"][data-complete="true"]');
    expect(await page.locator('#score-U1').count()).to.equal(0);

    const stored = await officer.get(`/api/applications/${firm.applicationId}/scores`);
    expect(stored.body.status).to.equal('scored');
    expect(stored.body.reviews.find((r: { reviewer: { id: string } }) => r.reviewer.id === reviewers[2].id).scores).to.deep.equal({ U1: 20, U2: 18, U3: 15, U4: 17 });
    // totals 92, 52, 70 → mean 71.33, spread 40: flagged
    expect(stored.body.score).to.deep.include({ final: 71.33, flagged: true });

    // the officer sees the flag and moderates
    await page.context().clearCookies();
    await signIn(officerUser.email);
    await page.goto(`${app.baseUrl}/calls/${call.id}/panels`);
    await page.waitForSelector(`[data-testid="panel-${firm.applicationId}"][data-flagged="true"]`);
    expect(await seriousAccessibilityViolations(page)).to.deep.equal([]);
    await page.goto(`${app.baseUrl}/applications/${firm.applicationId}/moderation?call=${call.id}`);
    await page.fill('#moderation-total', '72');
    await page.fill('#moderation-reason', '经专家组会商，取中间意见');
    await page.click('#moderation-submit');
    await page.waitForFunction(() => document.querySelector('#moderation-history')?.textContent?.includes('经专家组会商'));
    expect(await seriousAccessibilityViolations(page)).to.deep.equal([]);
    const after = await officer.get(`/api/applications/${firm.applicationId}/scores`);
    expect(after.body.score.final).to.equal(72);
    expect(after.body.score.mean.total).to.equal(71.33);
  });
});

import { expect } from 'chai';
import { QueryTypes } from 'sequelize';
import type { Browser, Page } from 'playwright-core';
import { type TestApp } from '../support/app.ts';
import { closeAppInBrowser, openAppInBrowser, seriousAccessibilityViolations, signInAs, watchedPage } from '../support/browser.ts';
import { signedInApplicant, signedInStaff, validResidentId } from '../support/factories.ts';

describe('in the browser: a talent team with consented, protected ID numbers', function () {
  this.timeout(180_000);
  let app: TestApp;
  let browser: Browser;
  const cspViolations: string[] = [];

  before(async () => ({ app, browser } = await openAppInBrowser()));
  after(() => closeAppInBrowser(app, browser));

  const newPage = (locale = 'zh-CN') => watchedPage(browser, cspViolations, { locale });

  const signIn = (page: Page, email: string) => signInAs(page, app.baseUrl, email);

  it('when a firm registers its team, the consent is required with the number, the roster shows it masked, a member consents by link, and an officer reveals one number', async () => {
    const firm = await signedInApplicant(app.baseUrl);
    const leaderId = validResidentId();
    const page = await newPage();
    await signIn(page, firm.input.email);
    await page.goto(`${app.baseUrl}/teams`);
    await page.waitForSelector('#team-name');
    expect(await seriousAccessibilityViolations(page), 'teams page').to.deep.equal([]);
    await page.fill('#team-name', '浏览器测试团队');
    await page.fill('#member-0-name', '张伟');
    await page.selectOption('#member-0-role', 'leader');
    await page.fill('#member-0-idNumber', leaderId);
    // without the consent statement the number is not taken
    await page.click('#team-submit');
    await page.waitForSelector('#member-0-consent[aria-invalid="true"]');
    await page.check('#member-0-consent');
    await page.click('#team-add-member');
    await page.fill('#member-1-name', '王芳');
    await page.selectOption('#member-1-role', 'core');
    await page.click('#team-submit');
    await page.waitForSelector('#team-created');
    await page.waitForSelector('#roster-table');
    const roster = await page.locator('#roster-table').innerText();
    expect(roster).to.include(`**************${leaderId.slice(-4)}`).and.not.include(leaderId);
    expect(await seriousAccessibilityViolations(page), 'roster').to.deep.equal([]);

    // the second member gets a consent link and gives consent themselves
    const pendingRow = page.locator('#roster-table tr[data-consent-status="none"]');
    const memberId = await pendingRow.getAttribute('data-member');
    await page.click(`#member-${memberId}-link`);
    await page.fill('#consent-request-email', 'wangfang-e2e@example.cn');
    await page.click('#consent-request-submit');
    await page.waitForSelector('#roster-outcome');
    const [mail] = await app.db.sequelize.query<{ data: { link: string } }>("SELECT data FROM mail_outbox WHERE to_address = 'wangfang-e2e@example.cn' ORDER BY id DESC LIMIT 1", { type: QueryTypes.SELECT });
    const member = await newPage();
    await member.goto(mail.data.link.replace(/^https?:\/\/[^/]+/, app.baseUrl));
    await member.waitForSelector('#consent-text');
    expect(await seriousAccessibilityViolations(member), 'consent page').to.deep.equal([]);
    const ownId = validResidentId();
    await member.check('#consent-agree');
    await member.fill('#consent-idNumber', ownId);
    await member.click('#consent-submit');
    await member.waitForSelector('#consent-masked');
    expect(await member.textContent('#consent-masked')).to.include(ownId.slice(-4));
    expect(await member.locator('main').innerText()).to.not.include(ownId);

    // an officer reveals the leader's number, with a reason
    const { user: officerUser } = await signedInStaff(app.baseUrl, app.db, ['officer']);
    const officer = await newPage();
    await signIn(officer, officerUser.email);
    const teamId = page.url().split('/teams/')[1];
    await officer.goto(`${app.baseUrl}/teams/${teamId}`);
    const leaderRow = officer.locator('#roster-table tr[data-consent-status="given"]').first();
    const leaderMemberId = await leaderRow.getAttribute('data-member');
    await officer.click(`#member-${leaderMemberId}-reveal`);
    await officer.fill('#reveal-reason', '积分核定需核对身份证号码');
    await officer.click('#reveal-submit');
    await officer.waitForSelector(`#member-${leaderMemberId}-revealed`);
    const revealed = await officer.textContent(`#member-${leaderMemberId}-revealed`);
    expect(revealed).to.include(leaderId);
    expect(await seriousAccessibilityViolations(officer), 'officer roster').to.deep.equal([]);
    const audits = await app.db.sequelize.query("SELECT 1 FROM audit_events WHERE action = 'pii.revealed' AND entity_id = :id", { replacements: { id: leaderMemberId }, type: QueryTypes.SELECT });
    expect(audits).to.have.length(1);

    // the member comes back to their link and withdraws: the number is erased
    await member.reload();
    await member.click('#consent-withdraw');
    await member.click('#consent-withdraw-step-confirm');
    await member.waitForSelector('#consent-withdrawn');
    await page.reload();
    await page.waitForSelector('#roster-table');
    expect(await page.locator(`#roster-table tr[data-member="${memberId}"]`).getAttribute('data-consent-status')).to.equal('withdrawn');
    expect(cspViolations, 'CSP violations').to.deep.equal([]);
  });

  it('when the firm calculates and submits a member’s residence points, then an officer confirms them with a reason and the recognition letter is issued', async () => {
    const firm = await signedInApplicant(app.baseUrl);
    const team = await firm.client.post('/api/talent-teams', { name: '积分浏览器团队', members: [{ name: '刘洋', role: 'core', idNumber: validResidentId(), consent: true }] });
    const memberId = team.body.members[0].id;
    // the member's facts as the firm last saved them (the page starts from the draft)
    const facts = {
      permitCity: 'guangzhou', permitValidTo: '2021-12-31', permitYears: 5, ownsHome: false, rentalYears: 3, movedOutYears: 0, socialInsuranceMonths: 60,
      insuranceYears: { pension: 5, medical: 5, unemployment: 5, workInjury: 5, maternity: 5 }, education: 'bachelor', skill: 'mid_title', skillMatchesJob: true,
      patents: [], hteYears: 2, bloodDonations: 1, volunteerHours: 120, criminalRecord5y: false,
    };
    expect((await firm.client.post(`/api/talent-teams/${team.body.id}/members/${memberId}/points`, { facts, asOf: '2021-06-30' })).status).to.equal(200);

    const page = await newPage();
    await signIn(page, firm.input.email);
    await page.goto(`${app.baseUrl}/teams/${team.body.id}/members/${memberId}/points`);
    await page.click('#points-calculate');
    await page.waitForSelector('#points-breakdown');
    expect(await page.locator('tr[data-score-item="PT-B3"]').getAttribute('data-points')).to.match(/^50/);
    expect(await seriousAccessibilityViolations(page), 'points page').to.deep.equal([]);
    await page.click('#points-submit');
    await page.click('#points-submit-step-confirm');
    await page.waitForSelector('#points-submitted');

    const { user: officerUser } = await signedInStaff(app.baseUrl, app.db, ['officer']);
    const officer = await newPage();
    await signIn(officer, officerUser.email);
    await officer.goto(`${app.baseUrl}/recognition`);
    await officer.waitForSelector('#recognition-queue');
    expect(await seriousAccessibilityViolations(officer), 'queue').to.deep.equal([]);
    // the queue holds every firm's requests (other tests name members 刘洋 too): take this firm's by its id
    const [own] = (await firm.client.get(`/api/recognition-requests?teamId=${team.body.id}`)).body.items;
    const requestId = own.id as string;
    expect(await officer.locator(`#recognition-queue tr[data-request="${requestId}"]`).getAttribute('data-status')).to.equal('submitted');
    expect(await officer.textContent(`#recognition-queue tr[data-request="${requestId}"]`)).to.contain('刘洋');
    await officer.click(`#recognition-open-${requestId}`);
    await officer.waitForSelector('#adjust-PT-P5-points');
    await officer.fill('#adjust-PT-P5-points', '6');
    await officer.click('#recognition-confirm');
    // a changed value needs its reason
    await officer.waitForSelector('#adjust-PT-P5-reason[aria-invalid="true"]');
    await officer.fill('#adjust-PT-P5-reason', '近三年个人所得税纳税记录核实');
    await officer.click('#recognition-confirm');
    await officer.click('#recognition-confirm-step-confirm');
    await officer.waitForSelector('#recognition-done');
    await officer.waitForSelector('#recognition-letter-download');
    expect(await seriousAccessibilityViolations(officer), 'review').to.deep.equal([]);
    const confirmed = await firm.client.get(`/api/recognition-requests/${requestId}`);
    expect(confirmed.body).to.include({ status: 'confirmed', confirmedPoints: confirmed.body.computedPoints + 6 });
    expect(confirmed.body.letters[0].kind).to.equal('recognition');
    expect(cspViolations, 'CSP violations').to.deep.equal([]);
  });
});

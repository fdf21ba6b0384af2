import crypto from 'node:crypto';
import { expect } from 'chai';
import { startTestApp, type TestApp } from '../../support/app.ts';
import { TestClient } from '../../support/client.ts';
import { signedInStaff } from '../../support/factories.ts';
import { beijingDate } from '../../../server/lib/dates.ts';
import { noticePeriod } from '../../../server/modules/notices/working-days.ts';
import { pdfText } from '../../support/pdf.ts';
import { scoredCall, UNICORN_AWARD } from './support.ts';

/** A visitor without an account: gets a CSRF token for the anonymous session first, as the public page does. */
async function anonymousVisitor(baseUrl: string, language = 'zh-CN') {
  const visitor = new TestClient(baseUrl);
  visitor.language = language;
  const token = await visitor.get('/api/auth/csrf');
  expect(token.status).to.equal(200);
  visitor.csrfToken = token.body.csrfToken;
  return visitor;
}

describe('public notice, objections and revocation', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp();
  });
  after(async () => {
    await app.close();
  });

  it('when approvals are published, then the notice lasts ten working days, lists the firms publicly, and an upheld objection revokes the approval and releases the budget', async () => {
    const { call, officer, firms } = await scoredCall(app, [0.9, 0.8], 10_000_000);
    for (const firm of firms) {
      const decided = await officer.post(`/api/applications/${firm.applicationId}/decision`, { outcome: 'approved', reasons: [] });
      expect(decided.status, decided.text).to.equal(200);
    }
    const published = await officer.post(`/api/calls/${call.id}/notices`, {});
    expect(published.status, published.text).to.equal(201);
    const today = beijingDate();
    const calendar = await app.db.sequelize.query("SELECT day::text, kind FROM public_holidays", { type: 'SELECT' } as never) as unknown as { day: string; kind: 'holiday' | 'workday' }[];
    const expected = noticePeriod(today, 10, new Map(calendar.map((d) => [d.day, d.kind])));
    expect(published.body).to.include({ startsOn: expected.startsOn, endsOn: expected.endsOn, workingDays: 10 });
    expect(published.body.items).to.have.length(2);
    expect(published.body.items[0]).to.include({ amount: UNICORN_AWARD, status: 'listed' });
    const noticed = await officer.get(`/api/applications/${firms[0].applicationId}`);
    expect(noticed.body.status).to.equal('noticed');
    expect((await officer.post(`/api/calls/${call.id}/notices`, {})).body.code).to.equal('nothing_to_notice');

    const visitor = await anonymousVisitor(app.baseUrl);
    const list = await visitor.get('/api/notices');
    expect(list.body.items.some((n: { id: string }) => n.id === published.body.id)).to.equal(true);
    const page = await visitor.get(`/api/notices/${published.body.id}`);
    expect(page.status).to.equal(200);
    expect(page.body.items.map((i: { company: { uscc: string } }) => i.company.uscc)).to.have.length(2);

    // objections: named, with a contact, about a listed firm; CSRF applies to visitors too
    const target = firms[1].applicationId;
    const objector = `zhangsan-${crypto.randomUUID().slice(0, 8)}@example.cn`;
    const objection = { applicationId: target, name: '张三', contact: objector, content: '该企业申报的研发费用与实际情况不符，请核查。' };
    expect((await visitor.post(`/api/notices/${published.body.id}/objections`, objection, { csrf: false })).status).to.equal(403);
    const badContact = await visitor.post(`/api/notices/${published.body.id}/objections`, { ...objection, contact: 'not a contact' });
    expect(badContact.status, badContact.text).to.equal(400);
    expect(badContact.body.errors[0].field).to.equal('contact');
    const unlisted = await visitor.post(`/api/notices/${published.body.id}/objections`, { ...objection, applicationId: '00000000-0000-4000-8000-000000000000' });
    expect(unlisted.status, unlisted.text).to.equal(400);
    expect(unlisted.body.errors[0].field).to.equal('applicationId');
    const filed = await visitor.post(`/api/notices/${published.body.id}/objections`, objection);
    expect(filed.status, filed.text).to.equal(201);
    expect(filed.body.reference).to.match(/^YY\d{8}-[0-9A-F]{6}$/);
    const second = await visitor.post(`/api/notices/${published.body.id}/objections`, { ...objection, name: '李四', contact: '13800138000' });
    expect(second.status).to.equal(201);

    // only officers read objections (with contacts)
    expect((await visitor.get(`/api/notices/${published.body.id}/objections`)).status).to.equal(401);
    const objections = await officer.get(`/api/notices/${published.body.id}/objections`);
    expect(objections.body.items).to.have.length(2);
    expect(objections.body.items[0]).to.include({ name: '张三', contact: objector, status: 'pending' });

    const upheld = await officer.post(`/api/objections/${filed.body.id}/resolution`, { outcome: 'upheld', reason: '经核查，研发费用存在虚报。' });
    expect(upheld.status, upheld.text).to.equal(200);
    expect(upheld.body.status).to.equal('upheld');
    expect((await officer.post(`/api/objections/${filed.body.id}/resolution`, { outcome: 'dismissed', reason: '重复' })).body.code).to.equal('objection_resolved');
    // the second objection about the same firm can be upheld too, without revoking (or releasing budget) twice
    const secondRuling = await officer.post(`/api/objections/${second.body.id}/resolution`, { outcome: 'upheld', reason: '同一事实，已撤销' });
    expect(secondRuling.status, secondRuling.text).to.equal(200);
    expect(secondRuling.body.letterId).to.equal(null);

    const revoked = await firms[1].client.get(`/api/applications/${target}`);
    expect(revoked.body.status).to.equal('revoked');
    expect(revoked.body.decision.revoked.reason).to.equal('经核查，研发费用存在虚报。');
    const kinds = revoked.body.letters.map((l: { kind: string }) => l.kind);
    expect(kinds).to.deep.equal(['approval', 'revocation']);
    expect((await officer.get(`/api/calls/${call.id}/ranking`)).body.call.committed).to.equal(UNICORN_AWARD);
    const ranking = await officer.get(`/api/calls/${call.id}/ranking`);
    expect(ranking.body.call.committed).to.equal(UNICORN_AWARD);
    const after = await visitor.get(`/api/notices/${published.body.id}`);
    expect(after.body.items.find((i: { applicationId: string }) => i.applicationId === target).status).to.equal('revoked');

    // the approval letter now verifies as revoked; the revocation letter names the objection
    const approvalLetter = revoked.body.letters[0];
    expect((await visitor.get(`/api/verify/${approvalLetter.verifyCode}`)).body.status).to.equal('revoked');
    // the revoked approval cannot be reissued (the revocation letter can)
    expect((await officer.post(`/api/letters/${approvalLetter.id}/reissue`, { reason: '补发' })).body.code).to.equal('letter_outdated');
    expect((await officer.post(`/api/letters/${revoked.body.letters[1].id}/reissue`, { reason: '更正笔误' })).status).to.equal(201);
    const revocationText = await pdfText((await firms[1].client.download(`/api/letters/${revoked.body.letters[1].id}/pdf`)).content);
    expect(revocationText).to.include(filed.body.reference).and.include('经核查，研发费用存在虚报');

    // the objector hears back by e-mail (queued in the ruling's transaction)
    const mails = (await app.db.sequelize.query('SELECT template FROM mail_outbox WHERE to_address = :objector ORDER BY id', { replacements: { objector }, type: 'SELECT' } as never)) as unknown as { template: string }[];
    expect(mails.map((m) => m.template)).to.deep.equal(['objection-received', 'objection-resolved']);
  });

  it('when a notice has not started, then objections are refused as closed; publishing in the past is refused', async () => {
    const { call, officer, firms } = await scoredCall(app, [0.9], 10_000_000);
    await officer.post(`/api/applications/${firms[0].applicationId}/decision`, { outcome: 'approved', reasons: [] });
    const past = await officer.post(`/api/calls/${call.id}/notices`, { startsOn: '2020-01-01' });
    expect(past.status).to.equal(400);
    expect(past.body.errors[0].field).to.equal('startsOn');
    for (const startsOn of ['2027-02-30', '9999-12-31', '2027-13-01', 'tomorrow']) {
      const odd = await officer.post(`/api/calls/${call.id}/notices`, { startsOn });
      expect(odd.status, `${startsOn}: ${odd.text}`).to.equal(400);
      expect(odd.body.errors[0].field).to.equal('startsOn');
    }
    const later = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
    const published = await officer.post(`/api/calls/${call.id}/notices`, { startsOn: later, workingDays: 5 });
    expect(published.status, published.text).to.equal(201);
    expect(published.body.status).to.equal('upcoming');
    const visitor = await anonymousVisitor(app.baseUrl, 'en');
    const refused = await visitor.post(`/api/notices/${published.body.id}/objections`, { applicationId: firms[0].applicationId, name: 'Wang Wu', contact: '020-12345678', content: 'This firm did not do the research it claims.' });
    expect(refused.status).to.equal(409);
    expect(refused.body).to.include({ code: 'notice_closed' });
    expect(refused.body.title).to.match(/notice period/);
  });

  it('when an administrator corrects the holiday calendar, then it is stored per year and days outside the year are refused', async () => {
    const { client: admin } = await signedInStaff(app.baseUrl, app.db, ['admin']);
    const original = await admin.get('/api/holidays?year=2026');
    expect(original.body.items.length).to.be.greaterThan(20);
    expect(original.body.items.find((d: { day: string }) => d.day === '2026-10-01')).to.include({ kind: 'holiday' });
    const outside = await admin.put('/api/holidays/2026', { days: [{ day: '2027-01-01', kind: 'holiday', nameZh: '元旦', nameEn: 'New Year' }] });
    expect(outside.status).to.equal(400);
    expect(outside.body.errors[0].field).to.equal('days[0].day');
    const twice = await admin.put('/api/holidays/2026', { days: [{ day: '2026-10-01', kind: 'holiday', nameZh: '国庆', nameEn: 'National Day' }, { day: '2026-10-01', kind: 'holiday', nameZh: '国庆', nameEn: 'National Day' }] });
    expect(twice.status, twice.text).to.equal(400);
    expect(twice.body.errors[0].field).to.equal('days[1]');
    const { client: officer } = await signedInStaff(app.baseUrl, app.db, ['officer']);
    expect((await officer.put('/api/holidays/2026', { days: [] })).status).to.equal(403);
    const replaced = await admin.put('/api/holidays/2026', {
      days: original.body.items.map((d: { day: string; kind: string; name: { zh: string; en: string }; source: string }) => ({ day: d.day, kind: d.kind, nameZh: d.name.zh, nameEn: d.name.en, source: d.source })),
    });
    expect(replaced.status, replaced.text).to.equal(200);
    expect(replaced.body.items).to.deep.equal(original.body.items);
  });
});

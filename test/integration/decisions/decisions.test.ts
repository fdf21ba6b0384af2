import crypto from 'node:crypto';
import { expect } from 'chai';
import { startTestApp, type TestApp } from '../../support/app.ts';
import { signedInApplicant } from '../../support/factories.ts';
import { pdfText } from '../../support/pdf.ts';
import { scoredCall, UNICORN_AWARD } from './support.ts';

describe('decisions within the budget', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp();
  });
  after(async () => {
    await app.close();
  });

  it('when a call is ranked, then ties go to the earlier submission and the funding line falls where the budget runs out; approving to the line commits exactly that', async () => {
    // four firms; the second and third score the same (the second submitted first); room for three awards
    const { call, officer, firms } = await scoredCall(app, [0.6, 0.8, 0.8, 0.9], 3 * UNICORN_AWARD + 1_000_000);
    const ranking = await officer.get(`/api/calls/${call.id}/ranking`);
    expect(ranking.status, ranking.text).to.equal(200);
    const order = ranking.body.items.map((i: { applicationId: string }) => i.applicationId);
    expect(order).to.deep.equal([firms[3].applicationId, firms[1].applicationId, firms[2].applicationId, firms[0].applicationId]);
    expect(ranking.body.items.map((i: { aboveLine: boolean }) => i.aboveLine)).to.deep.equal([true, true, true, false]);
    expect(ranking.body.items[0].award.amount).to.equal(UNICORN_AWARD);
    expect(ranking.body.lineAfterRank).to.equal(3);
    expect(ranking.body.budget).to.deep.equal({ total: 3 * UNICORN_AWARD + 1_000_000, committed: 0, proposed: 3 * UNICORN_AWARD, remaining: 1_000_000 });
    expect(ranking.body.tieBreak.en).to.match(/earlier submission/);

    // a stale list is refused whole
    const stale = await officer.post(`/api/calls/${call.id}/decisions/approve-to-line`, { applicationIds: order.slice(0, 2) });
    expect(stale.status).to.equal(409);
    expect(stale.body.code).to.equal('ranking_changed');

    const approved = await officer.post(`/api/calls/${call.id}/decisions/approve-to-line`, { applicationIds: order.slice(0, 3) });
    expect(approved.status, approved.text).to.equal(200);
    expect(approved.body.approved).to.have.length(3);
    expect(approved.body.budget).to.deep.equal({ total: 3 * UNICORN_AWARD + 1_000_000, committed: 3 * UNICORN_AWARD, remaining: 1_000_000 });

    // the fourth does not fit: refused with the budget's figures, nothing written
    const over = await officer.post(`/api/applications/${firms[0].applicationId}/decision`, { outcome: 'approved', reasons: [] });
    expect(over.status).to.equal(409);
    expect(over.body.code).to.equal('budget_exceeded');
    const unchanged = await officer.get(`/api/applications/${firms[0].applicationId}`);
    expect(unchanged.body.status).to.equal('scored');
    expect(unchanged.body.letters).to.deep.equal([]);

    // a rejection needs structured reasons, and a note for "other"
    const bare = await officer.post(`/api/applications/${firms[0].applicationId}/decision`, { outcome: 'rejected' });
    expect(bare.status).to.equal(400);
    expect(bare.body.errors[0].field).to.equal('reasons');
    const other = await officer.post(`/api/applications/${firms[0].applicationId}/decision`, { outcome: 'rejected', reasons: ['other'] }, { headers: { 'Accept-Language': 'en' } });
    expect(other.status).to.equal(400);
    expect(other.body.errors[0]).to.include({ field: 'note' });
    const rejected = await officer.post(`/api/applications/${firms[0].applicationId}/decision`, { outcome: 'rejected', reasons: ['budget_exhausted', 'score_below_line'] });
    expect(rejected.status, rejected.text).to.equal(200);
    expect(rejected.body.status).to.equal('rejected');
    expect(rejected.body.letter.kind).to.equal('rejection');

    const after = await officer.get(`/api/calls/${call.id}/ranking`);
    expect(after.body.call.committed).to.equal(3 * UNICORN_AWARD);
    expect(after.body.items.filter((i: { decision: unknown }) => i.decision !== null)).to.have.length(4);
    const audit = await app.db.sequelize.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'decision.made' AND entity_id IN (:ids)`, {
      replacements: { ids: order },
      type: 'SELECT',
    } as never);
    expect((audit as unknown as [{ n: number }])[0].n).to.equal(4);
  });

  it('when an amount is lowered, then a reason is required, an amount above the award is refused, and the letter states both', async () => {
    const { officer, firms } = await scoredCall(app, [0.8], 10_000_000);
    const id = firms[0].applicationId;
    const above = await officer.post(`/api/applications/${id}/decision`, { outcome: 'approved', amount: UNICORN_AWARD + 1, reasons: [] });
    expect(above.status).to.equal(400);
    expect(above.body.errors[0].field).to.equal('amount');
    const noReason = await officer.post(`/api/applications/${id}/decision`, { outcome: 'approved', amount: 2_000_000, reasons: [] });
    expect(noReason.status).to.equal(400);
    expect(noReason.body.errors[0].field).to.equal('amountReason');
    const lowered = await officer.post(`/api/applications/${id}/decision`, { outcome: 'approved', amount: 2_000_000, amountReason: '研发费用专项审计调减', reasons: [] });
    expect(lowered.status, lowered.text).to.equal(200);
    expect(lowered.body.decision).to.include({ amount: 2_000_000, awardAmount: UNICORN_AWARD, amountReason: '研发费用专项审计调减' });
    const pdf = await firms[0].client.download(`/api/letters/${lowered.body.letter.id}/pdf`);
    const text = await pdfText(pdf.content);
    expect(text).to.include('2,000,000').and.include('2,900,000').and.include('研发费用专项审计调减');
    // a decided application cannot be decided again
    const again = await officer.post(`/api/applications/${id}/decision`, { outcome: 'rejected', reasons: ['other'], note: 'x' });
    expect(again.status).to.equal(409);
    expect(again.body.code).to.equal('invalid_transition');
  });

  it('when approvals race against one budget, then exactly the ones that fit are approved, the committed sum is exact and letter numbers stay gapless', async () => {
    const fits = 3;
    const { call, officer, firms } = await scoredCall(app, [0.9, 0.85, 0.8, 0.75, 0.7, 0.65], fits * UNICORN_AWARD + 500_000);
    const replies = await Promise.all(firms.map((firm) => officer.post(`/api/applications/${firm.applicationId}/decision`, { outcome: 'approved', reasons: [] })));
    const statuses = replies.map((r) => r.status).sort();
    expect(statuses).to.deep.equal([200, 200, 200, 409, 409, 409]);
    expect(replies.filter((r) => r.status === 409).every((r) => r.body.code === 'budget_exceeded')).to.equal(true);
    const calls = await app.db.sequelize.query('SELECT committed::bigint AS committed FROM calls WHERE id = :id', { replacements: { id: call.id }, type: 'SELECT' } as never);
    expect(Number((calls as unknown as [{ committed: string }])[0].committed)).to.equal(fits * UNICORN_AWARD);
    const decided = await app.db.sequelize.query('SELECT coalesce(sum(amount), 0)::bigint AS total, count(*)::int AS n FROM decisions WHERE call_id = :id', { replacements: { id: call.id }, type: 'SELECT' } as never);
    expect((decided as unknown as [{ total: string; n: number }]).map((r) => ({ total: Number(r.total), n: r.n }))).to.deep.equal([{ total: fits * UNICORN_AWARD, n: fits }]);
    // every number of the year is used exactly once, from 1 up (rolled-back letters gave theirs back)
    const numbers = (await app.db.sequelize.query('SELECT year, array_agg(DISTINCT number ORDER BY number) AS numbers FROM letters GROUP BY year', { type: 'SELECT' } as never)) as unknown as { numbers: number[] }[];
    for (const { numbers: used } of numbers) expect(used).to.deep.equal(used.map((_, i) => i + 1));
  });

  it('when the firm’s contact signs in in English, then the letter and its e-mail are in English', async () => {
    const { officer, firms } = await scoredCall(app, [0.8], 10_000_000);
    const firm = firms[0];
    firm.client.language = 'en';
    expect((await firm.client.signIn(firm.input.email, firm.input.password)).status).to.equal(200);
    const decided = await officer.post(`/api/applications/${firm.applicationId}/decision`, { outcome: 'rejected', reasons: ['score_below_line'] });
    expect(decided.status, decided.text).to.equal(200);
    const [letter] = (await firm.client.get(`/api/applications/${firm.applicationId}/letters`)).body.items;
    expect(letter.language).to.equal('en');
    const text = await pdfText((await firm.client.download(`/api/letters/${letter.id}/pdf`)).content);
    expect(text).to.include('Rejection Letter').and.include('The score is below the funding line').and.include('administrative reconsideration');
    const [mail] = (await app.db.sequelize.query("SELECT language FROM mail_outbox WHERE application_id = :id AND template = 'decision-issued'", { replacements: { id: firm.applicationId }, type: 'SELECT' } as never)) as unknown as { language: string }[];
    expect(mail.language).to.equal('en');
  });

  it('when a firm downloads its letter, then the PDF holds the company, reference and amount, its hash matches, and anyone can verify it; other firms get 404', async () => {
    const { officer, firms } = await scoredCall(app, [0.8], 10_000_000);
    const firm = firms[0];
    const decided = await officer.post(`/api/applications/${firm.applicationId}/decision`, { outcome: 'approved', reasons: [] });
    expect(decided.status, decided.text).to.equal(200);
    const list = await firm.client.get(`/api/applications/${firm.applicationId}/letters`);
    expect(list.status).to.equal(200);
    const [letter] = list.body.items;
    expect(letter.reference).to.match(/^穗科创〔\d{4}〕\d+号$/);
    expect(letter).to.include({ kind: 'approval', version: 1, status: 'current' });

    const pdf = await firm.client.download(`/api/letters/${letter.id}/pdf`);
    expect(pdf.status).to.equal(200);
    expect(pdf.headers.get('content-type')).to.equal('application/pdf');
    expect(pdf.headers.get('content-disposition')).to.match(/^attachment/);
    expect(crypto.createHash('sha256').update(pdf.content).digest('hex')).to.equal(letter.sha256);
    const text = await pdfText(pdf.content);
    const view = await firm.client.get(`/api/applications/${firm.applicationId}`);
    expect(text).to.include(view.body.company.name).and.include(letter.reference).and.include('2,900,000').and.include(letter.verifyCode);
    expect(text).to.include('行政复议').and.include('UNI-E01');

    const stranger = await signedInApplicant(app.baseUrl);
    expect((await stranger.client.download(`/api/letters/${letter.id}/pdf`)).status).to.equal(404);
    expect((await stranger.client.get(`/api/applications/${firm.applicationId}/letters`)).status).to.equal(404);

    const anonymous = new (firm.client.constructor as typeof import('../../support/client.ts').TestClient)(app.baseUrl);
    const verified = await anonymous.get(`/api/verify/${letter.verifyCode}`);
    expect(verified.status, verified.text).to.equal(200);
    expect(verified.body).to.include({ reference: letter.reference, company: view.body.company.name, outcome: 'approved', sha256: letter.sha256, status: 'valid', amount: UNICORN_AWARD });
    expect(verified.body.programme).to.equal('unicorn-cultivation');
    expect(verified.body.programmeName.zh).to.include('独角兽');
    expect((await anonymous.get('/api/verify/ZZZZZZZZZZZZ')).status).to.equal(404);

    // a reissue keeps the reference, takes the next version and supersedes the old letter
    const reissued = await officer.post(`/api/letters/${letter.id}/reissue`, { reason: '企业名称变更' });
    expect(reissued.status, reissued.text).to.equal(201);
    expect(reissued.body).to.include({ reference: letter.reference, version: 2, status: 'current' });
    expect(reissued.body.sha256).to.not.equal(letter.sha256);
    const old = await anonymous.get(`/api/verify/${letter.verifyCode}`);
    expect(old.body.status).to.equal('superseded');
    expect(old.body.supersededBy).to.include({ reference: letter.reference, version: 2 });
    const twice = await officer.post(`/api/letters/${letter.id}/reissue`, { reason: '再次补发' });
    expect(twice.status).to.equal(409);
    expect(twice.body.code).to.equal('letter_superseded');
    const reissuedText = await pdfText((await firm.client.download(`/api/letters/${reissued.body.id}/pdf`)).content);
    expect(reissuedText).to.include('企业名称变更');

    // the decision and its letters are on the application, with the payment schedule
    const after = await firm.client.get(`/api/applications/${firm.applicationId}`);
    expect(after.body.decision).to.include({ outcome: 'approved', amount: UNICORN_AWARD, stage: 'first' });
    expect(after.body.decision.paymentSchedule.map((p: { amount: number }) => p.amount)).to.deep.equal([UNICORN_AWARD]);
    expect(after.body.letters.map((l: { status: string }) => l.status)).to.deep.equal(['superseded', 'current']);
  });
});

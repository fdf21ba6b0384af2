import { expect } from 'chai';
import { startTestApp, type TestApp } from '../../support/app.ts';
import { pdfBytes } from '../../support/files.ts';
import { pdfText } from '../../support/pdf.ts';
import { assignmentOf, createReviewer, scoreAndSubmit } from '../reviews/support.ts';
import { scoredCall, UNICORN_AWARD } from './support.ts';

describe('appeals', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp();
  });
  after(async () => {
    await app.close();
  });

  it('when a rejected firm appeals with evidence, then reviewers not on the first panel re-review it and the officer’s decision comes as an appeal outcome letter', async () => {
    const { call, officer, firms, pool } = await scoredCall(app, [0.5], 10_000_000);
    const firm = firms[0];
    const id = firm.applicationId;
    const rejected = await officer.post(`/api/applications/${id}/decision`, { outcome: 'rejected', reasons: ['score_below_line'] });
    expect(rejected.status, rejected.text).to.equal(200);
    const view = await firm.client.get(`/api/applications/${id}`);
    const decidedOn = view.body.decision.decidedAt;
    expect(view.body.decision.appealDeadline).to.match(/^\d{4}-\d{2}-\d{2}$/);
    expect(Date.parse(view.body.decision.appealDeadline) - Date.parse(decidedOn.slice(0, 10))).to.be.within(29 * 86_400_000, 31 * 86_400_000);

    // evidence: only appeal evidence may be added to a rejected application
    const wrongKind = await firm.client.upload(`/api/applications/${id}/documents`, { kind: 'business_licence' }, { name: 'x.pdf', content: pdfBytes('x'), type: 'application/pdf' });
    expect(wrongKind.status).to.equal(400);
    const evidence = await firm.client.upload(`/api/applications/${id}/documents`, { kind: 'appeal_evidence' }, { name: '补充说明.pdf', content: pdfBytes('appeal'), type: 'application/pdf' });
    expect(evidence.status, evidence.text).to.equal(201);
    const short = await firm.client.post(`/api/applications/${id}/appeal`, { reasons: '太短' });
    expect(short.status).to.equal(400);
    expect(short.body.errors[0].field).to.equal('reasons');
    const appealed = await firm.client.post(`/api/applications/${id}/appeal`, { reasons: '专家对融资情况的评分未考虑 2024 年完成的 B 轮融资，现补充证明材料。', documentIds: [evidence.body.id] });
    expect(appealed.status, appealed.text).to.equal(201);
    expect(appealed.body.status).to.equal('appealed');
    expect(appealed.body.appeal).to.include({ status: 'filed' });
    expect(appealed.body.appeal.documents.map((d: { filename: string }) => d.filename)).to.deep.equal(['补充说明.pdf']);
    expect((await firm.client.post(`/api/applications/${id}/appeal`, { reasons: '再次申请复核，理由同上，请予以受理。' })).body.code).to.equal('appeal_exists');

    // not yet re-reviewed: the officer cannot decide
    expect((await officer.post(`/api/applications/${id}/decision`, { outcome: 'approved', reasons: [] })).body.code).to.equal('appeal_not_reviewed');

    // the appeal panel: the whole pool plus three new reviewers are offered; nobody from the first panel is seated
    const fresh = [
      await createReviewer(app, officer, { kind: 'technical', fields: ['electronic_information'] }),
      await createReviewer(app, officer, { kind: 'technical', fields: ['biomedicine'] }),
      await createReviewer(app, officer, { kind: 'financial', fields: ['finance'] }),
    ];
    const before = await officer.get(`/api/appeals?callId=${call.id}`);
    expect(before.body.items[0]).to.include({ status: 'filed', applicationId: id });
    const firstPanel: string[] = before.body.items[0].firstPanel;
    expect(firstPanel).to.have.length(3);
    const offered = [...pool.all, ...fresh];
    const run = await officer.post(`/api/calls/${call.id}/assignments`, { reviewerIds: offered.map((r) => r.id) });
    expect(run.status, run.text).to.equal(200);
    const seated: string[] = run.body.created.filter((c: { applicationId: string }) => c.applicationId === id).map((c: { reviewerId: string }) => c.reviewerId);
    expect(seated).to.have.length(3);
    expect(seated.filter((r) => firstPanel.includes(r))).to.deep.equal([]);
    expect(offered.filter((r) => seated.includes(r.id)).some((r) => r.kind === 'financial')).to.equal(true);
    expect((await officer.get(`/api/appeals?callId=${call.id}`)).body.items[0].status).to.equal('in_review');

    const appealPanel = offered.filter((r) => seated.includes(r.id));
    for (const reviewer of appealPanel) {
      const assignment = await assignmentOf(reviewer, id);
      const detail = await reviewer.client.get(`/api/reviews/${assignment!.id}`);
      expect(detail.body.panel.submitted).to.equal(0); // the first panel's three sheets are not this panel's
    }
    for (const reviewer of appealPanel) {
      const assignment = await assignmentOf(reviewer, id);
      const submitted = await scoreAndSubmit(reviewer, assignment!.id, assignment!.rubric, 0.9);
      expect(submitted.status, submitted.text).to.equal(200);
    }
    const reviewed = await firm.client.get(`/api/applications/${id}`);
    expect(reviewed.body.status).to.equal('appealed');
    expect(reviewed.body.appeal).to.include({ status: 'reviewed' });
    expect(reviewed.body.appeal.score).to.be.greaterThan(80);

    const upheld = await officer.post(`/api/applications/${id}/decision`, { outcome: 'approved', reasons: [] });
    expect(upheld.status, upheld.text).to.equal(200);
    expect(upheld.body.status).to.equal('approved');
    expect(upheld.body.decision).to.include({ stage: 'appeal', amount: UNICORN_AWARD });
    expect(upheld.body.letter.kind).to.equal('appeal_outcome');
    const text = await pdfText((await firm.client.download(`/api/letters/${upheld.body.letter.id}/pdf`)).content);
    expect(text).to.include('复核结果通知书').and.include('2,900,000');
    const final = await firm.client.get(`/api/applications/${id}`);
    expect(final.body.appeal.status).to.equal('decided');
    expect(final.body.letters.map((l: { kind: string }) => l.kind)).to.deep.equal(['rejection', 'appeal_outcome']);
  });

  it('when thirty days have passed since the rejection, then the appeal is refused; firms of other companies cannot appeal', async () => {
    const { officer, firms } = await scoredCall(app, [0.5], 10_000_000);
    const id = firms[0].applicationId;
    await officer.post(`/api/applications/${id}/decision`, { outcome: 'rejected', reasons: ['criteria_not_met'] });
    // the rejection was made 31 days ago (Beijing days)
    await app.db.sequelize.query("UPDATE decisions SET decided_at = now() - interval '31 days' WHERE application_id = :id", { replacements: { id } });
    const late = await firms[0].client.post(`/api/applications/${id}/appeal`, { reasons: '我们不同意该决定，请重新评审。理由见附件。' }, { headers: { 'Accept-Language': 'en' } });
    expect(late.status).to.equal(409);
    expect(late.body.code).to.equal('appeal_window_closed');
    expect(late.body.title).to.equal('The time to appeal has passed');
    const status = await firms[0].client.get(`/api/applications/${id}`);
    expect(status.body.status).to.equal('rejected');
    const { firms: others } = await scoredCall(app, [0.5], 10_000_000);
    expect((await others[0].client.post(`/api/applications/${id}/appeal`, { reasons: '别人的申报不应能被我方申请复核。' })).status).to.equal(404);
  });
});

import { expect } from 'chai';
import { startTestApp, type TestApp } from '../../support/app.ts';
import { signedInApplicant } from '../../support/factories.ts';
import { assignmentOf, createReviewer, fullSheet, openReviewedCall, scoreAndSubmit, submittedApplication } from './support.ts';

type Rubric = { items: { id: string; max: number }[] };

/** A unicorn call with one application and a full 3-person panel (one financial, two technical). */
async function unicornPanel(app: TestApp) {
  const { call, officer } = await openReviewedCall(app, 'unicorn-cultivation', 3);
  const firm = await submittedApplication(app, call.id, 'unicorn-cultivation');
  const reviewers = [
    await createReviewer(app, officer, { kind: 'financial', fields: ['finance'] }),
    await createReviewer(app, officer, { kind: 'technical', fields: [] }),
    await createReviewer(app, officer, { kind: 'technical', fields: [] }),
  ];
  const run = await officer.post(`/api/calls/${call.id}/assignments`, { reviewerIds: reviewers.map((r) => r.id) });
  if (run.body.created?.length !== 3) throw new Error(`panel not formed: ${run.text}`);
  const seats = await Promise.all(reviewers.map(async (r) => (await assignmentOf(r, firm.applicationId))!));
  return { call, officer, firm, reviewers, seats, rubric: seats[0].rubric as Rubric };
}

describe('scoring and moderation', function () {
  this.timeout(180_000);
  let app: TestApp;
  before(async () => {
    app = await startTestApp();
  });
  after(() => app.close());

  it('when a reviewer has not declared on conflicts, then the application, its documents and the sheet stay closed', async () => {
    const { reviewers, seats, firm } = await unicornPanel(app);
    const [reviewer, seat] = [reviewers[0], seats[0]];
    const before = await reviewer.client.get(`/api/reviews/${seat.id}`);
    expect(before.status).to.equal(200);
    expect(before.body.application).to.equal(null);
    expect(before.body.company.name).to.equal(firm.input.company.name);
    const save = await reviewer.client.put(`/api/reviews/${seat.id}/scores`, { scores: { U1: 20 }, comments: {} });
    expect(save.status).to.equal(409);
    expect(save.body.code).to.equal('conflict_not_declared');

    const declared = await reviewer.client.post(`/api/reviews/${seat.id}/conflict`, { conflict: false });
    expect(declared.body.application.facts.valuationUsd).to.equal(500_000_000);
    const document = declared.body.application.documents[0];
    const file = await reviewer.client.get(`/api/reviews/${seat.id}/documents/${document.id}`);
    expect(file.status).to.equal(200);
    expect(file.headers.get('content-disposition')).to.match(/attachment/);
    // another reviewer cannot read this one's assignment or documents
    expect((await reviewers[1].client.get(`/api/reviews/${seat.id}`)).status).to.equal(404);
    expect((await reviewers[1].client.get(`/api/reviews/${seat.id}/documents/${document.id}`)).status).to.equal(404);
    // firms and officers do not use the reviewer console
    expect((await firm.client.get('/api/reviews')).status).to.equal(403);
  });

  it('when scores are outside an item’s range, unknown or too precise, then 400 names the item; a full sheet without comments cannot be submitted', async () => {
    const { reviewers, seats } = await unicornPanel(app);
    const [reviewer, seat] = [reviewers[0], seats[0]];
    await reviewer.client.post(`/api/reviews/${seat.id}/conflict`, { conflict: false });
    const high = await reviewer.client.put(`/api/reviews/${seat.id}/scores`, { scores: { U1: 26 }, comments: {} });
    expect(high.status).to.equal(400);
    expect(high.body.errors).to.deep.equal([{ field: 'scores.U1', message: '分值应在 0 到 25 之间' }]);
    const english = await reviewer.client.request('PUT', `/api/reviews/${seat.id}/scores`, { json: { scores: { U2: -1 }, comments: {} }, headers: { 'Accept-Language': 'en' } });
    expect(english.body.errors[0].message).to.equal('The score must be between 0 and 25');
    const unknown = await reviewer.client.put(`/api/reviews/${seat.id}/scores`, { scores: { Z9: 1 }, comments: {} });
    expect(unknown.body.errors[0].field).to.equal('scores.Z9');
    const precise = await reviewer.client.put(`/api/reviews/${seat.id}/scores`, { scores: { U1: 10.125 }, comments: {} });
    expect(precise.body.errors[0].field).to.equal('scores.U1');
    const text = await reviewer.client.put(`/api/reviews/${seat.id}/scores`, { scores: { U1: '10' }, comments: {} });
    expect(text.status).to.equal(400);

    const draft = await reviewer.client.put(`/api/reviews/${seat.id}/scores`, { scores: { U1: 20, U2: 18.5 }, comments: { U1: '团队完整' } });
    expect(draft.status).to.equal(200);
    expect(draft.body.scores).to.deep.equal({ U1: 20, U2: 18.5 });
    expect(draft.body.total).to.equal(38.5);
    const early = await reviewer.client.post(`/api/reviews/${seat.id}/submit`);
    expect(early.status).to.equal(400);
    expect(early.body.errors.map((e: { field: string }) => e.field)).to.have.members(['comments.U2', 'scores.U3', 'comments.U3', 'scores.U4', 'comments.U4']);
    const stored = await app.db.sequelize.query(`SELECT status FROM review_assignments WHERE id = :id`, { replacements: { id: seat.id }, plain: true });
    expect(stored).to.deep.equal({ status: 'assigned' });
  });

  it('when the whole panel submits, then the application is scored with the mean per item and total, sheets are read-only, and reviewers see each other only then', async () => {
    const { reviewers, seats, rubric, firm, officer } = await unicornPanel(app);
    const fractions = [0.8, 0.72, 0.64];
    // the first two submit; the panel stays blind
    for (const i of [0, 1]) expect((await scoreAndSubmit(reviewers[i], seats[i].id, rubric, fractions[i])).status).to.equal(200);
    const blind = await reviewers[0].client.get(`/api/reviews/${seats[0].id}`);
    expect(blind.body.panel).to.deep.include({ size: 3, submitted: 2, complete: false, reviews: null, mean: null });
    const locked = await reviewers[0].client.put(`/api/reviews/${seats[0].id}/scores`, fullSheet(rubric, 0.1));
    expect(locked.status).to.equal(409);
    expect(locked.body.code).to.equal('review_submitted');
    const stillInReview = await firm.client.get(`/api/applications/${firm.applicationId}`);
    expect(stillInReview.body.status).to.equal('in_review');
    // officers cannot pull a reviewer who has submitted
    const pulled = await officer.delete(`/api/reviews/${seats[0].id}`);
    expect(pulled.body.code).to.equal('review_submitted');

    const last = await scoreAndSubmit(reviewers[2], seats[2].id, rubric, fractions[2]);
    expect(last.status).to.equal(200);
    expect(last.body.panel.complete).to.equal(true);
    // each item scored 20, 18, 16 (25 × 0.8, 0.72, 0.64) → mean 18; totals 80, 72, 64 → 72
    expect(last.body.panel.mean).to.deep.equal({ items: { U1: 18, U2: 18, U3: 18, U4: 18 }, total: 72 });
    expect(last.body.panel.reviews.map((r: { total: number; own: boolean }) => [r.total, r.own])).to.deep.equal([[80, false], [72, false], [64, true]]);
    const scored = await firm.client.get(`/api/applications/${firm.applicationId}`);
    expect(scored.body.status).to.equal('scored');
    expect(scored.body.history.map((h: { to: string }) => h.to)).to.include.members(['in_review', 'scored']);
    // the firm never sees reviewers' scores
    expect(JSON.stringify(scored.body)).to.not.include('review_result');

    const sheet = await officer.get(`/api/applications/${firm.applicationId}/scores`);
    expect(sheet.body.score).to.deep.include({ final: 72, spread: 16, flagged: true, moderated: null });
    expect(sheet.body.reviews).to.have.length(3);
  });

  it('when reviewers disagree by more than the margin, then the officer moderates with a reason and the history keeps both scores', async () => {
    const { reviewers, seats, rubric, firm, officer, call } = await unicornPanel(app);
    const early = await officer.post(`/api/applications/${firm.applicationId}/moderation`, { total: 70, reason: '复核' });
    expect(early.status).to.equal(409);
    expect(early.body.code).to.equal('not_scored');
    await Promise.all(reviewers.map((r, i) => scoreAndSubmit(r, seats[i].id, rubric, [0.9, 0.5, 0.6][i])));
    const panels = await officer.get(`/api/calls/${call.id}/panels`);
    const item = panels.body.items.find((i: { applicationId: string }) => i.applicationId === firm.applicationId);
    expect(item.score).to.deep.include({ flagged: true, spread: 40, final: 68 }); // item scores 23, 13, 15 → totals 92, 52, 60
    expect(panels.body.summary).to.deep.include({ applications: 1, scored: 1, flagged: 1 });

    const noReason = await officer.post(`/api/applications/${firm.applicationId}/moderation`, { total: 70, reason: '  ' });
    expect(noReason.status).to.equal(400);
    expect(noReason.body.errors[0].field).to.equal('reason');
    const tooHigh = await officer.post(`/api/applications/${firm.applicationId}/moderation`, { total: 120, reason: '复核' });
    expect(tooHigh.body.errors[0].field).to.equal('total');
    const moderated = await officer.post(`/api/applications/${firm.applicationId}/moderation`, { total: 70, reason: '专家甲的意见有充分依据，经会商取 70 分' });
    expect(moderated.status, moderated.text).to.equal(201);
    const second = await officer.post(`/api/applications/${firm.applicationId}/moderation`, { total: 68.5, reason: '复核后调整' });
    expect(second.status).to.equal(201);

    const sheet = await officer.get(`/api/applications/${firm.applicationId}/scores`);
    expect(sheet.body.score.mean.total).to.equal(68);
    expect(sheet.body.score.final).to.equal(68.5);
    expect(sheet.body.moderations.map((m: { previousTotal: number; total: number }) => [m.previousTotal, m.total])).to.deep.equal([[68, 70], [70, 68.5]]);
    const audit = await app.db.models.AuditEvent.count({ where: { action: 'application.score_moderated', entityId: firm.applicationId } });
    expect(audit).to.equal(2);
    await expectRejected(app, `UPDATE score_moderations SET total = 0 WHERE application_id = '${firm.applicationId}'`);
  });

  it('when the last two reviewers submit at the same moment, then the application becomes scored exactly once (repeated)', async () => {
    for (let round = 0; round < 8; round += 1) {
      const { reviewers, seats, rubric, firm } = await unicornPanel(app);
      expect((await scoreAndSubmit(reviewers[0], seats[0].id, rubric, 0.8)).status).to.equal(200);
      for (const i of [1, 2]) {
        await reviewers[i].client.post(`/api/reviews/${seats[i].id}/conflict`, { conflict: false });
        await reviewers[i].client.put(`/api/reviews/${seats[i].id}/scores`, fullSheet(rubric, 0.7));
      }
      const replies = await Promise.all([1, 2].map((i) => reviewers[i].client.post(`/api/reviews/${seats[i].id}/submit`)));
      expect(replies.map((r) => r.status)).to.deep.equal([200, 200]);
      const transitions = await app.db.models.ApplicationTransition.count({ where: { applicationId: firm.applicationId, toStatus: 'scored' } });
      const audits = await app.db.models.AuditEvent.count({ where: { action: 'application.scored', entityId: firm.applicationId } });
      expect([transitions, audits], `round ${round}`).to.deep.equal([1, 1]);
    }
  });

  it('when a programme hides applicant identity, then reviewers see no company name, and officers change the margin that flags panels', async () => {
    const { officer } = await openReviewedCall(app, 'unicorn-cultivation', 3);
    const anonymous = await signedInApplicant(app.baseUrl);
    expect((await anonymous.client.request('PATCH', '/api/programmes/unicorn-cultivation/review-settings', { json: { blindIdentity: true } })).status).to.equal(403);
    try {
      const set = await officer.patch('/api/programmes/unicorn-cultivation/review-settings', { blindIdentity: true, spreadMargin: 50 });
      expect(set.status).to.equal(200);
      expect(set.body).to.deep.equal({ blindIdentity: true, spreadMargin: 50 });
      const programme = await officer.get('/api/programmes/unicorn-cultivation');
      expect(programme.body.reviewSettings).to.deep.equal({ blindIdentity: true, spreadMargin: 50 });

      const { reviewers, seats, rubric, firm } = await unicornPanel(app);
      const view = await reviewers[0].client.get(`/api/reviews/${seats[0].id}`);
      expect(view.body.company).to.equal(null);
      const list = await reviewers[0].client.get('/api/reviews');
      expect(JSON.stringify(list.body)).to.not.include(firm.input.company.name);
      await Promise.all(reviewers.map((r, i) => scoreAndSubmit(r, seats[i].id, rubric, [0.9, 0.5, 0.6][i])));
      const sheet = await officer.get(`/api/applications/${firm.applicationId}/scores`);
      // spread 40 is within a margin of 50
      expect(sheet.body.score.flagged).to.equal(false);
    } finally {
      await officer.patch('/api/programmes/unicorn-cultivation/review-settings', { blindIdentity: false, spreadMargin: 15 });
    }
  });

  it('when a high-tech reviewer scores section A above 30 with the bonus, then the section is capped at 30', async () => {
    const { call, officer } = await openReviewedCall(app, 'high-tech-enterprise', 5);
    const firm = await submittedApplication(app, call.id, 'high-tech-enterprise');
    const reviewer = await createReviewer(app, officer, { kind: 'technical', fields: ['electronic_information'] });
    const added = await officer.post(`/api/applications/${firm.applicationId}/assignments`, { reviewerId: reviewer.id });
    await reviewer.client.post(`/api/reviews/${added.body.id}/conflict`, { conflict: false });
    const saved = await reviewer.client.put(`/api/reviews/${added.body.id}/scores`, { scores: { A1: 8, A2: 8, A3: 8, A4: 6, A5: 2, B: 28 }, comments: {} });
    expect(saved.body.total).to.equal(58);
    // the platform's proposed bands come from the frozen screening
    expect(saved.body.proposal.map((p: { id: string; min: number; max: number }) => [p.id, p.min, p.max])).to.deep.include.members([['A3', 7, 8], ['B', 25, 30]]);
    const a1 = saved.body.rubric.items.find((i: { id: string }) => i.id === 'A1');
    expect(a1.bands[0]).to.deep.equal({ code: 'A', min: 7, max: 8 });
  });
});

async function expectRejected(app: TestApp, sql: string) {
  let failure: unknown = null;
  try {
    await app.db.sequelize.query(sql);
  } catch (error) {
    failure = error;
  }
  expect(String(failure)).to.match(/append-only/);
}


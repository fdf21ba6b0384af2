import { expect } from 'chai';
import { startTestApp, type TestApp } from '../../support/app.ts';
import { signedInApplicant } from '../../support/factories.ts';
import { createReviewer, openReviewedCall, reviewerPool, submittedApplication } from './support.ts';

type Panel = { applicationId: string; status: string; required: number; active: number; assignments: { id: string; reviewer: { id: string; kind: string }; status: string }[] };

describe('review assignment', function () {
  this.timeout(120_000);
  let app: TestApp;
  before(async () => {
    app = await startTestApp();
  });
  after(() => app.close());

  it('when an officer assigns a high-tech call, then every application gets 5 distinct reviewers, at least one financial and 60% technical, matched to its field, and each reviewer is e-mailed', async () => {
    const { call, officer } = await openReviewedCall(app, 'high-tech-enterprise', 5);
    const pool = await reviewerPool(app, officer);
    const applications = [
      await submittedApplication(app, call.id, 'high-tech-enterprise'),
      await submittedApplication(app, call.id, 'high-tech-enterprise', { techField: 'biomedicine' }),
    ];
    const run = await officer.post(`/api/calls/${call.id}/assignments`, { perApplication: 5, reviewerIds: pool.all.map((r) => r.id) });
    expect(run.status, run.text).to.equal(200);
    expect(run.body.created).to.have.length(10);
    expect(run.body.unfilled).to.deep.equal([]);

    const panels = await officer.get(`/api/calls/${call.id}/panels`);
    expect(panels.status).to.equal(200);
    expect(panels.body.rules).to.deep.equal({ minSize: 5, minFinancial: 1, minTechnicalShare: 0.6 });
    for (const application of applications) {
      const panel = (panels.body.items as Panel[]).find((p) => p.applicationId === application.applicationId)!;
      expect(panel.status).to.equal('in_review');
      const seated = panel.assignments.map((a) => a.reviewer.id);
      expect(new Set(seated).size).to.equal(5);
      const financial = panel.assignments.filter((a) => a.reviewer.kind === 'financial').length;
      expect(financial).to.be.at.least(1);
      expect((5 - financial) / 5).to.be.at.least(0.6);
    }
    // the biomedicine application has the biomedicine expert; the electronic one both electronic experts
    const bio = (panels.body.items as Panel[]).find((p) => p.applicationId === applications[1].applicationId)!;
    expect(bio.assignments.map((a) => a.reviewer.id)).to.include(pool.technical[2].id);
    const electronic = (panels.body.items as Panel[]).find((p) => p.applicationId === applications[0].applicationId)!;
    expect(electronic.assignments.map((a) => a.reviewer.id)).to.include.members([pool.technical[0].id, pool.technical[1].id]);

    const mail = await app.db.models.MailOutbox.findAll({ where: { template: 'review-assigned', toAddress: pool.all.map((r) => r.email) } });
    expect(new Set(mail.map((m) => m.toAddress)).size).to.equal(mail.length);
    expect(mail.length).to.equal(new Set(run.body.created.map((c: { reviewerId: string }) => c.reviewerId)).size);

    const reviewerView = await pool.financial[0].client.get('/api/reviews');
    const own = reviewerView.body.items.filter((i: { call: { id: string } }) => i.call.id === call.id);
    expect(own.length).to.be.greaterThan(0);
    expect(own[0].rubric.items.map((i: { id: string }) => i.id)).to.deep.equal(['A1', 'A2', 'A3', 'A4', 'A5', 'B', 'C1', 'C2', 'C3', 'C4', 'D1', 'D2']);
    expect(own[0].status).to.equal('assigned');
  });

  it('when the run is repeated, then it only fills gaps and assigns nothing twice', async () => {
    const { call, officer } = await openReviewedCall(app, 'unicorn-cultivation', 3);
    const pool = await reviewerPool(app, officer);
    await submittedApplication(app, call.id, 'unicorn-cultivation');
    const ids = pool.all.map((r) => r.id);
    const first = await officer.post(`/api/calls/${call.id}/assignments`, { reviewerIds: ids });
    expect(first.body.created).to.have.length(3);
    const second = await officer.post(`/api/calls/${call.id}/assignments`, { reviewerIds: ids });
    expect(second.status).to.equal(200);
    expect(second.body.created).to.deep.equal([]);
    const both = await Promise.all([1, 2].map(() => officer.post(`/api/calls/${call.id}/assignments`, { perApplication: 4, reviewerIds: ids })));
    expect(both.map((r) => r.status)).to.deep.equal([200, 200]);
    expect(both[0].body.created.length + both[1].body.created.length).to.equal(1);
  });

  it('when many applications share a pool, then the load is balanced within one assignment of each other', async () => {
    const { call, officer } = await openReviewedCall(app, 'unicorn-cultivation', 3);
    const reviewers = [
      await createReviewer(app, officer, { kind: 'financial', fields: ['finance'] }),
      await createReviewer(app, officer, { kind: 'financial', fields: ['finance'] }),
      ...(await Promise.all([1, 2, 3, 4].map(() => createReviewer(app, officer, { kind: 'technical', fields: ['electronic_information'] })))),
    ];
    for (let i = 0; i < 6; i += 1) await submittedApplication(app, call.id, 'unicorn-cultivation');
    const run = await officer.post(`/api/calls/${call.id}/assignments`, { reviewerIds: reviewers.map((r) => r.id) });
    expect(run.body.created).to.have.length(18);
    const load = reviewers.map((r) => run.body.created.filter((c: { reviewerId: string }) => c.reviewerId === r.id).length);
    // 6 financial seats over 2 financial experts; 12 other seats over 4 technical experts
    expect(load.slice(0, 2)).to.deep.equal([3, 3]);
    expect(Math.max(...load.slice(2)) - Math.min(...load.slice(2))).to.be.at.most(1);
  });

  it('when reviewers are tied to a firm by affiliation in the last three years or by mail domain, then they are never assigned to it, by the run or by hand', async () => {
    const { call, officer } = await openReviewedCall(app, 'unicorn-cultivation', 3);
    const firm = await submittedApplication(app, call.id, 'unicorn-cultivation');
    const firmDomain = firm.input.email.split('@')[1];
    const uscc = firm.input.company.uscc;
    const lastYear = `${new Date().getUTCFullYear() - 1}-06-30`;
    const longAgo = `${new Date().getUTCFullYear() - 5}-01-01`;
    const formerEmployee = await createReviewer(app, officer, {
      kind: 'technical',
      fields: [],
      affiliations: [{ uscc, name: firm.input.company.name, relation: 'employer', from: '2015-01-01', to: lastYear }],
    });
    const shareholder = await createReviewer(app, officer, { kind: 'financial', fields: ['finance'], affiliations: [{ uscc, name: 'x', relation: 'holding', from: null, to: null }] });
    const sameDomain = await createReviewer(app, officer, { kind: 'technical', fields: [], domain: firmDomain });
    const longGone = await createReviewer(app, officer, { kind: 'technical', fields: [], affiliations: [{ uscc, name: 'x', relation: 'employer', from: '2010-01-01', to: longAgo }] });
    const others = [
      await createReviewer(app, officer, { kind: 'financial', fields: ['finance'] }),
      await createReviewer(app, officer, { kind: 'technical', fields: [] }),
    ];
    const pool = [formerEmployee, shareholder, sameDomain, longGone, ...others];
    const run = await officer.post(`/api/calls/${call.id}/assignments`, { reviewerIds: pool.map((r) => r.id) });
    expect(run.status).to.equal(200);
    const seated = run.body.created.map((c: { reviewerId: string }) => c.reviewerId);
    expect(seated).to.have.members([longGone.id, ...others.map((r) => r.id)]);
    expect(run.body.conflicts.map((c: { reviewerId: string; reason: string }) => [c.reviewerId, c.reason])).to.have.deep.members([
      [formerEmployee.id, 'affiliation'],
      [shareholder.id, 'affiliation'],
      [sameDomain.id, 'mail_domain'],
    ]);
    for (const conflicted of [formerEmployee, shareholder, sameDomain]) {
      const byHand = await officer.post(`/api/applications/${firm.applicationId}/assignments`, { reviewerId: conflicted.id });
      expect(byHand.status).to.equal(409);
      expect(byHand.body.code).to.equal('reviewer_conflict');
    }
    const panels = await officer.get(`/api/calls/${call.id}/panels`);
    expect(panels.body.items[0].assignments).to.have.length(3);
    const runAudit = await app.db.models.AuditEvent.findOne({ where: { action: 'review.assignment_run', entityId: call.id } });
    expect((runAudit!.meta as { conflicts: unknown[] }).conflicts).to.have.length(3);
  });

  it('when a reviewer records a new affiliation on their own profile, then it is checked, listed for officers and honoured by the next run', async () => {
    const { call, officer } = await openReviewedCall(app, 'unicorn-cultivation', 3);
    const firm = await submittedApplication(app, call.id, 'unicorn-cultivation');
    const reviewer = await createReviewer(app, officer, { kind: 'financial', fields: ['finance'] });
    const bad = await reviewer.client.put('/api/reviewer-profile', { fields: ['finance'], affiliations: [{ uscc: '91440101MA59TE5TX0', name: 'x', relation: 'holding' }] });
    expect(bad.status).to.equal(400);
    expect(bad.body.errors[0].field).to.equal('affiliations[0].uscc');
    const saved = await reviewer.client.put('/api/reviewer-profile', {
      fields: ['finance'],
      affiliations: [{ uscc: firm.input.company.uscc, name: firm.input.company.name, relation: 'holding', from: '2024-01-01', to: null }],
    });
    expect(saved.status, saved.text).to.equal(200);
    expect(saved.body).to.deep.include({ kind: 'financial', fields: ['finance'] });
    expect((await reviewer.client.get('/api/reviewer-profile')).body.affiliations).to.have.length(1);
    // a reviewer cannot change their own kind, and the pool is for officers only
    expect((await reviewer.client.put('/api/reviewer-profile', { kind: 'technical', fields: [], affiliations: [] })).status).to.equal(400);
    expect((await reviewer.client.get('/api/reviewers')).status).to.equal(403);
    const pool = await officer.get('/api/reviewers');
    expect(pool.body.items.find((r: { id: string }) => r.id === reviewer.id).affiliations[0].uscc).to.equal(firm.input.company.uscc);
    const run = await officer.post(`/api/calls/${call.id}/assignments`, { reviewerIds: [reviewer.id] });
    expect(run.body.created).to.deep.equal([]);
    expect(run.body.conflicts).to.deep.equal([{ applicationId: firm.applicationId, reviewerId: reviewer.id, reason: 'affiliation' }]);
  });

  it('when a reviewer declares a conflict, then the seat is released, audited, and the next run fills it with someone else', async () => {
    const { call, officer } = await openReviewedCall(app, 'unicorn-cultivation', 3);
    const pool = await reviewerPool(app, officer);
    const firm = await submittedApplication(app, call.id, 'unicorn-cultivation');
    const ids = pool.all.map((r) => r.id);
    const run = await officer.post(`/api/calls/${call.id}/assignments`, { reviewerIds: ids });
    const seat = run.body.created[0] as { id: string; reviewerId: string };
    const reviewer = pool.all.find((r) => r.id === seat.reviewerId)!;

    const noNote = await reviewer.client.post(`/api/reviews/${seat.id}/conflict`, { conflict: true, note: ' ' });
    expect(noNote.status).to.equal(400);
    expect(noNote.body.errors[0].field).to.equal('note');
    const declared = await reviewer.client.post(`/api/reviews/${seat.id}/conflict`, { conflict: true, note: '我曾为该企业提供咨询服务' });
    expect(declared.status).to.equal(200);
    expect(declared.body.status).to.equal('released');
    expect(declared.body.application).to.equal(null);
    const again = await reviewer.client.post(`/api/reviews/${seat.id}/conflict`, { conflict: false });
    expect(again.status).to.equal(409);

    const events = await app.db.models.AuditEvent.findAll({ where: { entityType: 'review_assignment', entityId: seat.id } });
    expect(events.map((e) => e.action)).to.include('review.conflict_declared');

    const refill = await officer.post(`/api/calls/${call.id}/assignments`, { reviewerIds: ids });
    expect(refill.body.created).to.have.length(1);
    expect(refill.body.created[0].reviewerId).to.not.equal(seat.reviewerId);
    expect(refill.body.created[0].applicationId).to.equal(firm.applicationId);
    const byHand = await officer.post(`/api/applications/${firm.applicationId}/assignments`, { reviewerId: seat.reviewerId });
    expect(byHand.body.code).to.equal('reviewer_conflict');
  });

  it('when an officer assigns and unassigns by hand, then the panel follows and duplicates or unknown reviewers are refused', async () => {
    const { call, officer } = await openReviewedCall(app, 'unicorn-cultivation', 3);
    const firm = await submittedApplication(app, call.id, 'unicorn-cultivation');
    const reviewer = await createReviewer(app, officer, { kind: 'financial', fields: ['finance'] });
    const added = await officer.post(`/api/applications/${firm.applicationId}/assignments`, { reviewerId: reviewer.id });
    expect(added.status, added.text).to.equal(201);
    const detail = await firm.client.get(`/api/applications/${firm.applicationId}`);
    expect(detail.body.status).to.equal('in_review');
    const duplicate = await officer.post(`/api/applications/${firm.applicationId}/assignments`, { reviewerId: reviewer.id });
    expect(duplicate.body.code).to.equal('already_assigned');
    const removed = await officer.delete(`/api/reviews/${added.body.id}`);
    expect(removed.status).to.equal(204);
    const view = await reviewer.client.get(`/api/reviews/${added.body.id}`);
    expect(view.body.status).to.equal('released');
    const unknown = await officer.post(`/api/applications/${firm.applicationId}/assignments`, { reviewerId: (await signedInApplicant(app.baseUrl)).user.id });
    expect(unknown.status).to.equal(400);
    expect(unknown.body.errors[0].field).to.equal('reviewerId');
  });

  it('when the panel is smaller than the programme allows or the programme has no expert review, then the run is refused', async () => {
    const { call, officer } = await openReviewedCall(app, 'high-tech-enterprise', 5);
    const small = await officer.post(`/api/calls/${call.id}/assignments`, { perApplication: 3 });
    expect(small.status).to.equal(400);
    expect(small.body.errors[0].field).to.equal('perApplication');
    const sme = await officer.post('/api/calls', {
      programme: 'tech-sme',
      title: '无评审批次',
      opensAt: new Date(Date.now() - 3_600_000).toISOString(),
      closesAt: new Date(Date.now() + 3_600_000).toISOString(),
      budget: 1000,
    });
    const refused = await officer.post(`/api/calls/${sme.body.id}/assignments`, {});
    expect(refused.status).to.equal(409);
    expect(refused.body.code).to.equal('review_not_applicable');
  });
});

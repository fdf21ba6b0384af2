import { expect } from 'chai';
import { startTestApp, type TestApp } from '../../support/app.ts';
import { TestClient } from '../../support/client.ts';
import { signedInApplicant } from '../../support/factories.ts';
import { UNICORN_AWARD } from '../decisions/support.ts';
import { openReviewedCall, submittedApplication } from '../reviews/support.ts';

describe('what-if simulation', () => {
  let app: TestApp;
  let callId: string;
  let officer: TestClient;
  let ids: string[];
  const valuations = [500_000_000, 200_000_000, 150_000_000, 120_000_000, 90_000_000];

  before(async () => {
    app = await startTestApp();
    const opened = await openReviewedCall(app, 'unicorn-cultivation', 3);
    callId = opened.call.id;
    officer = opened.officer;
    ids = [];
    for (const valuationUsd of valuations) {
      // below the US$100 million line the submission is screened out at once
      const firm = await submittedApplication(app, callId, 'unicorn-cultivation', { valuationUsd }, valuationUsd < 100_000_000 ? 'ineligible' : 'submitted');
      ids.push(firm.applicationId);
    }
  });
  after(async () => {
    await app.close();
  });

  const stored = async () =>
    (await app.db.sequelize.query(`SELECT id, status, version, screening, updated_at FROM applications WHERE call_id = :callId ORDER BY id`, { replacements: { callId } }))[0];

  it('when the valuation line is raised, then exactly the applications between the lines flip to ineligible, with counts and the money that goes with them, and nothing stored changes', async () => {
    const before = await stored();
    const reply = await officer.post(`/api/calls/${callId}/simulate`, { parameters: { 'UNI-E04.minValuationUsd': 160_000_000 } });
    expect(reply.status, reply.text).to.equal(200);
    const { body } = reply;
    expect(body.total).to.equal(5);
    expect(body.unchanged).to.equal(3);
    expect(body.changed.map((c: { applicationId: string }) => c.applicationId).sort()).to.deep.equal([ids[2], ids[3]].sort());
    expect(body.changed.every((c: { before: string; after: string }) => c.before === 'eligible' && c.after === 'ineligible')).to.equal(true);
    expect(body.changed[0].companyName).to.be.a('string').and.not.equal('');
    expect(body.parameters).to.deep.include({ id: 'UNI-E04.minValuationUsd', label: body.parameters[0].label, unit: 'usd', before: 100_000_000, after: 160_000_000 });
    const e04 = body.criteria.find((c: { id: string }) => c.id === 'UNI-E04');
    expect(e04.before).to.deep.equal({ pass: 4, fail: 1 });
    expect(e04.after).to.deep.equal({ pass: 2, fail: 3 });
    expect(e04.name.en).to.match(/Valuation/);
    expect(body.outcomes).to.deep.equal({ before: { eligible: 4, ineligible: 1 }, after: { eligible: 2, ineligible: 3 } });
    expect(body.budget).to.include({ eligibleAwardsBefore: 4 * UNICORN_AWARD, eligibleAwardsAfter: 2 * UNICORN_AWARD, delta: -2 * UNICORN_AWARD, total: 10_000_000, committed: 0 });
    expect(body.cancelled).to.equal(false);
    expect(await stored()).to.deep.equal(before);
  });

  it('when the line is lowered, then the screened-out application flips to eligible', async () => {
    const reply = await officer.post(`/api/calls/${callId}/simulate`, { parameters: { 'UNI-E04.minValuationUsd': 80_000_000 } });
    expect(reply.status, reply.text).to.equal(200);
    expect(reply.body.changed).to.deep.equal([{ applicationId: ids[4], companyName: reply.body.changed[0].companyName, before: 'ineligible', after: 'eligible' }]);
    expect(reply.body.unchanged).to.equal(4);
    expect(reply.body.budget.delta).to.equal(UNICORN_AWARD);
  });

  it('when a parameter is unknown, of another shape or out of range, then 400 names it and nothing runs', async () => {
    const unknown = await officer.post(`/api/calls/${callId}/simulate`, { parameters: { 'UNI-E99.nothing': 1 } });
    expect(unknown.status).to.equal(400);
    expect(unknown.body.code).to.equal('validation_failed');
    expect(unknown.body.errors.map((e: { field: string }) => e.field)).to.deep.equal(['parameters.UNI-E99.nothing']);
    const shape = await officer.post(`/api/calls/${callId}/simulate`, { parameters: { 'UNI-E04.minValuationUsd': 'a lot' } });
    expect(shape.status).to.equal(400);
    expect(shape.body.errors[0].field).to.equal('parameters.UNI-E04.minValuationUsd');
    const negative = await officer.post(`/api/calls/${callId}/simulate`, { parameters: { 'UNI-E04.minValuationUsd': -5 } });
    expect(negative.status).to.equal(400);
    const empty = await officer.post(`/api/calls/${callId}/simulate`, { parameters: {} });
    expect(empty.status).to.equal(400);
  });

  it('when anyone but an officer asks, or the call is unknown, then 401 / 403 / 404', async () => {
    const anonymous = new TestClient(app.baseUrl);
    expect((await anonymous.post(`/api/calls/${callId}/simulate`, { parameters: { 'UNI-E04.minValuationUsd': 1 } })).status).to.equal(401);
    const firm = await signedInApplicant(app.baseUrl);
    expect((await firm.client.post(`/api/calls/${callId}/simulate`, { parameters: { 'UNI-E04.minValuationUsd': 1 } })).status).to.equal(403);
    const missing = await officer.post(`/api/calls/${crypto.randomUUID()}/simulate`, { parameters: { 'UNI-E04.minValuationUsd': 1 } });
    expect(missing.status).to.equal(404);
  });
});

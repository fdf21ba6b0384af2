import { expect } from 'chai';
import { startTestApp, type TestApp } from '../../support/app.ts';
import { TestClient } from '../../support/client.ts';

describe('programmes and calls', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp();
  });
  after(() => app.close());

  it('when the catalogue is read, then the five programmes come with zh/en names, summaries and their policy basis', async () => {
    const reply = await new TestClient(app.baseUrl).get('/api/programmes');
    expect(reply.status).to.equal(200);
    const codes = reply.body.items.map((p: { code: string }) => p.code);
    expect(codes).to.include.members(['high-tech-enterprise', 'tech-sme', 'unicorn-cultivation', 'talent-team', 'residence-points']);
    for (const programme of reply.body.items) {
      expect(programme.name.zh).to.be.a('string').and.not.empty;
      expect(programme.name.en).to.be.a('string').and.not.empty;
      expect(programme.summary.zh).to.be.a('string').and.not.empty;
      expect(programme.policyBasis).to.be.a('string').and.not.empty;
    }
    expect(reply.body.items.find((p: { code: string }) => p.code === 'high-tech-enterprise').policyBasis).to.include('国科发火〔2016〕32号');
  });

  it('when an unknown programme is asked, then 404', async () => {
    const reply = await new TestClient(app.baseUrl).get('/api/programmes/no-such-programme');
    expect(reply.status).to.equal(404);
  });

  it('when open calls are listed, then only calls open on the server clock are returned', async () => {
    const { Call } = app.db.models;
    const hour = 3_600_000;
    const tag = `T${Date.now()}`;
    const open = await Call.create({ programmeCode: 'tech-sme', title: `${tag} open`, opensAt: new Date(Date.now() - hour), closesAt: new Date(Date.now() + hour), budget: 100, createdBy: null });
    const closed = await Call.create({ programmeCode: 'tech-sme', title: `${tag} closed`, opensAt: new Date(Date.now() - 2 * hour), closesAt: new Date(Date.now() - hour), budget: 100, createdBy: null });
    const upcoming = await Call.create({ programmeCode: 'tech-sme', title: `${tag} upcoming`, opensAt: new Date(Date.now() + hour), closesAt: new Date(Date.now() + 2 * hour), budget: 100, createdBy: null });

    const reply = await new TestClient(app.baseUrl).get('/api/calls?programme=tech-sme&status=open&limit=200');
    const ids = reply.body.items.map((c: { id: string }) => c.id);
    expect(ids).to.include(open.id);
    expect(ids).not.to.include.members([closed.id, upcoming.id]);
    const item = reply.body.items.find((c: { id: string }) => c.id === open.id);
    expect(item).to.include({ programme: 'tech-sme', budget: 100, committed: 0 });
    expect(item).to.include.keys('id', 'programme', 'title', 'opensAt', 'closesAt', 'graceMinutes', 'budget', 'committed', 'reviewersPerApplication', 'ruleSet', 'awardScheme');

    const bad = await new TestClient(app.baseUrl).get('/api/calls?status=whenever');
    expect(bad.status).to.equal(400);
    expect(bad.body.errors[0].field).to.equal('status');
  });
});

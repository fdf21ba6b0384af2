import { expect } from 'chai';
import { startTestApp, type TestApp } from '../../support/app.ts';
import { TestClient } from '../../support/client.ts';
import { signedInApplicant, signedInStaff } from '../../support/factories.ts';
import { scoredCall, UNICORN_AWARD } from '../decisions/support.ts';
import { submittedApplication } from '../reviews/support.ts';

describe('dashboards, plan targets and open data', () => {
  let app: TestApp;
  let callId: string;
  let officer: TestClient;
  before(async () => {
    app = await startTestApp();
    // two scored (90 and 60 points), one screened out on the valuation line; one approved, one rejected
    const scored = await scoredCall(app, [0.9, 0.6], 10_000_000);
    callId = scored.call.id;
    officer = scored.officer;
    await submittedApplication(app, callId, 'unicorn-cultivation', { valuationUsd: 50_000_000 }, 'ineligible');
    expect((await officer.post(`/api/applications/${scored.firms[0].applicationId}/decision`, { outcome: 'approved' })).status).to.equal(200);
    expect((await officer.post(`/api/applications/${scored.firms[1].applicationId}/decision`, { outcome: 'rejected', reasons: ['score_below_line'] })).status).to.equal(200);
  });
  after(async () => {
    await app.close();
  });

  it("when an officer reads a call's figures, then statuses, screening, the failed criterion, scores, budget and processing times match what happened", async () => {
    const reply = await officer.get(`/api/stats?callId=${callId}`);
    expect(reply.status, reply.text).to.equal(200);
    const s = reply.body;
    expect(s.scope).to.deep.include({ callId, programme: 'unicorn-cultivation' });
    expect(s.total).to.equal(3);
    expect(s.byStatus).to.deep.equal([
      { status: 'ineligible', count: 1 },
      { status: 'approved', count: 1 },
      { status: 'rejected', count: 1 },
    ]);
    expect(s.byProgramme).to.have.length(1);
    expect(s.byProgramme[0]).to.deep.include({ programme: 'unicorn-cultivation', applications: 3, submitted: 3, approved: 1, amount: UNICORN_AWARD });
    expect(s.screening).to.deep.equal({ eligible: 2, ineligible: 1, incomplete: 0 });
    expect(s.failedCriteria).to.have.length(1);
    expect(s.failedCriteria[0]).to.deep.include({ id: 'UNI-E04', count: 1 });
    expect(s.failedCriteria[0].name.en).to.match(/Valuation/);
    // the panel's totals as stored (the rubric rounds each item), placed by hand into buckets of ten
    const stored = ((await app.db.sequelize.query(`SELECT score::float8 AS score FROM applications WHERE call_id = :callId AND score IS NOT NULL`, { replacements: { callId } }))[0] as { score: number }[]).map((r) => r.score);
    expect(stored).to.have.length(2);
    expect(s.scores.count).to.equal(2);
    expect(s.scores.mean).to.equal(Math.round(((stored[0] + stored[1]) / 2) * 100) / 100);
    expect(s.scores.buckets).to.have.length(10);
    const expected = Array.from({ length: 10 }, (_, i) => ({ from: i * 10, to: i * 10 + 10, count: stored.filter((v) => Math.min(Math.floor(v / 10), 9) === i).length }));
    expect(s.scores.buckets).to.deep.equal(expected);
    expect(expected.filter((b) => b.count > 0)).to.have.length(2);
    expect(s.budget).to.deep.equal({ total: 10_000_000, committed: UNICORN_AWARD, remaining: 10_000_000 - UNICORN_AWARD });
    expect(s.processing.decided).to.equal(2);
    expect(s.processing.medianDays).to.be.a('number').and.at.least(0).and.below(1);
  });

  it('when the figures are asked per programme or for the platform, then they include the call; a bad scope is 400 and an unknown call 404', async () => {
    const programme = await officer.get('/api/stats?programme=unicorn-cultivation');
    expect(programme.status).to.equal(200);
    expect(programme.body.total).to.be.at.least(3);
    expect(programme.body.byProgramme.map((p: { programme: string }) => p.programme)).to.deep.equal(['unicorn-cultivation']);
    const platform = await officer.get('/api/stats');
    expect(platform.status).to.equal(200);
    expect(platform.body.total).to.be.at.least(programme.body.total);
    expect((await officer.get(`/api/stats?callId=${callId}&programme=unicorn-cultivation`)).status).to.equal(400);
    expect((await officer.get('/api/stats?programme=astrology')).status).to.equal(400);
    expect((await officer.get(`/api/stats?callId=${crypto.randomUUID()}`)).status).to.equal(404);
  });

  it("when officers read the plan's targets, then each seeded target comes with Huiqi's figure; only an administrator corrects one, audited", async () => {
    const list = await officer.get('/api/plan-targets');
    expect(list.status).to.equal(200);
    const ids = list.body.items.map((t: { id: string }) => t.id);
    expect(ids).to.include.members(['PLAN-01', 'HTE-T01', 'HTE-T05', 'HTE-T06', 'TAL-T01']);
    const t05 = list.body.items.find((t: { id: string }) => t.id === 'HTE-T05');
    expect(t05).to.deep.include({ goal: 0.04, unit: 'ratio', level: 'V1' });
    expect(t05.platform.label.zh).to.be.a('string');
    expect(t05.platform.value === null || typeof t05.platform.value === 'number').to.equal(true);
    const t01 = list.body.items.find((t: { id: string }) => t.id === 'HTE-T01');
    expect(t01.platform.value).to.be.a('number');

    expect((await officer.put('/api/plan-targets/HTE-T02', { goal: 12_000 })).status).to.equal(403);
    const { client: admin } = await signedInStaff(app.baseUrl, app.db, ['admin']);
    const changed = await admin.put('/api/plan-targets/HTE-T02', { goal: 12_000, value: { zh: '超过 1.2 万家', en: 'More than 12,000' } });
    expect(changed.status, changed.text).to.equal(200);
    expect(changed.body).to.deep.include({ id: 'HTE-T02', goal: 12_000, value: { zh: '超过 1.2 万家', en: 'More than 12,000' } });
    const [audit] = (await app.db.sequelize.query(`SELECT action, before, after FROM audit_events WHERE entity_type = 'plan_target' AND entity_id = 'HTE-T02' ORDER BY id DESC LIMIT 1`))[0] as { action: string; after: { goal: number } }[];
    expect(audit.action).to.equal('plan_target.updated');
    expect(audit.after.goal).to.equal(12_000);
    const bad = await admin.put('/api/plan-targets/HTE-T02', { goal: -1 });
    expect(bad.status).to.equal(400);
    expect(bad.body.errors[0].field).to.equal('goal');
    expect((await admin.put('/api/plan-targets/XYZ-T99', { goal: 1 })).status).to.equal(404);
  });

  it('when anyone reads the open data, then it holds aggregates per programme and year, counts an approval only once it is published on notice, and nothing about a company', async () => {
    const visitor = new TestClient(app.baseUrl);
    const year = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));
    const unicornOf = (body: { items: { programme: string; year: number; submitted: number; approved: number; amount: number }[] }) =>
      body.items.find((i) => i.programme === 'unicorn-cultivation' && i.year === year)!;
    const before = await visitor.get('/api/open-data');
    expect(before.status).to.equal(200);
    expect(unicornOf(before.body).submitted).to.be.at.least(3);
    for (const item of before.body.items) expect(Object.keys(item).sort()).to.deep.equal(['amount', 'approved', 'name', 'programme', 'submitted', 'year']);

    // the approval becomes public with the notice
    const notice = await officer.post(`/api/calls/${callId}/notices`, {});
    expect(notice.status, notice.text).to.equal(201);
    const after = await visitor.get('/api/open-data');
    expect(unicornOf(after.body).approved).to.equal(unicornOf(before.body).approved + 1);
    expect(unicornOf(after.body).amount).to.equal(unicornOf(before.body).amount + UNICORN_AWARD);
    expect(unicornOf(after.body).submitted).to.equal(unicornOf(before.body).submitted);
  });

  it("when an officer asks for a call's parameters, then they are the frozen versions' with their values; firms and visitors get 403 / 401 on every insight route", async () => {
    const reply = await officer.get(`/api/calls/${callId}/parameters`);
    expect(reply.status).to.equal(200);
    const line = reply.body.items.find((p: { id: string }) => p.id === 'UNI-E04.minValuationUsd');
    expect(line).to.deep.include({ criterion: 'UNI-E04', unit: 'usd', value: 100_000_000 });
    expect(line.ruleSet.kind).to.equal('eligibility');

    const firm = (await signedInApplicant(app.baseUrl)).client;
    const visitor = new TestClient(app.baseUrl);
    const routes: [string, string][] = [
      ['get', '/api/stats'],
      ['get', `/api/stats?callId=${callId}`],
      ['get', '/api/plan-targets'],
      ['put', '/api/plan-targets/HTE-T01'],
      ['get', `/api/calls/${callId}/parameters`],
      ['post', `/api/calls/${callId}/simulate`],
      ['get', `/api/calls/${callId}/export.csv`],
      ['get', `/api/calls/${callId}/export.xlsx`],
    ];
    for (const [method, path] of routes) {
      const body = method === 'get' ? undefined : method === 'put' ? { goal: 1 } : { parameters: { 'UNI-E04.minValuationUsd': 1 } };
      const asFirm = await (firm as unknown as Record<string, (p: string, b?: unknown) => Promise<{ status: number }>>)[method](path, body);
      const asVisitor = await (visitor as unknown as Record<string, (p: string, b?: unknown) => Promise<{ status: number }>>)[method](path, body);
      expect([path, asFirm.status], method).to.deep.equal([path, 403]);
      expect([path, asVisitor.status], method).to.deep.equal([path, 401]);
    }
  });
});

import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { startTestApp, type TestApp } from '../../support/app.ts';
import { TestClient } from '../../support/client.ts';

type Case = { name: string; asOf: string; facts: Record<string, unknown>; expect: { outcome: string; score?: number | null; category?: string | null; award?: number | null } };
const programmes = ['high-tech-enterprise', 'tech-sme', 'unicorn-cultivation', 'talent-team', 'residence-points'];
const casesDir = path.resolve(import.meta.dirname, '../../unit/eligibility/cases');
const casesOf = (programme: string): Case[] => JSON.parse(fs.readFileSync(path.join(casesDir, `${programme}.json`), 'utf8'));

describe('POST /api/programmes/:code/precheck', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp();
  });
  after(() => app.close());

  for (const programme of programmes) {
    it(`when ${programme} facts are pre-checked, then every case-table outcome is answered over HTTP, explained in the caller language`, async () => {
      const client = new TestClient(app.baseUrl);
      for (const testCase of casesOf(programme)) {
        const reply = await client.post(`/api/programmes/${programme}/precheck`, { facts: testCase.facts, asOf: testCase.asOf });
        expect(reply.status, `${testCase.name}: ${reply.text.slice(0, 300)}`).to.equal(200);
        if (testCase.expect.outcome) expect(reply.body.outcome, testCase.name).to.equal(testCase.expect.outcome);
        expect(reply.body.programme).to.equal(programme);
        expect(reply.body.asOf).to.equal(testCase.asOf);
        expect(reply.body.ruleSet).to.have.keys('id', 'version');
        // in the tables null means "absent from the result"
        if (testCase.expect.score !== undefined) expect(reply.body.score ?? null, testCase.name).to.equal(testCase.expect.score);
        if (testCase.expect.category !== undefined) expect(reply.body.category ?? null, testCase.name).to.equal(testCase.expect.category);
        if (testCase.expect.award !== undefined) expect(reply.body.award?.amount ?? null, testCase.name).to.equal(testCase.expect.award);
        for (const criterion of reply.body.criteria) {
          expect(criterion.message, `${testCase.name} ${criterion.id}`).to.be.a('string').and.match(/[\u4e00-\u9fff]/);
          expect(criterion.citation).to.be.a('string').and.not.empty;
          expect(['pass', 'fail', 'review', 'missing']).to.include(criterion.outcome);
        }
      }
    });
  }

  it('when HTE R&D falls short and English is asked, then the message states the share, the requirement and the gap', async () => {
    const client = new TestClient(app.baseUrl);
    client.language = 'en';
    const reply = await client.post('/api/programmes/high-tech-enterprise/precheck', {
      asOf: '2022-06-30',
      facts: { rdExpense: [1_000_000, 1_200_000, 1_600_000], salesRevenue: [30_000_000, 40_000_000, 50_000_000] },
    });
    expect(reply.status).to.equal(200);
    const e05 = reply.body.criteria.find((c: { id: string }) => c.id === 'HTE-E05');
    // 3.8M / 120M = 3.17% < 5%: 2.2M more would reach 6M
    expect(e05.outcome).to.equal('fail');
    expect(e05.message).to.match(/3\.1[67]%/).and.match(/5%/);
    expect(e05.message).to.match(/2,200,000|2\.2 million|220/);
    expect(e05.citation).to.include('第十一条');
    expect(reply.body.outcome).to.equal('ineligible');
  });

  it('when facts are missing, then the outcome is incomplete and the missing criteria say what to give', async () => {
    const reply = await new TestClient(app.baseUrl).post('/api/programmes/tech-sme/precheck', { facts: {} });
    expect(reply.status).to.equal(200);
    expect(reply.body.outcome).to.equal('incomplete');
    expect(reply.body.criteria.every((c: { outcome: string }) => c.outcome === 'missing')).to.equal(true);
  });

  it('when a fact has the wrong type, then 400 validation_failed names the fact', async () => {
    const reply = await new TestClient(app.baseUrl).post('/api/programmes/high-tech-enterprise/precheck', {
      facts: { staffTotal: 'many', rdExpense: [1, 'two'] },
    });
    expect(reply.status).to.equal(400);
    expect(reply.body.code).to.equal('validation_failed');
    const fields = reply.body.errors.map((e: { field: string }) => e.field);
    expect(fields).to.include.members(['facts.staffTotal', 'facts.rdExpense[1]']);
  });

  it('when asOf is not a real date, then 400 on asOf; when the programme is unknown, then 404', async () => {
    const client = new TestClient(app.baseUrl);
    const badDate = await client.post('/api/programmes/tech-sme/precheck', { facts: {}, asOf: '2023-02-30' });
    expect(badDate.status).to.equal(400);
    expect(badDate.body.errors[0].field).to.equal('asOf');
    expect((await client.post('/api/programmes/nope/precheck', { facts: {} })).status).to.equal(404);
  });

  it('when arbitrary JSON is sent as facts, then the answer is 200 or 400, never a 5xx', async () => {
    const client = new TestClient(app.baseUrl);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...programmes), fc.jsonValue(), async (programme, facts) => {
        const reply = await client.post(`/api/programmes/${programme}/precheck`, { facts });
        return reply.status === 200 || reply.status === 400;
      }),
      { numRuns: 60 },
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...programmes), fc.dictionary(fc.constantFrom('staffTotal', 'rdExpense', 'leader', 'patents', 'birthDate', 'equityRounds', 'employees'), fc.jsonValue()), async (programme, facts) => {
        const reply = await client.post(`/api/programmes/${programme}/precheck`, { facts });
        return reply.status === 200 || reply.status === 400;
      }),
      { numRuns: 60 },
    );
  });

  it('when the pre-check is asked more than RATE_LIMIT_PER_MINUTE times by one client, then 429', async () => {
    const limited = await startTestApp({ env: { RATE_LIMIT_PER_MINUTE: '2', TRUST_PROXY: '1' } });
    try {
      const client = new TestClient(limited.baseUrl);
      const ip = `10.20.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await client.post('/api/programmes/tech-sme/precheck', { facts: {} }, { headers: { 'X-Forwarded-For': ip } })).status);
      expect(statuses).to.deep.equal([200, 200, 429]);
    } finally {
      await limited.close();
    }
  });
});

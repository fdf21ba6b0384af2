import { expect } from 'chai';
import crypto from 'node:crypto';
import { startTestApp, type TestApp } from '../../support/app.ts';
import { TestClient } from '../../support/client.ts';
import { signedInApplicant, signedInStaff } from '../../support/factories.ts';

/** Versions published by tests start far in the future, so they never change what other tests screen today. */
function futureDate(): string {
  const day = new Date(Date.UTC(2200, 0, 1) + crypto.randomInt(0, 300_000) * 86_400_000);
  return day.toISOString().slice(0, 10);
}
const dayAfter = (date: string, days = 1) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

// Facts where only HTE-E07 decides: 65% high-tech revenue
const hteFacts = {
  establishedOn: '2015-03-01',
  techField: 'electronic_information',
  ipItems: [{ type: 'invention', registrationNo: 'ZL201510000000.1', grantedOn: '2016-05-01', inForce: true, acquisition: 'self', usedInEarlierRecognition: false }],
  staffTotal: 100,
  staffTech: 30,
  rdExpense: [3_000_000, 3_500_000, 4_000_000],
  rdExpenseDomestic: [3_000_000, 3_500_000, 4_000_000],
  salesRevenue: [40_000_000, 45_000_000, 50_000_000],
  hiTechRevenue: 32_500_000,
  totalRevenue: 50_000_000,
  netAssets: [10_000_000, 14_000_000, 19_000_000],
  transfers: 15,
  majorIncidentLastYear: false,
};

describe('rule-set versions and calls', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp();
  });
  after(() => app.close());

  it('when a programme is read, then its fact schema, documents, cited parameters, criteria and rubric are there', async () => {
    const reply = await new TestClient(app.baseUrl).get('/api/programmes/high-tech-enterprise');
    expect(reply.status).to.equal(200);
    expect(reply.body.factSchema.properties).to.include.keys('rdExpense', 'salesRevenue', 'ipItems', 'techField');
    expect(reply.body.documents.find((d: { kind: string }) => d.kind === 'rd_audit_report')).to.include({ required: true });
    expect(reply.body.ruleSet).to.include({ id: 'hte-2016', kind: 'eligibility' });
    const e07 = reply.body.ruleSet.parameters.find((p: { criterion: string }) => p.criterion === 'HTE-E07');
    expect(e07).to.include({ value: 0.6, unit: 'ratio', evidence: 'V' });
    expect(e07.source).to.include('第十一条(六)');
    expect(reply.body.criteria.map((c: { id: string }) => c.id)).to.deep.equal(['HTE-E01', 'HTE-E02', 'HTE-E03', 'HTE-E04', 'HTE-E05', 'HTE-E06', 'HTE-E07', 'HTE-E08', 'HTE-E09']);
    expect(reply.body.criteria.every((c: { citation: string }) => c.citation)).to.equal(true);
    expect(reply.body.rubric.items.map((i: { max: number }) => i.max).reduce((a: number, b: number) => a + b)).to.equal(102); // A is capped at 30 incl. the A5 bonus
    expect(reply.body.awardSchemes.map((s: { id: string }) => s.id)).to.include.members(['gz-hte-award-2018', 'gz-hte-award-2021']);
    for (const code of ['tech-sme', 'unicorn-cultivation', 'talent-team', 'residence-points']) {
      const other = await new TestClient(app.baseUrl).get(`/api/programmes/${code}`);
      expect(other.status, code).to.equal(200);
      expect(other.body.ruleSet.parameters.length, code).to.be.greaterThan(0);
      expect(other.body.factSchema.type, code).to.equal('object');
    }
  });

  it('when an officer publishes a new version, then pre-checks after its date use it, earlier ones do not, and calls keep the version they froze', async () => {
    const { client: officer } = await signedInStaff(app.baseUrl, app.db, ['officer']);
    // later than every version already stored (the database may hold earlier runs' versions)
    const [rows] = await app.db.sequelize.query("SELECT to_char(max(effective_from), 'YYYY-MM-DD') AS latest FROM rule_sets WHERE id = 'hte-2016' AND kind = 'eligibility'");
    const from = dayAfter((rows as { latest: string }[])[0].latest, 1 + crypto.randomInt(0, 50));

    // a call opening before the new versions freezes the one in force then
    const earlyCall = await officer.post('/api/calls', {
      programme: 'high-tech-enterprise', title: '测试批次（旧规则）', opensAt: `${dayAfter(from, -1)}T01:00:00Z`, closesAt: `${dayAfter(from, 30)}T09:00:00Z`, budget: 1_000_000,
    });
    expect(earlyCall.status, earlyCall.text).to.equal(201);
    const frozenBefore = earlyCall.body.ruleSet;

    const publish = (effectiveFrom: string, share: number) =>
      officer.post('/api/programmes/high-tech-enterprise/rule-sets', {
        basedOn: { id: 'hte-2016', version: 1 },
        effectiveFrom,
        note: `测试：高新收入占比要求 ${share * 100}%`,
        parameters: { 'HTE-E07.minHiTechRevenueShare': share },
      });
    const lenient = await publish(from, 0.6);
    const strict = await publish(dayAfter(from, 10), 0.7);
    expect(strict.status, strict.text).to.equal(201);
    expect(strict.body).to.include({ id: 'hte-2016', kind: 'eligibility', effectiveFrom: dayAfter(from, 10), basedOnVersion: 1 });
    expect(strict.body.version).to.be.greaterThan(lenient.body.version);
    expect(strict.body.parameters.find((p: { id: string }) => p.id === 'HTE-E07.minHiTechRevenueShare').value).to.equal(0.7);

    const audit = await app.db.models.AuditEvent.findOne({ where: { action: 'rule_set.published', entityId: `eligibility:hte-2016:v${strict.body.version}` } });
    expect(audit?.after).to.deep.include({ parameters: { 'HTE-E07.minHiTechRevenueShare': 0.7 } });

    const precheck = (asOf: string) => new TestClient(app.baseUrl).post('/api/programmes/high-tech-enterprise/precheck', { facts: hteFacts, asOf });
    const before = await precheck(dayAfter(from, 9));
    const after = await precheck(dayAfter(from, 11));
    expect(before.body.ruleSet).to.deep.equal({ id: 'hte-2016', version: lenient.body.version });
    expect(before.body.criteria.find((c: { id: string }) => c.id === 'HTE-E07').outcome).to.equal('pass');
    expect(after.body.ruleSet).to.deep.equal({ id: 'hte-2016', version: strict.body.version });
    expect(after.body.criteria.find((c: { id: string }) => c.id === 'HTE-E07').outcome).to.equal('fail');

    // the early call still has its version; a call opening after the date freezes the new one
    const reread = await new TestClient(app.baseUrl).get(`/api/calls/${earlyCall.body.id}`);
    expect(reread.body.ruleSet).to.deep.equal(frozenBefore);
    expect(frozenBefore.version).not.to.be.oneOf([lenient.body.version, strict.body.version]);
    const lateCall = await officer.post('/api/calls', {
      programme: 'high-tech-enterprise', title: '测试批次（新规则）', opensAt: `${dayAfter(from, 12)}T01:00:00Z`, closesAt: `${dayAfter(from, 40)}T09:00:00Z`, budget: 1_000_000,
    });
    expect(lateCall.body.ruleSet).to.deep.equal({ id: 'hte-2016', version: strict.body.version });

    const versions = await officer.get('/api/programmes/high-tech-enterprise/rule-sets');
    const listed = versions.body.items.find((v: { kind: string; version: number }) => v.kind === 'eligibility' && v.version === strict.body.version);
    expect(listed).to.include({ note: '测试：高新收入占比要求 70%', callsUsing: 1 });
  });

  it('when a new version has a wrong value, then 400 names the parameter and nothing is stored', async () => {
    const { client: officer } = await signedInStaff(app.baseUrl, app.db, ['officer']);
    const count = await app.db.models.RuleSet.count();
    const reply = await officer.post('/api/programmes/high-tech-enterprise/rule-sets', {
      basedOn: { id: 'hte-2016', version: 1 },
      effectiveFrom: futureDate(),
      note: '错误的参数',
      parameters: { 'HTE-E07.minHiTechRevenueShare': 60, 'HTE-E04.minTechStaffShare': 'ten percent', 'HTE-E99.nothing': 1 },
    });
    expect(reply.status).to.equal(400);
    expect(reply.body.errors.map((e: { field: string }) => e.field)).to.have.members([
      'parameters.HTE-E07.minHiTechRevenueShare',
      'parameters.HTE-E04.minTechStaffShare',
      'parameters.HTE-E99.nothing',
    ]);
    expect(await app.db.models.RuleSet.count()).to.equal(count);
  });

  it('when an award scheme shares its id with the eligibility rule set, then the kind picks which one to copy', async () => {
    const { client: officer } = await signedInStaff(app.baseUrl, app.db, ['officer']);
    const ambiguous = await officer.post('/api/programmes/talent-team/rule-sets', {
      basedOn: { id: 'yangcheng-team-2016', version: 1 }, effectiveFrom: futureDate(), note: '歧义', parameters: { x: 1 },
    });
    expect(ambiguous.status).to.equal(400);
    expect(ambiguous.body.errors[0].field).to.equal('basedOn.kind');
  });

  it('when an applicant or a stranger tries, then publishing and listing versions are refused', async () => {
    const { client } = await signedInApplicant(app.baseUrl);
    const body = { basedOn: { id: 'hte-2016', version: 1 }, effectiveFrom: futureDate(), note: '越权', parameters: { 'HTE-E07.minHiTechRevenueShare': 0.5 } };
    expect((await client.post('/api/programmes/high-tech-enterprise/rule-sets', body)).status).to.equal(403);
    expect((await client.post('/api/calls', { programme: 'tech-sme', title: '越权批次', opensAt: '2030-01-01T00:00:00Z', closesAt: '2030-02-01T00:00:00Z', budget: 1 })).status).to.equal(403);
    expect((await new TestClient(app.baseUrl).get('/api/programmes/high-tech-enterprise/rule-sets')).status).to.equal(401);
  });

  it('when a stored version is changed directly, then the database refuses it', async () => {
    let error: unknown = null;
    try {
      await app.db.sequelize.query("UPDATE rule_sets SET note = 'tampered' WHERE id = 'hte-2016' AND version = 1");
    } catch (e) {
      error = e;
    }
    expect(String(error)).to.include('immutable');
  });

  it('when a call closes before it opens, then 400 on closesAt', async () => {
    const { client: officer } = await signedInStaff(app.baseUrl, app.db, ['officer']);
    const reply = await officer.post('/api/calls', { programme: 'tech-sme', title: '倒置批次', opensAt: '2030-02-01T00:00:00Z', closesAt: '2030-01-01T00:00:00Z', budget: 1 });
    expect(reply.status).to.equal(400);
    expect(reply.body.errors[0].field).to.equal('closesAt');
  });
});

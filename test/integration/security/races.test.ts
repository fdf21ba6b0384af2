// Races that would cost money or trust: approvals against one budget, a submission sent many times at once, the last
// two reviewers submitting together, colleagues autosaving one draft. Each race goes over HTTP to the real app and is
// repeated; the rounds start from copies of one real, fully prepared record (copied in SQL, column by column) so a
// hundred rounds take seconds rather than re-running the whole application and review flow each time.
import { expect } from 'chai';
import type pg from 'pg';
import { startTestApp, type TestApp } from '../../support/app.ts';
import { signedInApplicant } from '../../support/factories.ts';
import type { TestClient, Reply } from '../../support/client.ts';
import { draftApplication, eligibleSmeFacts, openCall, uploadRequiredSmeDocuments } from '../applications/support.ts';
import { scoredCall } from '../decisions/support.ts';
import { assignmentOf, createReviewer, fullSheet, openReviewedCall, submittedApplication } from '../reviews/support.ts';

/** Copies the rows `where` selects, every column but id, with some columns replaced by SQL expressions. Answers the new ids. */
async function copyRows(pool: pg.Pool, table: string, where: string, params: unknown[], replace: Record<string, string>): Promise<string[]> {
  const { rows } = await pool.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 AND column_name <> 'id' ORDER BY ordinal_position`,
    [table],
  );
  const columns = rows.map((r) => r.column_name);
  const values = columns.map((c) => replace[c] ?? `t.${c}`);
  const inserted = await pool.query<{ id: string }>(
    `INSERT INTO ${table} (${columns.join(', ')}) SELECT ${values.join(', ')} FROM ${table} t WHERE ${where} RETURNING id`,
    params,
  );
  return inserted.rows.map((r) => r.id);
}

const noServerErrors = (replies: Reply[]) => expect(replies.filter((r) => r.status >= 500).map((r) => r.text)).to.deep.equal([]);

describe('races', function () {
  this.timeout(300_000);
  let app: TestApp;
  before(async () => {
    app = await startTestApp();
  });
  after(() => app.close());
  const one = async <T>(sql: string, params: unknown[]) => (await app.db.pool.query(sql, params)).rows[0] as T;

  it('when 20 approvals of 100,000 race against a budget of 1,000,000, then exactly 10 are approved and the committed sum is exact (20 rounds)', async () => {
    // one real scored application and 20 firms; every round is a new call of 1,000,000 with a scored copy for each firm
    const { call: template, officer, firms } = await scoredCall(app, [0.8], 10_000_000);
    const applicants = await Promise.all(Array.from({ length: 20 }, () => signedInApplicant(app.baseUrl)));
    for (let round = 0; round < 20; round += 1) {
      const [callId] = await copyRows(app.db.pool, 'calls', 't.id = $1', [template.id], { budget: '1000000', committed: '0', title: `t.title || ' #${round}'` });
      const ids = await copyRows(
        app.db.pool,
        'applications',
        't.id = $1::uuid',
        [firms[0].applicationId, callId, applicants.map((a) => a.company.id)],
        { call_id: '$2::uuid', company_id: '($3::uuid[])[1]' },
      ).then(async ([first]) => {
        // the other 19 firms get copies of the first copy
        const rest = [];
        for (const applicant of applicants.slice(1)) {
          rest.push(...(await copyRows(app.db.pool, 'applications', 't.id = $1::uuid', [first, applicant.company.id], { company_id: '$2::uuid', created_by: 'NULL' })));
        }
        return [first, ...rest];
      });
      const replies = await Promise.all(
        ids.map((id) => officer.post(`/api/applications/${id}/decision`, { outcome: 'approved', amount: 100_000, amountReason: '按批次预算调整' })),
      );
      noServerErrors(replies);
      const statuses = replies.map((r) => r.status);
      expect(statuses.filter((s) => s === 200), `round ${round}`).to.have.length(10);
      expect(replies.filter((r) => r.status !== 200).map((r) => r.body.code), `round ${round}`).to.deep.equal(Array(10).fill('budget_exceeded'));
      const call = await one<{ committed: string }>('SELECT committed FROM calls WHERE id = $1', [callId]);
      const decided = await one<{ total: string; n: number }>('SELECT coalesce(sum(amount), 0) AS total, count(*)::int AS n FROM decisions WHERE call_id = $1', [callId]);
      const approved = await one<{ n: number }>(`SELECT count(*)::int AS n FROM applications WHERE call_id = $1 AND status = 'approved'`, [callId]);
      expect([Number(call.committed), Number(decided.total), decided.n, approved.n], `round ${round}`).to.deep.equal([1_000_000, 1_000_000, 10, 10]);
    }
  });

  it('when one application is submitted 20 times at once, then there is one transition, one audit row and one queued e-mail (5 rounds)', async () => {
    const { call } = await openCall(app);
    for (let round = 0; round < 5; round += 1) {
      const { client, application, input } = await draftApplication(app, call.id);
      await client.patch(`/api/applications/${application.id}`, { facts: eligibleSmeFacts, version: 1 });
      await uploadRequiredSmeDocuments(client, application.id);
      // some with an idempotency key, some without: the outcome is the same
      const replies = await Promise.all(
        Array.from({ length: 20 }, (_, i) => client.post(`/api/applications/${application.id}/submit`, undefined, i % 2 ? { headers: { 'Idempotency-Key': `race-${round}` } } : {})),
      );
      noServerErrors(replies);
      expect(replies.map((r) => r.status), `round ${round}`).to.deep.equal(Array(20).fill(200));
      expect(new Set(replies.map((r) => r.body.status))).to.deep.equal(new Set(['submitted']));
      const counts = await one<{ transitions: number; audits: number; mails: number }>(
        `SELECT (SELECT count(*)::int FROM application_transitions WHERE application_id = $1 AND to_status = 'submitted') AS transitions,
                (SELECT count(*)::int FROM audit_events WHERE entity_id = $1::text AND action = 'application.submitted') AS audits,
                (SELECT count(*)::int FROM mail_outbox WHERE to_address = $2 AND template = 'application-submitted') AS mails`,
        [application.id, input.email],
      );
      expect(counts, `round ${round}`).to.deep.equal({ transitions: 1, audits: 1, mails: 1 });
    }
  });

  it('when the last two reviewers of a panel submit at the same moment, then the application becomes scored exactly once (100 rounds)', async () => {
    // a real panel of three: the first has submitted, the other two have saved full sheets and declared no conflict
    const { call, officer } = await openReviewedCall(app, 'unicorn-cultivation', 3);
    const firm = await submittedApplication(app, call.id, 'unicorn-cultivation');
    const reviewers = [
      await createReviewer(app, officer, { kind: 'financial', fields: ['finance'] }),
      await createReviewer(app, officer, { kind: 'technical', fields: [] }),
      await createReviewer(app, officer, { kind: 'technical', fields: [] }),
    ];
    await officer.post(`/api/calls/${call.id}/assignments`, { reviewerIds: reviewers.map((r) => r.id) });
    const seats = await Promise.all(reviewers.map(async (r) => (await assignmentOf(r, firm.applicationId))!));
    for (const [i, reviewer] of reviewers.entries()) {
      await reviewer.client.post(`/api/reviews/${seats[i].id}/conflict`, { conflict: false });
      expect((await reviewer.client.put(`/api/reviews/${seats[i].id}/scores`, fullSheet(seats[i].rubric, 0.8))).status).to.equal(200);
    }
    expect((await reviewers[0].client.post(`/api/reviews/${seats[0].id}/submit`)).status).to.equal(200);

    const submit = (client: TestClient, id: string) => client.post(`/api/reviews/${id}/submit`);
    for (let round = 0; round < 100; round += 1) {
      const [callId] = await copyRows(app.db.pool, 'calls', 't.id = $1', [call.id], { title: `t.title || ' #${round}'` });
      const [applicationId] = await copyRows(app.db.pool, 'applications', 't.id = $1', [firm.applicationId, callId], { call_id: '$2::uuid' });
      const copies = await copyRows(app.db.pool, 'review_assignments', 't.application_id = $1 ORDER BY t.id', [firm.applicationId, applicationId], { application_id: '$2::uuid' });
      const seatOf = async (reviewerId: string) => one<{ id: string }>('SELECT id FROM review_assignments WHERE application_id = $1 AND reviewer_id = $2', [applicationId, reviewerId]);
      const [second, third] = await Promise.all([seatOf(reviewers[1].id), seatOf(reviewers[2].id)]);
      expect(copies).to.have.length(3);
      const replies = await Promise.all([submit(reviewers[1].client, second.id), submit(reviewers[2].client, third.id)]);
      noServerErrors(replies);
      expect(replies.map((r) => r.status), `round ${round}`).to.deep.equal([200, 200]);
      const counts = await one<{ status: string; transitions: number; audits: number }>(
        `SELECT (SELECT status FROM applications WHERE id = $1) AS status,
                (SELECT count(*)::int FROM application_transitions WHERE application_id = $1 AND to_status = 'scored') AS transitions,
                (SELECT count(*)::int FROM audit_events WHERE entity_id = $1::text AND action = 'application.scored') AS audits`,
        [applicationId],
      );
      expect(counts, `round ${round}`).to.deep.equal({ status: 'scored', transitions: 1, audits: 1 });
    }
  });

  it('when ten colleagues autosave one draft at once and retry on version conflicts, then no write is lost', async () => {
    const { call } = await openCall(app);
    const { client, application } = await draftApplication(app, call.id);
    const fields = ['employees', 'salesRevenue', 'totalAssets', 'staffTech', 'staffTotal', 'rdExpense', 'totalCost', 'ipClass1', 'ipClass2', 'residentEnterprise'];
    let conflicts = 0;
    const writer = async (field: string, value: unknown) => {
      for (let attempt = 0; attempt < 50; attempt += 1) {
        const current = await client.get(`/api/applications/${application.id}`);
        const reply = await client.patch(`/api/applications/${application.id}`, { facts: { ...current.body.facts, [field]: value }, version: current.body.version });
        if (reply.status === 200) return;
        expect(reply.status, reply.text).to.equal(409);
        expect(reply.body.code).to.equal('version_conflict');
        conflicts += 1;
      }
      throw new Error(`${field} never saved`);
    };
    const valueOf = (i: number) => (fields[i] === 'residentEnterprise' ? true : (i + 1) * 10);
    await Promise.all(fields.map((field, i) => writer(field, valueOf(i))));
    const saved = await client.get(`/api/applications/${application.id}`);
    for (const [i, field] of fields.entries()) expect(saved.body.facts[field], field).to.deep.equal(valueOf(i));
    // one version per successful save: 1 at the start, +10
    expect(saved.body.version).to.equal(11);
    expect(conflicts).to.be.greaterThan(0);
  });
});

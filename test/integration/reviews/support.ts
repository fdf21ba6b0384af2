// Shared set-up for review tests: an officer opens a call of a reviewed programme, firms submit eligible
// applications, and a pool of reviewers (each on their own mail domain, so no accidental domain conflict).
import crypto from 'node:crypto';
import { exampleHteFacts } from '../../../seeders/example-facts.ts';
import type { TestApp } from '../../support/app.ts';
import { PASSWORD, createStaffUser, signedInApplicant, signedInStaff } from '../../support/factories.ts';
import { pdfBytes } from '../../support/files.ts';
import { TestClient } from '../../support/client.ts';

export const eligibleHteFacts = exampleHteFacts;

export const eligibleUnicornFacts = {
  establishedOn: '2020-06-01',
  listed: false,
  equityRounds: [{ date: '2022-01-01', investor: 'Fund A', amount: 100_000_000, postMoneyValuationUsd: 500_000_000 }],
  valuationUsd: 500_000_000,
  strategicIndustry: true,
  rdDeductible: 2_000_000,
  equityReceivedThisYear: 10_000_000,
  upgradedFromFuture: false,
};

const programmeSetup = {
  'high-tech-enterprise': {
    facts: eligibleHteFacts,
    documents: ['business_licence', 'ip_certificates', 'rd_audit_report', 'hitech_revenue_audit', 'financial_statements', 'staff_list'],
  },
  'unicorn-cultivation': { facts: eligibleUnicornFacts, documents: ['business_licence', 'financing_agreements', 'valuation_evidence', 'financial_statements'] },
} as const;
export type ReviewedProgramme = keyof typeof programmeSetup;

export async function openReviewedCall(app: TestApp, programme: ReviewedProgramme, reviewersPerApplication: number, budget = 10_000_000) {
  const { client: officer, user } = await signedInStaff(app.baseUrl, app.db, ['officer']);
  const hour = 3_600_000;
  const reply = await officer.post('/api/calls', {
    programme,
    title: `评审测试批次 ${crypto.randomUUID().slice(0, 8)}`,
    opensAt: new Date(Date.now() - hour).toISOString(),
    closesAt: new Date(Date.now() + 24 * hour).toISOString(),
    budget,
    reviewersPerApplication,
  });
  if (reply.status !== 201) throw new Error(`call not created: ${reply.text}`);
  return { call: reply.body as { id: string; title: string }, officer, officerUser: user };
}

/** A firm registers, fills in eligible facts (with overrides), uploads the required documents and submits. */
export async function submittedApplication(
  app: TestApp,
  callId: string,
  programme: ReviewedProgramme,
  overrides: Record<string, unknown> = {},
  expectedStatus: 'submitted' | 'ineligible' = 'submitted',
) {
  const firm = await signedInApplicant(app.baseUrl);
  const started = await firm.client.post('/api/applications', { callId });
  if (started.status !== 201) throw new Error(`application not started: ${started.text}`);
  const id = started.body.id as string;
  const saved = await firm.client.patch(`/api/applications/${id}`, { facts: { ...programmeSetup[programme].facts, ...overrides }, version: started.body.version });
  if (saved.status !== 200) throw new Error(`facts not saved: ${saved.text}`);
  for (const kind of programmeSetup[programme].documents) {
    const reply = await firm.client.upload(`/api/applications/${id}/documents`, { kind }, { name: `${kind}.pdf`, content: pdfBytes(kind), type: 'application/pdf' });
    if (reply.status !== 201) throw new Error(`upload failed: ${reply.text}`);
  }
  const submitted = await firm.client.post(`/api/applications/${id}/submit`);
  if (submitted.status !== 200 || submitted.body.status !== expectedStatus) throw new Error(`not ${expectedStatus}: ${submitted.text}`);
  return { ...firm, applicationId: id };
}

export type TestReviewer = { id: string; email: string; client: TestClient; kind: 'technical' | 'financial' };

/** A reviewer on a mail domain of their own, with a profile set by the officer. */
export async function createReviewer(
  app: TestApp,
  officer: TestClient,
  profile: { kind: 'technical' | 'financial'; fields: string[]; affiliations?: unknown[]; domain?: string },
): Promise<TestReviewer> {
  const staff = await createStaffUser(app.db, ['reviewer']);
  const domain = profile.domain ?? `expert-${crypto.randomUUID().slice(0, 8)}.test`;
  const email = `${staff.email.split('@')[0]}@${domain}`;
  await app.db.models.User.update({ email }, { where: { id: staff.id } });
  const saved = await officer.put(`/api/reviewers/${staff.id}/profile`, { kind: profile.kind, fields: profile.fields, affiliations: profile.affiliations ?? [], active: true });
  if (saved.status !== 200) throw new Error(`profile not saved: ${saved.text}`);
  const client = new TestClient(app.baseUrl);
  const signedIn = await client.signIn(email, PASSWORD);
  if (signedIn.status !== 200) throw new Error(`reviewer sign-in failed: ${signedIn.text}`);
  return { id: staff.id, email, client, kind: profile.kind };
}

/** Four technical experts (two in electronic information) and two financial experts. */
export async function reviewerPool(app: TestApp, officer: TestClient) {
  const technical = [
    await createReviewer(app, officer, { kind: 'technical', fields: ['electronic_information'] }),
    await createReviewer(app, officer, { kind: 'technical', fields: ['electronic_information', 'high_tech_services'] }),
    await createReviewer(app, officer, { kind: 'technical', fields: ['biomedicine'] }),
    await createReviewer(app, officer, { kind: 'technical', fields: ['new_materials'] }),
  ];
  const financial = [await createReviewer(app, officer, { kind: 'financial', fields: ['finance'] }), await createReviewer(app, officer, { kind: 'financial', fields: ['finance'] })];
  return { technical, financial, all: [...technical, ...financial] };
}

/** Scores every item at `fraction` of its maximum (rounded to a whole point), with a comment each. */
export function fullSheet(rubric: { items: { id: string; max: number }[] }, fraction: number) {
  return {
    scores: Object.fromEntries(rubric.items.map((item) => [item.id, Math.round(item.max * fraction)])),
    comments: Object.fromEntries(rubric.items.map((item) => [item.id, `意见 ${item.id}`])),
  };
}

export async function assignmentOf(reviewer: TestReviewer, applicationId: string) {
  const list = await reviewer.client.get('/api/reviews');
  return (list.body.items as { id: string; applicationId: string; status: string; rubric: { items: { id: string; max: number }[] } }[]).find(
    (item) => item.applicationId === applicationId && item.status !== 'released',
  );
}

/** Declares no conflict, saves a full sheet at `fraction` and submits it. */
export async function scoreAndSubmit(reviewer: TestReviewer, assignmentId: string, rubric: { items: { id: string; max: number }[] }, fraction: number) {
  const declared = await reviewer.client.post(`/api/reviews/${assignmentId}/conflict`, { conflict: false });
  if (declared.status !== 200) throw new Error(`declaration failed: ${declared.text}`);
  const saved = await reviewer.client.put(`/api/reviews/${assignmentId}/scores`, fullSheet(rubric, fraction));
  if (saved.status !== 200) throw new Error(`scores not saved: ${saved.text}`);
  return reviewer.client.post(`/api/reviews/${assignmentId}/submit`);
}

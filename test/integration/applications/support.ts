// Shared set-up for application tests: an officer opens a tech-SME call; firms apply to it.
import type { TestApp } from '../../support/app.ts';
import { signedInApplicant, signedInStaff } from '../../support/factories.ts';
import { pdfBytes } from '../../support/files.ts';
import type { TestClient } from '../../support/client.ts';

export const eligibleSmeFacts = {
  residentEnterprise: true,
  employees: 120,
  salesRevenue: 50_000_000,
  totalAssets: 80_000_000,
  restrictedIndustry: false,
  misconduct: false,
  staffTech: 40,
  staffTotal: 120,
  rdExpense: 4_000_000,
  totalCost: 30_000_000,
  ipClass1: 1,
  ipClass2: 0,
};

export async function openCall(app: TestApp, window: { opensAt?: Date; closesAt?: Date; graceMinutes?: number } = {}) {
  const { client: officer } = await signedInStaff(app.baseUrl, app.db, ['officer']);
  const hour = 3_600_000;
  const reply = await officer.post('/api/calls', {
    programme: 'tech-sme',
    title: `测试批次 ${Date.now()}`,
    opensAt: (window.opensAt ?? new Date(Date.now() - hour)).toISOString(),
    closesAt: (window.closesAt ?? new Date(Date.now() + 24 * hour)).toISOString(),
    graceMinutes: window.graceMinutes ?? 0,
    budget: 10_000_000,
  });
  if (reply.status !== 201) throw new Error(`call not created: ${reply.text}`);
  return { call: reply.body, officer };
}

export async function draftApplication(app: TestApp, callId: string) {
  const firm = await signedInApplicant(app.baseUrl);
  const started = await firm.client.post('/api/applications', { callId });
  if (started.status !== 201) throw new Error(`application not started: ${started.text}`);
  return { ...firm, application: started.body as { id: string; status: string; version: number } };
}

export async function uploadRequiredSmeDocuments(client: TestClient, applicationId: string) {
  for (const kind of ['business_licence', 'financial_statements']) {
    const reply = await client.upload(`/api/applications/${applicationId}/documents`, { kind }, { name: `${kind}.pdf`, content: pdfBytes(kind), type: 'application/pdf' });
    if (reply.status !== 201) throw new Error(`upload failed: ${reply.text}`);
  }
}

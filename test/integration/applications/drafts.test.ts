import { expect } from 'chai';
import { startTestApp, type TestApp } from '../../support/app.ts';
import { TestClient } from '../../support/client.ts';
import { signedInApplicant, signedInStaff } from '../../support/factories.ts';
import { draftApplication, openCall } from './support.ts';

describe('application drafts and autosave', () => {
  let app: TestApp;
  let callId: string;
  before(async () => {
    app = await startTestApp();
    callId = (await openCall(app)).call.id;
  });
  after(() => app.close());

  it('when a firm starts an application, then it is a draft with a history row, and a second start is 409 application_exists', async () => {
    const { client, application } = await draftApplication(app, callId);
    expect(application).to.include({ status: 'draft', version: 1 });
    const again = await client.post('/api/applications', { callId });
    expect(again.status).to.equal(409);
    expect(again.body).to.include({ code: 'application_exists', applicationId: application.id });
    const view = await client.get(`/api/applications/${application.id}`);
    expect(view.body).to.include({ id: application.id, callId, programme: 'tech-sme', status: 'draft', version: 1 });
    expect(view.body.history).to.have.length(1);
    expect(view.body.history[0]).to.include({ from: null, to: 'draft' });
  });

  it('when facts are autosaved, then they merge, null removes one, and each save bumps the version', async () => {
    const { client, application } = await draftApplication(app, callId);
    const first = await client.patch(`/api/applications/${application.id}`, { facts: { employees: 120, salesRevenue: 5_000_000 }, version: 1 });
    expect(first.status, first.text).to.equal(200);
    expect(first.body).to.deep.equal({ id: application.id, version: 2 });
    const second = await client.patch(`/api/applications/${application.id}`, { facts: { salesRevenue: null, totalAssets: 9_000_000 }, version: 2 });
    expect(second.body.version).to.equal(3);
    const view = await client.get(`/api/applications/${application.id}`);
    expect(view.body.facts).to.deep.equal({ employees: 120, totalAssets: 9_000_000 });
  });

  it('when a save carries a stale version, then 409 version_conflict says the current version and nothing changes', async () => {
    const { client, application } = await draftApplication(app, callId);
    await client.patch(`/api/applications/${application.id}`, { facts: { employees: 10 }, version: 1 });
    const stale = await client.patch(`/api/applications/${application.id}`, { facts: { employees: 99 }, version: 1 });
    expect(stale.status).to.equal(409);
    expect(stale.body).to.include({ code: 'version_conflict', currentVersion: 2 });
    expect((await client.get(`/api/applications/${application.id}`)).body.facts.employees).to.equal(10);
  });

  it('when two colleagues save the same version at once, then exactly one wins', async () => {
    const { client, application } = await draftApplication(app, callId);
    const replies = await Promise.all(
      Array.from({ length: 6 }, (_, i) => client.patch(`/api/applications/${application.id}`, { facts: { employees: i + 1 }, version: 1 })),
    );
    expect(replies.filter((r) => r.status === 200)).to.have.length(1);
    expect(replies.filter((r) => r.status === 409)).to.have.length(5);
    const view = await client.get(`/api/applications/${application.id}`);
    expect(view.body.version).to.equal(2);
  });

  it('when a fact has the wrong type or is unknown, then 400 names it', async () => {
    const { client, application } = await draftApplication(app, callId);
    const bad = await client.patch(`/api/applications/${application.id}`, { facts: { employees: 'lots' }, version: 1 });
    expect(bad.status).to.equal(400);
    expect(bad.body.errors[0].field).to.equal('facts.employees');
    const unknown = await client.patch(`/api/applications/${application.id}`, { facts: { notAFact: 1 }, version: 1 });
    expect(unknown.status).to.equal(400);
  });

  it('when another company or a stranger asks for an application, then 404; an officer sees it', async () => {
    const { application } = await draftApplication(app, callId);
    const other = await signedInApplicant(app.baseUrl);
    for (const reply of [
      await other.client.get(`/api/applications/${application.id}`),
      await other.client.patch(`/api/applications/${application.id}`, { facts: { employees: 1 }, version: 1 }),
      await other.client.post(`/api/applications/${application.id}/submit`),
      await other.client.post(`/api/applications/${application.id}/withdraw`, {}),
    ]) {
      expect(reply.status).to.equal(404);
      expect(reply.body.code).to.equal('not_found');
    }
    expect((await new TestClient(app.baseUrl).get(`/api/applications/${application.id}`)).status).to.equal(401);
    const list = await other.client.get(`/api/applications?callId=${callId}`);
    expect(list.body.items.map((a: { id: string }) => a.id)).not.to.include(application.id);
    const { client: officer } = await signedInStaff(app.baseUrl, app.db, ['officer']);
    expect((await officer.get(`/api/applications/${application.id}`)).status).to.equal(200);
    const all = await officer.get(`/api/applications?callId=${callId}&limit=200`);
    expect(all.body.items.map((a: { id: string }) => a.id)).to.include(application.id);
  });

  it('when the call has closed, then no new application can be started', async () => {
    const hour = 3_600_000;
    const { call } = await openCall(app, { opensAt: new Date(Date.now() - 48 * hour), closesAt: new Date(Date.now() - hour) });
    const firm = await signedInApplicant(app.baseUrl);
    const reply = await firm.client.post('/api/applications', { callId: call.id });
    expect(reply.status).to.equal(409);
    expect(reply.body.code).to.equal('call_closed');
  });
});

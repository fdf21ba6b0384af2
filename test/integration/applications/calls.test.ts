import { expect } from 'chai';
import { startTestApp, type TestApp } from '../../support/app.ts';
import { signedInApplicant } from '../../support/factories.ts';
import { draftApplication, openCall } from './support.ts';

describe('officers edit calls', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp();
  });
  after(() => app.close());

  it('when an officer extends a call, then the change is saved and audited and the frozen rule set stays', async () => {
    const { call, officer } = await openCall(app);
    const closesAt = new Date(Date.parse(call.closesAt) + 7 * 86_400_000).toISOString();
    const reply = await officer.patch(`/api/calls/${call.id}`, { closesAt, graceMinutes: 30, title: '延期后的批次' });
    expect(reply.status, reply.text).to.equal(200);
    expect(reply.body).to.include({ closesAt, graceMinutes: 30, title: '延期后的批次' });
    expect(reply.body.ruleSet).to.deep.equal(call.ruleSet);
    const audit = await app.db.models.AuditEvent.findOne({ where: { action: 'call.updated', entityId: call.id } });
    expect((audit!.before as { title: string }).title).to.equal(call.title);
  });

  it('when a call has applications, then its opening cannot move; a closing before opening is refused', async () => {
    const { call, officer } = await openCall(app);
    await draftApplication(app, call.id);
    const moved = await officer.patch(`/api/calls/${call.id}`, { opensAt: new Date(Date.now() - 10 * 86_400_000).toISOString() });
    expect(moved.status).to.equal(400);
    expect(moved.body.errors[0].field).to.equal('opensAt');
    const inverted = await officer.patch(`/api/calls/${call.id}`, { closesAt: new Date(Date.parse(call.opensAt) - 60_000).toISOString() });
    expect(inverted.body.errors[0].field).to.equal('closesAt');
  });

  it('when an applicant tries to edit a call, then 403', async () => {
    const { call } = await openCall(app);
    const firm = await signedInApplicant(app.baseUrl);
    expect((await firm.client.patch(`/api/calls/${call.id}`, { title: '我的批次' })).status).to.equal(403);
  });
});

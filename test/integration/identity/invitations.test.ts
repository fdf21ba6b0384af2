import { expect } from 'chai';
import { startTestApp, type TestApp } from '../../support/app.ts';
import { TestClient } from '../../support/client.ts';
import { signedInApplicant, uniqueEmail } from '../../support/factories.ts';
import { draftApplication, openCall } from '../applications/support.ts';

describe('colleagues join a company by invitation', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp();
  });
  after(() => app.close());

  /** The link as the invited colleague finds it in the e-mail. */
  async function linkSentTo(email: string): Promise<string> {
    const mail = await app.db.models.MailOutbox.findOne({ where: { toAddress: email, template: 'company-invitation' }, order: [['id', 'DESC']] });
    return (mail!.data as { link: string }).link;
  }

  it('when the owner invites a colleague, then the e-mailed one-time link creates an editor of that company who sees its applications', async () => {
    const owner = await signedInApplicant(app.baseUrl);
    expect(owner.user.companyRole).to.equal('owner');
    const { call } = await openCall(app);
    const started = await owner.client.post('/api/applications', { callId: call.id });

    const email = uniqueEmail('colleague');
    const invited = await owner.client.post('/api/company/invitations', { email });
    expect(invited.status, invited.text).to.equal(201);
    expect(invited.body).to.include({ email, role: 'editor' });
    const link = await linkSentTo(email);
    const token = link.split('/invitations/')[1];
    expect(link).to.match(/^http/);

    const stranger = new TestClient(app.baseUrl);
    const preview = await stranger.get(`/api/invitations/${token}`);
    expect(preview.body).to.deep.include({ email, role: 'editor', company: { name: owner.company.name } });
    const accepted = await stranger.post(`/api/invitations/${token}/accept`, { displayName: '同事', password: 'colleague-pass-1' });
    expect(accepted.status, accepted.text).to.equal(201);
    expect(accepted.body.company.id).to.equal(owner.company.id);
    expect(accepted.body.user).to.include({ email, companyRole: 'editor' });

    const again = await stranger.post(`/api/invitations/${token}/accept`, { displayName: '再来', password: 'colleague-pass-2' });
    expect(again.status).to.equal(404);

    const colleague = new TestClient(app.baseUrl);
    await colleague.signIn(email, 'colleague-pass-1');
    const seen = await colleague.get(`/api/applications/${started.body.id}`);
    expect(seen.status).to.equal(200);
    const members = await owner.client.get('/api/company/members');
    expect(members.body.items.map((m: { email: string }) => m.email)).to.include(email);

    // an editor cannot invite
    const byEditor = await colleague.post('/api/company/invitations', { email: uniqueEmail('nope') });
    expect(byEditor.status).to.equal(403);
  });

  it('when an administrator opens the development mailbox, then the invitation is there; others are refused', async () => {
    const owner = await signedInApplicant(app.baseUrl);
    const email = uniqueEmail('mailbox');
    await owner.client.post('/api/company/invitations', { email });
    const { signedInStaff } = await import('../../support/factories.ts');
    const { client: admin } = await signedInStaff(app.baseUrl, app.db, ['admin']);
    const box = await admin.get(`/api/mailbox?to=${encodeURIComponent(email)}`);
    expect(box.status).to.equal(200);
    expect(box.body.items[0]).to.include({ to: email, template: 'company-invitation', status: 'queued' });
    expect(box.body.items[0].data.link).to.include('/invitations/');
    expect((await owner.client.get('/api/mailbox')).status).to.equal(403);
  });

  it('when an invitation names an e-mail that already has an account, then 409 email_taken', async () => {
    const owner = await signedInApplicant(app.baseUrl);
    const other = await signedInApplicant(app.baseUrl);
    const reply = await owner.client.post('/api/company/invitations', { email: other.input.email });
    expect(reply.status).to.equal(409);
    expect(reply.body.errors[0].field).to.equal('email');
  });

  it('when a token is unknown, then 404', async () => {
    expect((await new TestClient(app.baseUrl).get('/api/invitations/abcdefghijklmnopqrstuvwxyz012345')).status).to.equal(404);
  });

  it('when colleagues of one company work on a draft, then another company still gets 404', async () => {
    const { call } = await openCall(app);
    const { application } = await draftApplication(app, call.id);
    const outsider = await signedInApplicant(app.baseUrl);
    expect((await outsider.client.get(`/api/applications/${application.id}`)).status).to.equal(404);
  });
});

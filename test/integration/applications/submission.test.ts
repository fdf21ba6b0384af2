import { expect } from 'chai';
import http from 'node:http';
import crypto from 'node:crypto';
import { startTestApp, type TestApp } from '../../support/app.ts';
import { exeBytes, ofdBytes, pdfBytes, pngBytes } from '../../support/files.ts';
import { signedInApplicant } from '../../support/factories.ts';
import { draftApplication, eligibleSmeFacts, openCall, uploadRequiredSmeDocuments } from './support.ts';

describe('evidence and submission', () => {
  let app: TestApp;
  let callId: string;
  before(async () => {
    app = await startTestApp();
    callId = (await openCall(app)).call.id;
  });
  after(() => app.close());

  const documentCount = (applicationId: string) => app.db.models.Document.count({ where: { applicationId } });

  it('when a PDF, a PNG and an OFD are uploaded, then they are kept by content with their sha256 and come back byte for byte', async () => {
    const { client, application } = await draftApplication(app, callId);
    const pdf = pdfBytes('licence');
    const reply = await client.upload(`/api/applications/${application.id}/documents`, { kind: 'business_licence' }, { name: '营业执照（副本）.pdf', content: pdf });
    expect(reply.status, reply.text).to.equal(201);
    expect(reply.body).to.include({ kind: 'business_licence', filename: '营业执照（副本）.pdf', mediaType: 'application/pdf', size: pdf.length });
    expect(reply.body.sha256).to.equal(crypto.createHash('sha256').update(pdf).digest('hex'));

    const download = await fetch(`${app.baseUrl}/api/applications/${application.id}/documents/${reply.body.id}`, { headers: { Cookie: client.cookie! } });
    expect(download.status).to.equal(200);
    expect(download.headers.get('content-disposition')).to.match(/^attachment;/).and.include("filename*=UTF-8''");
    expect(Buffer.from(await download.arrayBuffer()).equals(pdf)).to.equal(true);

    const png = await client.upload(`/api/applications/${application.id}/documents`, { kind: 'financial_statements' }, { name: 'scan.png', content: pngBytes() });
    expect(png.body.mediaType).to.equal('image/png');
    const ofd = await client.upload(`/api/applications/${application.id}/documents`, { kind: 'financial_statements' }, { name: '报表.ofd', content: ofdBytes() });
    expect(ofd.status, ofd.text).to.equal(201);
    expect(ofd.body.mediaType).to.equal('application/ofd');
  });

  it('when an executable is disguised as a PDF, then 415 and nothing is stored', async () => {
    const { client, application } = await draftApplication(app, callId);
    const reply = await client.upload(`/api/applications/${application.id}/documents`, { kind: 'business_licence' }, { name: 'licence.pdf', content: exeBytes(), type: 'application/pdf' });
    expect(reply.status).to.equal(415);
    expect(reply.body.code).to.equal('unsupported_media_type');
    expect(await documentCount(application.id)).to.equal(0);
  });

  it('when a file is over 20 MiB, then 413 and nothing is stored', async () => {
    const { client, application } = await draftApplication(app, callId);
    const big = Buffer.concat([pdfBytes(), Buffer.alloc(20 * 1024 * 1024)]);
    const reply = await client.upload(`/api/applications/${application.id}/documents`, { kind: 'business_licence' }, { name: 'big.pdf', content: big });
    expect(reply.status).to.equal(413);
    expect(reply.body.code).to.equal('payload_too_large');
    expect(await documentCount(application.id)).to.equal(0);
  });

  it('when an upload is cut off half way, then the request fails cleanly and nothing is stored', async () => {
    const { client, application } = await draftApplication(app, callId);
    const boundary = '----huiqi' + crypto.randomUUID();
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nbusiness_licence\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="half.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    );
    const url = new URL(`${app.baseUrl}/api/applications/${application.id}/documents`);
    const status = await new Promise<number | 'aborted'>((resolve) => {
      const req = http.request(
        { hostname: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}`, 'Content-Length': String(head.length + 100_000), Cookie: client.cookie!, 'X-CSRF-Token': client.csrfToken! } },
        (res) => resolve(res.statusCode ?? 0),
      );
      req.on('error', () => resolve('aborted'));
      req.write(head);
      req.write(pdfBytes().subarray(0, 20));
      setTimeout(() => req.destroy(), 100);
    });
    expect([400, 'aborted']).to.include(status);
    await new Promise((r) => setTimeout(r, 200));
    expect(await documentCount(application.id)).to.equal(0);
    expect((await client.get('/healthz')).status).to.equal(200);
  });

  it('when required documents are missing, then submission is refused with the missing kinds', async () => {
    const { client, application } = await draftApplication(app, callId);
    await client.patch(`/api/applications/${application.id}`, { facts: eligibleSmeFacts, version: 1 });
    const reply = await client.post(`/api/applications/${application.id}/submit`);
    expect(reply.status).to.equal(409);
    expect(reply.body.code).to.equal('documents_missing');
    expect(reply.body.errors.map((e: { field: string }) => e.field)).to.have.members(['documents.business_licence', 'documents.financial_statements']);
    expect(reply.body.errors.find((e: { field: string }) => e.field === 'documents.business_licence').message).to.equal('请上传：营业执照');
  });

  it('when a complete application is submitted twice (and at once), then there is one submission with the frozen screening, a history row, an audit row and one e-mail', async () => {
    const { client, application, input } = await draftApplication(app, callId);
    await client.patch(`/api/applications/${application.id}`, { facts: eligibleSmeFacts, version: 1 });
    await uploadRequiredSmeDocuments(client, application.id);
    const [a, b] = await Promise.all([
      client.post(`/api/applications/${application.id}/submit`, undefined, { headers: { 'Idempotency-Key': 'k-1' } }),
      client.post(`/api/applications/${application.id}/submit`, undefined, { headers: { 'Idempotency-Key': 'k-1' } }),
    ]);
    expect(a.status, a.text).to.equal(200);
    expect(b.status, b.text).to.equal(200);
    expect(a.body.status).to.equal('submitted');
    expect(a.body.screening.outcome).to.equal('eligible');
    expect(a.body.screening.score).to.equal(100);
    expect(b.body).to.deep.equal(a.body);
    const third = await client.post(`/api/applications/${application.id}/submit`);
    expect(third.body).to.deep.equal(a.body);

    const view = await client.get(`/api/applications/${application.id}`);
    expect(view.body.history.filter((h: { event: string }) => h.event === 'submit')).to.have.length(1);
    expect(view.body.screening.ruleSet).to.deep.equal({ id: 'sme-2017', version: 1 });
    const audits = await app.db.models.AuditEvent.count({ where: { entityId: application.id, action: 'application.submitted' } });
    expect(audits).to.equal(1);
    const mails = await app.db.models.MailOutbox.findAll({ where: { toAddress: input.email, template: 'application-submitted' } });
    expect(mails).to.have.length(1);

    const locked = await client.patch(`/api/applications/${application.id}`, { facts: { employees: 1 }, version: view.body.version });
    expect(locked.status).to.equal(409);
    expect(locked.body.code).to.equal('application_locked');
  });

  it('when the screening fails a criterion, then the application is recorded as ineligible with the reasons', async () => {
    const { client, application } = await draftApplication(app, callId);
    await client.patch(`/api/applications/${application.id}`, { facts: { ...eligibleSmeFacts, employees: 800 }, version: 1 });
    await uploadRequiredSmeDocuments(client, application.id);
    const reply = await client.post(`/api/applications/${application.id}/submit`);
    expect(reply.body.status).to.equal('ineligible');
    const view = await client.get(`/api/applications/${application.id}`);
    const last = view.body.history.at(-1);
    expect(last).to.include({ from: 'submitted', to: 'ineligible', event: 'screen_out' });
    expect(last.note).to.include('SME-E02');
  });

  it('when submitted inside the grace minutes, then it is accepted; just outside, then 409 call_closed', async () => {
    const minute = 60_000;
    const inside = await openCall(app, { opensAt: new Date(Date.now() - 120 * minute), closesAt: new Date(Date.now() - 2 * minute), graceMinutes: 5 });
    const outside = await openCall(app, { opensAt: new Date(Date.now() - 120 * minute), closesAt: new Date(Date.now() - 6 * minute), graceMinutes: 5 });
    // drafts exist before the deadline: write them directly, as if started in time
    for (const [call, expected] of [[inside.call, 200], [outside.call, 409]] as const) {
      const firm = await signedInApplicant(app.baseUrl);
      const row = await app.db.models.Application.create({ callId: call.id, companyId: firm.company.id, createdBy: firm.user.id, facts: eligibleSmeFacts });
      await uploadRequiredSmeDocuments(firm.client, row.id);
      const reply = await firm.client.post(`/api/applications/${row.id}/submit`);
      expect(reply.status, `${call.closesAt}: ${reply.text}`).to.equal(expected);
      if (expected === 409) expect(reply.body.code).to.equal('call_closed');
    }
  });

  it('when the firm withdraws, then it cannot submit; when an officer returns one, then the firm resubmits and the history shows what changed', async () => {
    const first = await draftApplication(app, callId);
    const withdrawn = await first.client.post(`/api/applications/${first.application.id}/withdraw`, { note: '不再申报' });
    expect(withdrawn.body.status).to.equal('withdrawn');
    expect((await first.client.post(`/api/applications/${first.application.id}/submit`)).body.code).to.equal('invalid_transition');

    const { call, officer } = await openCall(app);
    const { client, application } = await draftApplication(app, call.id);
    await client.patch(`/api/applications/${application.id}`, { facts: eligibleSmeFacts, version: 1 });
    await uploadRequiredSmeDocuments(client, application.id);
    await client.post(`/api/applications/${application.id}/submit`);
    const returned = await officer.post(`/api/applications/${application.id}/return`, { note: '请补充研发费用明细' });
    expect(returned.status, returned.text).to.equal(200);
    expect(returned.body.status).to.equal('returned');

    const view = await client.get(`/api/applications/${application.id}`);
    await client.patch(`/api/applications/${application.id}`, { facts: { rdExpense: 4_500_000 }, version: view.body.version });
    const resubmitted = await client.post(`/api/applications/${application.id}/submit`);
    expect(resubmitted.body.status).to.equal('submitted');
    const history = (await client.get(`/api/applications/${application.id}`)).body.history;
    expect(history.map((h: { event: string }) => h.event)).to.deep.equal(['start', 'submit', 'return', 'resubmit']);
    expect(history[2].note).to.equal('请补充研发费用明细');
    expect(history[3].changes).to.deep.equal({ changedFacts: ['rdExpense'] });
  });
});

import crypto from 'node:crypto';
import { expect } from 'chai';
import { QueryTypes } from 'sequelize';
import { captureLog, startTestApp, type TestApp } from '../../support/app.ts';
import { TestClient } from '../../support/client.ts';
import { signedInApplicant, signedInStaff, validResidentId } from '../../support/factories.ts';
import { pdfBytes } from '../../support/files.ts';

/** Every row of every table (ours and the job queue's), as text: what a database dump would hold. */
async function databaseText(app: TestApp): Promise<string> {
  const tables = await app.db.sequelize.query<{ schema: string; name: string }>(
    `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
      WHERE table_type = 'BASE TABLE' AND table_schema IN ('public', 'graphile_worker', 'graphile_worker_private')`,
    { type: QueryTypes.SELECT },
  );
  const parts: string[] = [];
  for (const { schema, name } of tables) {
    const [row] = await app.db.sequelize.query<{ text: string | null }>(`SELECT string_agg(x::text, E'\\n') AS text FROM "${schema}"."${name}" x`, { type: QueryTypes.SELECT });
    parts.push(row.text ?? '');
  }
  return parts.join('\n');
}

describe('talent teams and protected ID numbers', () => {
  let app: TestApp;
  const log = captureLog();
  before(async () => {
    app = await startTestApp({ logTo: log.stream });
  });
  after(async () => {
    await app.close();
  });

  it('when a firm registers a team, then ID numbers are checked on the member’s field, need consent, are masked in every response and are nowhere in the database or the logs', async () => {
    const firm = await signedInApplicant(app.baseUrl);
    const leaderId = validResidentId();
    const coreId = validResidentId();
    const bad = leaderId.slice(0, 17) + (leaderId[17] === '0' ? '1' : '0');

    const invalid = await firm.client.post('/api/talent-teams', { name: '智能材料团队', members: [{ name: '张伟', role: 'leader', idNumber: leaderId, consent: true }, { name: '李娜', role: 'core', idNumber: bad, consent: true }] });
    expect(invalid.status).to.equal(400);
    expect(invalid.body.errors).to.deep.equal([{ field: 'members[1].idNumber', message: '请输入有效的 18 位居民身份证号码' }]);
    const noConsent = await firm.client.post('/api/talent-teams', { name: '智能材料团队', members: [{ name: '张伟', role: 'leader', idNumber: leaderId }] });
    expect(noConsent.status).to.equal(400);
    expect(noConsent.body.code).to.equal('consent_required');
    expect(noConsent.body.errors[0].field).to.equal('members[0].consent');
    const twice = await firm.client.post('/api/talent-teams', { name: '智能材料团队', members: [{ name: '张伟', role: 'leader', idNumber: leaderId, consent: true }, { name: '张伟', role: 'core', idNumber: leaderId.toLowerCase(), consent: true }] });
    expect(twice.body.errors[0].field).to.equal('members[1].idNumber');
    const teamsBefore = await firm.client.get('/api/talent-teams');
    expect(teamsBefore.body.total).to.equal(0); // nothing half-written

    const created = await firm.client.post('/api/talent-teams', {
      name: '智能材料团队',
      members: [
        { name: '张伟', role: 'leader', idNumber: leaderId, consent: true },
        { name: '李娜', role: 'core', idNumber: coreId, consent: true },
        { name: '王芳', role: 'core', email: 'wangfang@example.cn' },
      ],
    });
    expect(created.status, created.text).to.equal(201);
    const [leader, core, pending] = created.body.members;
    expect(leader.idNumberMasked).to.equal(`**************${leaderId.slice(-4)}`);
    expect(leader.consent).to.equal(true);
    expect(leader.consentRecord).to.include({ status: 'given', method: 'firm_attestation', textVersion: 'pipl-29-v1' });
    expect(pending).to.include({ idNumberMasked: null });
    expect(pending.consent).to.equal(false);
    expect(pending.consentRecord.status).to.equal('none');

    const teamId = created.body.id;
    const replies = [
      created,
      await firm.client.get('/api/talent-teams'),
      await firm.client.get(`/api/talent-teams/${teamId}`),
      await firm.client.patch(`/api/talent-teams/${teamId}/members/${core.id}`, { role: 'member' }),
      await firm.client.post(`/api/talent-teams/${teamId}/members`, { name: '赵强', role: 'member', idNumber: validResidentId(), consent: true }),
    ];
    for (const reply of replies) {
      expect(reply.status, reply.text).to.be.oneOf([200, 201]);
      expect(reply.text).to.not.include(leaderId).and.not.include(coreId);
    }
    const text = await databaseText(app);
    expect(text).to.include('智能材料团队');
    expect(text).to.not.include(leaderId).and.not.include(coreId).and.not.include(leaderId.slice(0, 14));
    expect(log.text()).to.not.include(leaderId).and.not.include(coreId).and.not.include(bad);

    // another firm sees nothing of it
    const other = await signedInApplicant(app.baseUrl);
    expect((await other.client.get(`/api/talent-teams/${teamId}`)).status).to.equal(404);
    expect((await other.client.post(`/api/talent-teams/${teamId}/members`, { name: 'x', role: 'member' })).status).to.equal(404);
    expect((await other.client.get('/api/talent-teams')).body.total).to.equal(0);
  });

  it('when an officer reveals a number, then it is shown with a reason and audited without the number; nobody else can', async () => {
    const firm = await signedInApplicant(app.baseUrl);
    const id = validResidentId();
    const created = await firm.client.post('/api/talent-teams', { name: '生物医药团队', members: [{ name: '陈静', role: 'leader', idNumber: id, consent: true }] });
    const memberId = created.body.members[0].id;
    const path = `/api/talent-teams/${created.body.id}/members/${memberId}/reveal`;
    expect((await firm.client.post(path, { reason: '核对身份信息' })).status).to.equal(403);
    const { client: officer } = await signedInStaff(app.baseUrl, app.db, ['officer']);
    expect((await officer.post(path, { reason: '短' })).status).to.equal(400);
    const revealed = await officer.post(path, { reason: '积分核定需核对身份证号码' });
    expect(revealed.status, revealed.text).to.equal(200);
    expect(revealed.body.idNumber).to.equal(id);
    expect(revealed.headers.get('cache-control')).to.equal('no-store');
    const [audit] = await app.db.sequelize.query<{ meta: { reason: string }; text: string }>(
      `SELECT meta, a::text AS text FROM audit_events a WHERE action = 'pii.revealed' AND entity_id = :memberId`,
      { replacements: { memberId }, type: QueryTypes.SELECT },
    );
    expect(audit.meta.reason).to.equal('积分核定需核对身份证号码');
    expect(audit.text).to.not.include(id);
    // officers see teams masked like everyone else
    expect((await officer.get(`/api/talent-teams/${created.body.id}`)).text).to.not.include(id);
  });

  it('when a member confirms through the one-time link, then their number is stored with their own consent; withdrawing erases it', async () => {
    const firm = await signedInApplicant(app.baseUrl);
    const created = await firm.client.post('/api/talent-teams', { name: '新能源团队', members: [{ name: '孙悦', role: 'core' }] });
    const teamId = created.body.id;
    const memberId = created.body.members[0].id;
    const requested = await firm.client.post(`/api/talent-teams/${teamId}/members/${memberId}/consent-request`, { email: 'sunyue@example.cn' });
    expect(requested.status, requested.text).to.equal(202);
    const [mail] = await app.db.sequelize.query<{ data: { link: string } }>("SELECT data FROM mail_outbox WHERE to_address = 'sunyue@example.cn' AND template = 'consent-request' ORDER BY id DESC LIMIT 1", { type: QueryTypes.SELECT });
    const token = mail.data.link.split('/consent/')[1];
    expect((await firm.client.get(`/api/talent-teams/${teamId}`)).body.members[0].consentRecord.status).to.equal('requested');

    const member = new TestClient(app.baseUrl);
    member.csrfToken = (await member.get('/api/auth/csrf')).body.csrfToken;
    const shown = await member.get(`/api/consent/${token}`);
    expect(shown.status).to.equal(200);
    expect(shown.body).to.include({ textVersion: 'pipl-29-v1' });
    expect(shown.body.text.zh).to.include('撤回同意');
    const id = validResidentId();
    const noAgree = await member.post(`/api/consent/${token}`, { idNumber: id });
    expect(noAgree.body.errors.map((e: { field: string }) => e.field)).to.deep.equal(['agree']);
    const confirmed = await member.post(`/api/consent/${token}`, { agree: true, idNumber: id });
    expect(confirmed.status, confirmed.text).to.equal(200);
    expect(confirmed.body).to.deep.equal({ status: 'given', idNumberMasked: `**************${id.slice(-4)}` });
    expect((await member.post(`/api/consent/${token}`, { agree: true, idNumber: id })).body.code).to.equal('invalid_transition'); // one use
    // the link now shows the consent as given, and lets the member withdraw it themselves
    const given = await member.get(`/api/consent/${token}`);
    expect(given.body).to.include({ status: 'given', idNumberMasked: `**************${id.slice(-4)}` });
    // the firm cannot replace a number the member entered and consented to themselves
    expect((await firm.client.patch(`/api/talent-teams/${teamId}/members/${memberId}`, { idNumber: validResidentId(), consent: true })).body.code).to.equal('invalid_transition');
    // the link is a credential: the request log names its place, never its value
    expect(log.text()).to.include('/api/consent/[token]');
    expect(log.text()).to.not.include(token);
    const team = await firm.client.get(`/api/talent-teams/${teamId}`);
    expect(team.body.members[0].consentRecord).to.include({ status: 'given', method: 'member_confirmation' });

    const formBytes = pdfBytes(`consent-${crypto.randomUUID()}`);
    const form = await firm.client.upload(`/api/talent-teams/${teamId}/members/${memberId}/consent-form`, {}, { name: '同意书.pdf', content: formBytes, type: 'application/pdf' });
    expect(form.status, form.text).to.equal(201);
    expect((await firm.client.download(`/api/talent-teams/${teamId}/members/${memberId}/consent-form`)).status).to.equal(200);
    // an officer's look at the signed form is audited
    const { client: reader } = await signedInStaff(app.baseUrl, app.db, ['officer']);
    expect((await reader.download(`/api/talent-teams/${teamId}/members/${memberId}/consent-form`)).status).to.equal(200);
    const viewed = await app.db.sequelize.query("SELECT 1 FROM audit_events WHERE action = 'pii.consent_form_viewed' AND entity_id = :memberId", { replacements: { memberId }, type: QueryTypes.SELECT });
    expect(viewed).to.have.length(1);
    const formHash = crypto.createHash('sha256').update(formBytes).digest('hex');

    const byMember = await member.post(`/api/consent/${token}/withdrawal`);
    expect(byMember.status, byMember.text).to.equal(200);
    expect((await member.get(`/api/consent/${token}`)).status).to.equal(404); // the link ends with the withdrawal
    expect((await firm.client.get(`/api/talent-teams/${teamId}`)).body.members[0]).to.include({ idNumberMasked: null });
    // the firm records a new consent (attested), then the member withdraws it in writing through the firm
    expect((await firm.client.patch(`/api/talent-teams/${teamId}/members/${memberId}`, { idNumber: id, consent: true })).status).to.equal(200);
    const withdrawn = await firm.client.post(`/api/talent-teams/${teamId}/members/${memberId}/consent-withdrawal`, { note: '本人书面撤回' });
    expect(withdrawn.status, withdrawn.text).to.equal(200);
    expect(withdrawn.body.idNumberMasked).to.equal(null);
    expect(withdrawn.body.consent).to.equal(false);
    expect(withdrawn.body.consentRecord.status).to.equal('withdrawn');
    const [row] = await app.db.sequelize.query<{ id_number_enc: Buffer | null; id_number_hash: string | null }>('SELECT id_number_enc, id_number_hash FROM team_members WHERE id = :memberId', {
      replacements: { memberId },
      type: QueryTypes.SELECT,
    });
    expect(row).to.deep.equal({ id_number_enc: null, id_number_hash: null });
    // the signed form (which usually shows the number) is gone with it
    expect((await firm.client.download(`/api/talent-teams/${teamId}/members/${memberId}/consent-form`)).status).to.equal(404);
    const files = await app.db.sequelize.query('SELECT 1 FROM document_contents WHERE sha256 = :formHash', { replacements: { formHash }, type: QueryTypes.SELECT });
    expect(files).to.have.length(0);
    const { client: officer } = await signedInStaff(app.baseUrl, app.db, ['officer']);
    expect((await officer.post(`/api/talent-teams/${teamId}/members/${memberId}/reveal`, { reason: '核对身份信息' })).status).to.equal(404);
  });

  it('when the retention period has passed, then the job anonymises the members and records it', async () => {
    const firm = await signedInApplicant(app.baseUrl);
    const created = await firm.client.post('/api/talent-teams', { name: '已结束的团队', members: [{ name: '周强', role: 'leader', idNumber: validResidentId(), consent: true, email: 'zq@example.cn' }] });
    const days = app.services.config.piiRetentionDays;
    // a team without an application is dated from its last change
    await app.db.sequelize.query(
      `UPDATE talent_teams SET created_at = now() - make_interval(days => :days + 1) WHERE id = :id;
       UPDATE team_members SET updated_at = now() - make_interval(days => :days + 1) WHERE team_id = :id`,
      { replacements: { id: created.body.id, days } },
    );
    const erased = await app.services.useCases.talentTeams.applyRetention();
    expect(erased).to.be.at.least(1);
    const team = await firm.client.get(`/api/talent-teams/${created.body.id}`);
    expect(team.body.members[0]).to.include({ name: '（已匿名）', email: null, idNumberMasked: null });
    expect(team.body.members[0].erasedAt).to.be.a('string');
    const [audit] = await app.db.sequelize.query<{ after: { teams: string[] } }>("SELECT after FROM audit_events WHERE action = 'pii.retention_applied' ORDER BY id DESC LIMIT 1", { type: QueryTypes.SELECT });
    expect(audit.after.teams).to.include(created.body.id);
    expect(await app.services.useCases.talentTeams.applyRetention()).to.equal(0); // nothing twice
  });

  it('when a talent-team application names its leader and core members, then an ID number is taken only from the consented roster and stored masked', async () => {
    const { client: officer } = await signedInStaff(app.baseUrl, app.db, ['officer']);
    const call = await officer.post('/api/calls', {
      programme: 'talent-team',
      title: `人才团队测试批次 ${crypto.randomUUID().slice(0, 8)}`,
      opensAt: new Date(Date.now() - 3_600_000).toISOString(),
      closesAt: new Date(Date.now() + 86_400_000).toISOString(),
      budget: 100_000_000,
    });
    expect(call.status, call.text).to.equal(201);
    const firm = await signedInApplicant(app.baseUrl);
    const started = await firm.client.post('/api/applications', { callId: call.body.id });
    const leaderId = validResidentId();
    const facts = { field: 'new_materials', leader: { name: '张伟', idNumber: leaderId, joinedOn: '2025-06-01', inventionPatent: true, ledMajorProject: false }, commitYears: 5, projectBudget: 20_000_000 };
    const refused = await firm.client.patch(`/api/applications/${started.body.id}`, { facts, version: started.body.version });
    expect(refused.status).to.equal(400);
    expect(refused.body.errors).to.deep.equal([{ field: 'facts.leader.idNumber', message: '请先在“人才团队”中登记此人并取得其同意，再填写其身份证号码' }]);

    await firm.client.post('/api/talent-teams', { name: '张伟团队', applicationId: started.body.id, members: [{ name: '张伟', role: 'leader', idNumber: leaderId, consent: true }] });
    const saved = await firm.client.patch(`/api/applications/${started.body.id}`, { facts, version: started.body.version });
    expect(saved.status, saved.text).to.equal(200);
    const view = await firm.client.get(`/api/applications/${started.body.id}`);
    expect(view.body.facts.leader.idNumber).to.equal(`**************${leaderId.slice(-4)}`);
    expect(view.text).to.not.include(leaderId);
    const [row] = await app.db.sequelize.query<{ facts: string }>('SELECT facts::text AS facts FROM applications WHERE id = :id', { replacements: { id: started.body.id }, type: QueryTypes.SELECT });
    expect(row.facts).to.not.include(leaderId);

    // the masked value may stay; another masked value cannot be slipped in
    const kept = await firm.client.patch(`/api/applications/${started.body.id}`, { facts: { leader: view.body.facts.leader, commitYears: 6 }, version: saved.body.version });
    expect(kept.status, kept.text).to.equal(200);
    const forged = await firm.client.patch(`/api/applications/${started.body.id}`, { facts: { leader: { ...view.body.facts.leader, idNumber: '**************0000' } }, version: kept.body.version });
    expect(forged.status).to.equal(400);
    expect(forged.body.errors[0].field).to.equal('facts.leader.idNumber');
  });

  it('when applications stored before this change hold full ID numbers, then the migration leaves only the masked form, in the facts and their returned copies', async () => {
    const firm = await signedInApplicant(app.baseUrl);
    const { client: officer } = await signedInStaff(app.baseUrl, app.db, ['officer']);
    const call = await officer.post('/api/calls', {
      programme: 'talent-team',
      title: `迁移测试批次 ${crypto.randomUUID().slice(0, 8)}`,
      opensAt: new Date(Date.now() - 3_600_000).toISOString(),
      closesAt: new Date(Date.now() + 86_400_000).toISOString(),
      budget: 1_000_000,
    });
    const started = await firm.client.post('/api/applications', { callId: call.body.id });
    const leaderId = validResidentId();
    const coreId = validResidentId();
    // as an older version stored them
    const facts = { leader: { name: '张伟', idNumber: leaderId }, coreMembers: [{ name: '李娜', idNumber: coreId, role: '算法' }] };
    await app.db.sequelize.query('UPDATE applications SET facts = :facts WHERE id = :id', { replacements: { id: started.body.id, facts: JSON.stringify(facts) } });
    await app.db.sequelize.query("INSERT INTO application_transitions (application_id, from_status, to_status, event, changes) VALUES (:id, 'submitted', 'returned', 'return', :changes)", {
      replacements: { id: started.body.id, changes: JSON.stringify({ facts }) },
    });
    const { up } = await import('../../../migrations/20261127001200-mask-id-numbers-in-facts.ts');
    await up({ context: { sequelize: app.db.sequelize, queryInterface: app.db.sequelize.getQueryInterface() } });
    const [row] = await app.db.sequelize.query<{ facts: { leader: { idNumber: string } }; changes: string }>(
      `SELECT a.facts, (SELECT string_agg(t.changes::text, '') FROM application_transitions t WHERE t.application_id = a.id) AS changes FROM applications a WHERE a.id = :id`,
      { replacements: { id: started.body.id }, type: QueryTypes.SELECT },
    );
    expect(row.facts.leader.idNumber).to.equal(`**************${leaderId.slice(-4)}`);
    expect(JSON.stringify(row)).to.not.include(leaderId).and.not.include(coreId);
    expect(row.changes).to.include(`**************${coreId.slice(-4)}`);
    // and the firm can go on editing around the masked values
    const view = await firm.client.get(`/api/applications/${started.body.id}`);
    expect((await firm.client.patch(`/api/applications/${started.body.id}`, { facts: { commitYears: 5 }, version: view.body.version })).status).to.equal(200);
  });
});

import crypto from 'node:crypto';
import { expect } from 'chai';
import { QueryTypes } from 'sequelize';
import { startTestApp, type TestApp } from '../../support/app.ts';
import { freePort, startSmtpServer, waitFor, type TestSmtp } from '../../support/smtp.ts';
import { scoredCall } from './support.ts';

type OutboxRow = { id: string; to_address: string; status: string; attempts: number; last_error: string | null; message_id: string | null };

async function outboxFor(app: TestApp, addresses: string[]): Promise<OutboxRow[]> {
  return app.db.sequelize.query<OutboxRow>('SELECT id, to_address, status, attempts, last_error, message_id FROM mail_outbox WHERE to_address IN (:addresses) ORDER BY id', {
    replacements: { addresses },
    type: QueryTypes.SELECT,
  });
}

const recipientsOf = (smtp: TestSmtp, address: string) => smtp.messages.filter((m) => (Array.isArray(m.to) ? m.to : [m.to]).some((to) => to?.text.toLowerCase().includes(address)));

describe('e-mail delivery', () => {
  it('when a decision is made, then the firm receives the e-mail over SMTP with the letter attached, and officers see it delivered', async () => {
    const smtp = await startSmtpServer();
    const app = await startTestApp({ env: { SMTP_URL: smtp.url, MAIL_RETRY_BASE_MS: '200' }, mailWorker: true });
    try {
      const { officer, firms } = await scoredCall(app, [0.8], 10_000_000);
      const firm = firms[0];
      const decided = await officer.post(`/api/applications/${firm.applicationId}/decision`, { outcome: 'approved', reasons: [] });
      expect(decided.status, decided.text).to.equal(200);
      const letter = decided.body.letter;
      const mail = await waitFor(async () => recipientsOf(smtp, firm.input.email).find((m) => m.subject?.includes(letter.reference)), 20_000, 'the decision e-mail');
      expect(mail.subject).to.include('立项通知书');
      expect(mail.text).to.include(`/verify/${letter.verifyCode}`);
      expect(mail.attachments).to.have.length(1);
      expect(mail.attachments[0].filename).to.equal(`${letter.reference}.pdf`);
      expect(mail.attachments[0].contentType).to.equal('application/pdf');
      expect(crypto.createHash('sha256').update(mail.attachments[0].content).digest('hex')).to.equal(letter.sha256);
      // the submission confirmation went the same way
      expect(recipientsOf(smtp, firm.input.email).some((m) => m.subject?.includes('申报已提交'))).to.equal(true);

      // a consent link is a credential: once delivered over SMTP, the outbox keeps no copy of it
      const team = await firm.client.post('/api/talent-teams', { name: '邮件测试团队', members: [{ name: '赵六', role: 'member' }] });
      await firm.client.post(`/api/talent-teams/${team.body.id}/members/${team.body.members[0].id}/consent-request`, { email: 'zhaoliu-mail@example.cn' });
      const invite = await waitFor(async () => recipientsOf(smtp, 'zhaoliu-mail@example.cn')[0], 20_000, 'the consent e-mail');
      const link = /\/consent\/[A-Za-z0-9_-]+/.exec(invite.text ?? '')![0];
      const kept = await waitFor(async () => {
        const [row] = await app.db.sequelize.query<{ status: string; data: string; body: string | null }>("SELECT status, data::text AS data, body FROM mail_outbox WHERE to_address = 'zhaoliu-mail@example.cn'", { type: QueryTypes.SELECT });
        return row?.status === 'sent' ? row : null;
      });
      expect(kept.data).to.not.include(link);
      expect(kept.body).to.equal(null);

      const deliveries = await waitFor(async () => {
        const reply = await officer.get(`/api/applications/${firm.applicationId}/mail`);
        return reply.body.items.every((i: { status: string }) => i.status === 'sent') ? reply.body.items : null;
      });
      expect(deliveries.map((d: { template: string }) => d.template)).to.include.members(['application-submitted', 'decision-issued']);
      expect(deliveries.find((d: { template: string }) => d.template === 'decision-issued')).to.include({ status: 'sent', attempts: 1, to: firm.input.email.toLowerCase() });
    } finally {
      await app.close();
      await smtp.close();
    }
  });

  it('when the relay is down for a while and two workers race, then every e-mail is retried and delivered exactly once when it comes back', async () => {
    const port = await freePort();
    const env = { SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_RETRY_BASE_MS: '300', MAIL_MAX_ATTEMPTS: '20' };
    const first = await startTestApp({ env, mailWorker: true });
    const second = await startTestApp({ env, mailWorker: true });
    let smtp: TestSmtp | null = null;
    try {
      const { officer, firms, pool } = await scoredCall(first, [0.9, 0.8, 0.7], 10_000_000);
      for (const firm of firms) await officer.post(`/api/applications/${firm.applicationId}/decision`, { outcome: 'approved', reasons: [] });
      const addresses = [...firms.map((f) => f.input.email.toLowerCase()), ...pool.all.map((r) => r.email.toLowerCase())];
      // both workers have tried and failed; the e-mails wait with their error and a retry time
      await waitFor(async () => {
        const rows = await outboxFor(first, addresses);
        return rows.length > 0 && rows.every((r) => r.status === 'queued' && r.attempts >= 2) ? rows : null;
      }, 30_000, 'failed attempts');
      const waiting = await outboxFor(first, addresses);
      expect(waiting.every((r) => /ECONNREFUSED|connect/i.test(r.last_error ?? ''))).to.equal(true);

      smtp = await startSmtpServer(port);
      const sent = await waitFor(async () => {
        const rows = await outboxFor(first, addresses);
        return rows.every((r) => r.status === 'sent') ? rows : null;
      }, 40_000, 'every e-mail sent');
      // exactly once each: one message per outbox row, by its stable Message-ID
      const received = smtp.messages.filter((m) => sent.some((r) => r.message_id === m.messageId));
      expect(received).to.have.length(sent.length);
      expect(new Set(received.map((m) => m.messageId)).size).to.equal(sent.length);
      expect(sent.length).to.equal(firms.length * 2 + pool.all.length); // submission + decision per firm, one assignment notice per reviewer

      // delivering an e-mail again (a duplicated job, a racing worker) sends nothing more
      const again = sent[0];
      await Promise.all([first.services.mailer.deliver(Number(again.id)), second.services.mailer.deliver(Number(again.id)), first.services.mailer.deliver(Number(again.id))]);
      expect(smtp.messages.filter((m) => m.messageId === again.message_id)).to.have.length(1);
    } finally {
      await first.close();
      await second.close();
      await smtp?.close();
    }
  });

  it('when the relay refuses an e-mail for good, then it is marked failed with the reason, and an officer can send it again', async () => {
    const smtp = await startSmtpServer();
    const app = await startTestApp({ env: { SMTP_URL: smtp.url } });
    try {
      const { officer, firms } = await scoredCall(app, [0.8], 10_000_000);
      await officer.post(`/api/applications/${firms[0].applicationId}/decision`, { outcome: 'approved', reasons: [] });
      const [row] = (await outboxFor(app, [firms[0].input.email.toLowerCase()])).filter((r) => r.status === 'queued').slice(-1);
      smtp.refuseWith = 550;
      await app.services.mailer.deliver(Number(row.id));
      const deliveries = await officer.get(`/api/applications/${firms[0].applicationId}/mail`);
      const failed = deliveries.body.items.find((d: { id: number }) => d.id === Number(row.id));
      expect(failed).to.include({ status: 'failed', attempts: 1 });
      expect(failed.lastError).to.match(/550/);
      expect((await firms[0].client.post(`/api/mail/${row.id}/resend`)).status).to.equal(403);
      smtp.refuseWith = null;
      const resent = await officer.post(`/api/mail/${row.id}/resend`);
      expect(resent.status, resent.text).to.equal(202);
      expect((await officer.post(`/api/mail/${row.id}/resend`)).body.code).to.equal('mail_not_failed');
      expect((await officer.post('/api/mail/999999999/resend')).status).to.equal(404);
      await app.services.mailer.deliver(Number(row.id));
      const [after] = (await outboxFor(app, [firms[0].input.email.toLowerCase()])).filter((r) => r.id === row.id);
      expect(after).to.include({ status: 'sent', attempts: 1 });
      expect(smtp.messages.filter((m) => m.messageId === after.message_id)).to.have.length(1);
    } finally {
      await app.close();
      await smtp.close();
    }
  });

  it('when a new e-mail is claimed by several workers at once, then exactly one sends it', async () => {
    const smtp = await startSmtpServer();
    const app = await startTestApp({ env: { SMTP_URL: smtp.url } });
    try {
      const { officer, firms } = await scoredCall(app, [0.8], 10_000_000);
      await officer.post(`/api/applications/${firms[0].applicationId}/decision`, { outcome: 'approved', reasons: [] });
      const [row] = (await outboxFor(app, [firms[0].input.email.toLowerCase()])).filter((r) => r.status === 'queued').slice(-1);
      await Promise.all(Array.from({ length: 8 }, () => app.services.mailer.deliver(Number(row.id))));
      const [after] = (await outboxFor(app, [firms[0].input.email.toLowerCase()])).filter((r) => r.id === row.id);
      expect(after).to.include({ status: 'sent', attempts: 1 });
      expect(smtp.messages.filter((m) => m.messageId === after.message_id)).to.have.length(1);
    } finally {
      await app.close();
      await smtp.close();
    }
  });
});

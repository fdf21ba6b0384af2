// Every e-mail is queued in the transaction of the change it announces: the outbox row (what to send, and later how
// its delivery went) and the job that sends it commit or roll back together with that change.
import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';

export type MailLanguage = 'zh-CN' | 'en';

export type QueuedMail = {
  to: string;
  template: string;
  language: string;
  data: Record<string, unknown>;
  /** The application the mail is about, so officers can follow its delivery. */
  applicationId?: string | null;
  /** Decision letters travel as attachments; the worker reads them from the letters table when it sends. */
  attachments?: { letterId: string }[];
};

export const SEND_MAIL_TASK = 'send-mail';

/**
 * E-mails that carry a credential (one-time consent and invitation links, the enrolment code): sent by SMTP, their
 * rendered text is never stored, the mailbox does not show the link or code, and once delivered both are dropped.
 */
export const CARRIES_CREDENTIAL: ReadonlySet<string> = new Set(['consent-request', 'company-invitation', 'mfa-enrolment-code']);
const CREDENTIAL_FIELDS = ['link', 'code'];

/** The mail's data without its one-time link or code, where it carries one. */
export function withoutCredential(template: string, data: Record<string, unknown>): Record<string, unknown> {
  if (!CARRIES_CREDENTIAL.has(template)) return data;
  return Object.fromEntries(Object.entries(data).filter(([key]) => !CREDENTIAL_FIELDS.includes(key)));
}

export async function enqueueMail(sequelize: Sequelize, mail: QueuedMail, transaction: Transaction): Promise<number> {
  const applicationId = mail.applicationId ?? (typeof mail.data.applicationId === 'string' ? mail.data.applicationId : null);
  const [row] = await sequelize.query<{ id: string }>(
    `INSERT INTO mail_outbox (to_address, template, language, data, application_id, attachments)
     VALUES (:to, :template, :language, :data, :applicationId, :attachments) RETURNING id`,
    {
      replacements: {
        to: mail.to.toLowerCase(),
        template: mail.template,
        language: mail.language === 'en' ? 'en' : 'zh-CN',
        data: JSON.stringify(mail.data),
        applicationId,
        attachments: JSON.stringify(mail.attachments ?? []),
      },
      type: QueryTypes.SELECT,
      transaction,
    },
  );
  const id = Number(row.id);
  await scheduleDelivery(sequelize, id, { transaction });
  return id;
}

/** One pending job per e-mail (job key), however often it is scheduled: racing workers cannot double it. */
export async function scheduleDelivery(sequelize: Sequelize, outboxId: number, options: { transaction?: Transaction; runAt?: Date; keepRunAt?: boolean } = {}) {
  await sequelize.query(
    `SELECT graphile_worker.add_job(:task, json_build_object('id', :id::bigint), run_at := :runAt::timestamptz,
       max_attempts := 3, job_key := :key, job_key_mode := :mode)`,
    {
      replacements: {
        task: SEND_MAIL_TASK,
        id: outboxId,
        runAt: options.runAt ? options.runAt.toISOString() : null,
        key: `mail:${outboxId}`,
        mode: options.keepRunAt ? 'preserve_run_at' : 'replace',
      },
      transaction: options.transaction,
    },
  );
}

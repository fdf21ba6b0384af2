// Delivers the outbox with a PostgreSQL-backed job queue (graphile-worker). One job per e-mail (job key); the job
// claims its outbox row with a conditional UPDATE, so two workers never send the same e-mail; temporary failures
// (no connection, 4xx) go back to the queue with exponential backoff, permanent ones (5xx) are marked failed.
// Without SMTP_URL the rendered e-mail is kept in the outbox, which is the development mailbox admins read.
// The database steps around a send (claim, outcome) are retried through a short outage such as a failover: an
// outcome left unrecorded would hold the e-mail for the stale-claim window and then send it a second time.
import crypto from 'node:crypto';
import { QueryTypes, type Sequelize } from 'sequelize';
import type pg from 'pg';
import type { Logger } from 'pino';
import nodemailer, { type Transporter } from 'nodemailer';
import { run, type Runner } from 'graphile-worker';
import type { Config } from '../config.ts';
import { jobQueueLogger } from '../db/migrate.ts';
import { isLostDatabaseConnection } from '../db/connection.ts';
import { MissingTemplateError, renderMail } from './mail-templates.ts';
import { CARRIES_CREDENTIAL, SEND_MAIL_TASK, scheduleDelivery } from './queue-mail.ts';

type OutboxRow = {
  id: string; to_address: string; template: string; language: string; data: Record<string, unknown>;
  attachments: { letterId: string }[]; attempts: number;
  /** locked_at as text: the claim's token, compared at full (microsecond) precision */
  claim: string;
};

/** A claim older than this is taken to belong to a worker that died mid-send. */
const STALE_CLAIM = '10 minutes';
const MAX_BACKOFF_MS = 3_600_000;
/** How often the sweeper looks for e-mails whose job is missing or stranded (one indexed query). */
const SWEEP_EVERY_MS = 15_000;
/** Waits between tries of a database step of a delivery (about 6 s in all: a failover, cut connections). */
const DATABASE_RETRY_DELAYS_MS = [100, 400, 1_500, 4_000];
/**
 * After an e-mail went out, its outcome is retried for about five minutes (well inside the stale-claim window): until
 * it is recorded, the claim stands and nothing sends the e-mail again, so a longer failover still sends it once.
 */
const SENT_OUTCOME_RETRY_DELAYS_MS = [100, 400, 1_500, 4_000, 8_000, 15_000, ...Array(9).fill(30_000)];
const OUTBOX_COLUMNS = 'id, to_address, template, language, data, attachments, attempts, locked_at::text AS claim';

export function retryDelay(attempt: number, baseMs: number): number {
  return Math.min(MAX_BACKOFF_MS, baseMs * 2 ** Math.max(0, attempt - 1));
}

/** Connection problems and 4xx replies are worth another try; a 5xx reply is final. */
export function isTemporary(error: unknown): boolean {
  const code = (error as { responseCode?: number }).responseCode;
  return typeof code !== 'number' || code < 500;
}

export type Mailer = ReturnType<typeof createMailer>;

/** A daily job the same runner carries (e.g. the personal-data retention job), at 03:00 UTC+8. */
export type ScheduledJob = { name: string; run: () => Promise<unknown> };

export function createMailer(deps: { config: Config; sequelize: Sequelize; pool: pg.Pool; logger: Logger; scheduled?: ScheduledJob[] }) {
  const { config, sequelize, logger } = deps;
  // a send never outlives the stale-claim window, so a claim that looks abandoned really is
  const transport: Transporter | null = config.smtpUrl
    ? nodemailer.createTransport({ url: config.smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 })
    : null;
  const fromDomain = /@([^>\s]+)>?\s*$/.exec(config.mailFrom)?.[1] ?? 'huiqi.local';
  let runner: Runner | null = null;
  let sweeper: NodeJS.Timeout | null = null;

  /**
   * Runs a database step again while the failure is a lost connection (a failover, cut connections), waiting the
   * given delays between tries; the steps are safe to repeat. Any other failure is not retried.
   */
  async function persistently<T>(what: string, step: (retry: number) => Promise<T>, delays = DATABASE_RETRY_DELAYS_MS): Promise<T> {
    for (let retry = 0; ; retry++) {
      try {
        return await step(retry);
      } catch (error) {
        if (retry >= delays.length || !isLostDatabaseConnection(error)) throw error;
        logger.warn({ err: error, retry: retry + 1 }, `${what} failed; trying again`);
        await new Promise((resolve) => setTimeout(resolve, delays[retry]));
      }
    }
  }

  async function claim(id: number): Promise<OutboxRow | null> {
    // locked_at doubles as the claim's token: the database's second plus microseconds this worker picked at random,
    // so when the answer to a claim is lost (the connection cut after the commit) the worker still knows its own claim
    const micros = crypto.randomInt(1_000_000);
    return persistently(`claiming e-mail ${id}`, async (retry) => {
      if (retry > 0) {
        const [mine] = await sequelize.query<OutboxRow>(
          `SELECT ${OUTBOX_COLUMNS} FROM mail_outbox
            WHERE id = :id AND status = 'sending' AND locked_at > now() - interval '${STALE_CLAIM}'
              AND extract(microseconds FROM locked_at)::bigint % 1000000 = :micros`,
          { replacements: { id, micros }, type: QueryTypes.SELECT },
        );
        if (mine) return mine;
      }
      const rows = await sequelize.query<OutboxRow>(
        `UPDATE mail_outbox SET status = 'sending', attempts = attempts + 1, next_attempt_at = NULL,
            locked_at = date_trunc('second', clock_timestamp()) + :micros * interval '1 microsecond'
          WHERE id = :id AND (status = 'queued' OR (status = 'sending' AND locked_at < now() - interval '${STALE_CLAIM}'))
          RETURNING ${OUTBOX_COLUMNS}`,
        { replacements: { id, micros }, type: QueryTypes.SELECT },
      );
      return rows[0] ?? null;
    });
  }

  async function attachmentsOf(row: OutboxRow) {
    const ids = row.attachments.map((a) => a.letterId);
    if (ids.length === 0) return [];
    const letters = await sequelize.query<{ reference: string; version: number; content: Buffer }>(
      'SELECT reference, version, content FROM letters WHERE id IN (:ids) ORDER BY issued_at',
      { replacements: { ids }, type: QueryTypes.SELECT },
    );
    return letters.map((l) => ({
      filename: `${l.reference}${l.version > 1 ? `-v${l.version}` : ''}.pdf`,
      content: l.content,
      contentType: 'application/pdf',
    }));
  }

  /** Records the outcome, only while this worker's claim (its locked_at) still holds the row. */
  async function finish(claim: OutboxRow, fields: { status: 'sent' | 'failed'; error?: string; transport?: string; messageId?: string; subject?: string; body?: string; forgetCredential?: boolean }) {
    const id = Number(claim.id);
    const delays = fields.status === 'sent' ? SENT_OUTCOME_RETRY_DELAYS_MS : DATABASE_RETRY_DELAYS_MS;
    await persistently(`recording the outcome of e-mail ${id}`, () => sequelize.query(
      `UPDATE mail_outbox SET status = :status, locked_at = NULL, last_error = :error,
          transport = coalesce(:transport, transport), message_id = coalesce(:messageId, message_id),
          subject = coalesce(:subject, subject), next_attempt_at = NULL,
          body = CASE WHEN :forgetCredential THEN NULL ELSE coalesce(:body, body) END,
          data = CASE WHEN :forgetCredential THEN data - 'link' - 'code' ELSE data END,
          sent_at = CASE WHEN :status = 'sent' THEN now() ELSE sent_at END
        WHERE id = :id AND status = 'sending' AND locked_at = :claimedAt::timestamptz`,
      {
        replacements: {
          id,
          status: fields.status,
          error: fields.error ?? null,
          transport: fields.transport ?? null,
          messageId: fields.messageId ?? null,
          subject: fields.subject ?? null,
          body: fields.body ?? null,
          claimedAt: claim.claim,
          forgetCredential: fields.forgetCredential ?? false,
        },
      },
    ), delays);
  }

  /** Sends one e-mail if it is still due; safe to call any number of times, from any number of workers. */
  async function deliver(id: number): Promise<void> {
    const row = await claim(id);
    if (!row) return;
    let rendered: { subject: string; text: string };
    try {
      rendered = renderMail(row.template, row.language, row.data, { publicUrl: config.publicUrl, to: row.to_address });
    } catch (error) {
      // a template that cannot render will not render on the next try either: final, and visible to officers
      const message = error instanceof MissingTemplateError ? error.message : `template ${row.template} failed: ${error instanceof Error ? error.message : String(error)}`;
      await finish(row, { status: 'failed', error: message.slice(0, 500), forgetCredential: CARRIES_CREDENTIAL.has(row.template) });
      logger.error({ mailId: id, template: row.template, err: message }, 'e-mail could not be rendered');
      return;
    }
    const messageId = `<mail-${id}@${fromDomain}>`;
    if (!transport) {
      await finish(row, { status: 'sent', transport: 'mailbox', messageId, subject: rendered.subject, body: rendered.text });
      return;
    }
    let failure: { error: unknown } | null = null;
    try {
      await transport.sendMail({
        from: config.mailFrom,
        to: row.to_address,
        subject: rendered.subject,
        text: rendered.text,
        messageId,
        attachments: await persistently(`reading the letters of e-mail ${id}`, () => attachmentsOf(row)),
      });
    } catch (error) {
      failure = { error };
    }
    // the outcome is recorded outside the try: a send that went out is never taken for one to retry
    if (!failure) {
      await finish(row, { status: 'sent', transport: 'smtp', messageId, subject: rendered.subject, body: rendered.text, forgetCredential: CARRIES_CREDENTIAL.has(row.template) });
      logger.info({ mailId: id, template: row.template, attempt: row.attempts }, 'e-mail sent');
      return;
    }
    const message = failure.error instanceof Error ? failure.error.message.slice(0, 500) : String(failure.error);
    if (isTemporary(failure.error) && row.attempts < config.mail.maxAttempts) {
      const retryAt = new Date(Date.now() + retryDelay(row.attempts, config.mail.retryBaseMs));
      await persistently(`queueing e-mail ${id} again`, () =>
        sequelize.transaction(async (transaction) => {
          await sequelize.query(
            `UPDATE mail_outbox SET status = 'queued', locked_at = NULL, last_error = :message, next_attempt_at = :retryAt,
                subject = :subject, body = :body WHERE id = :id AND status = 'sending' AND locked_at = :claimedAt::timestamptz`,
            { replacements: { id, message, retryAt: retryAt.toISOString(), subject: rendered.subject, body: CARRIES_CREDENTIAL.has(row.template) ? null : rendered.text, claimedAt: row.claim }, transaction },
          );
          await scheduleDelivery(sequelize, id, { transaction, runAt: retryAt });
        }),
      );
      logger.warn({ mailId: id, attempt: row.attempts, retryAt, err: message }, 'e-mail not sent; will retry');
    } else {
      const credential = CARRIES_CREDENTIAL.has(row.template);
      await finish(row, { status: 'failed', error: message, subject: rendered.subject, ...(credential ? { forgetCredential: true } : { body: rendered.text }) });
      logger.error({ mailId: id, attempt: row.attempts, err: message }, 'e-mail failed');
    }
  }

  /**
   * Re-queues e-mails whose job went missing or is stranded: a crash mid-send, rows older than the queue, a job the
   * queue could not mark done or failed because its database connection was cut (it stays locked for hours). An
   * e-mail whose job is still waiting its turn is left alone, so a long queue is not scheduled over and over.
   */
  async function sweep(): Promise<void> {
    const due = await sequelize.query<{ id: string }>(
      `SELECT o.id FROM mail_outbox o
        WHERE (o.status = 'queued' AND coalesce(o.next_attempt_at, o.created_at) < now() - interval '30 seconds'
               AND NOT EXISTS (SELECT 1 FROM graphile_worker.jobs j
                                WHERE j.key = 'mail:' || o.id AND j.locked_at IS NULL AND j.attempts < j.max_attempts))
           OR (o.status = 'sending' AND o.locked_at < now() - interval '${STALE_CLAIM}')
        ORDER BY o.id LIMIT 500`,
      { type: QueryTypes.SELECT },
    );
    for (const { id } of due) await scheduleDelivery(sequelize, Number(id), { keepRunAt: true });
  }

  /** An officer sends a failed e-mail again (after a long relay outage, a corrected address on the server's side). */
  async function resend(id: number): Promise<boolean> {
    return sequelize.transaction(async (transaction) => {
      const rows = await sequelize.query<{ id: string }>(
        `UPDATE mail_outbox SET status = 'queued', attempts = 0, next_attempt_at = NULL WHERE id = :id AND status = 'failed' RETURNING id`,
        { replacements: { id }, type: QueryTypes.SELECT, transaction },
      );
      if (rows.length === 0) return false;
      await scheduleDelivery(sequelize, id, { transaction });
      return true;
    });
  }

  return {
    deliver,
    sweep,
    resend,
    transport: transport ? 'smtp' : 'mailbox',
    /** `onUnexpectedStop`: what the process does when the runner ends without being asked to (a process exits). */
    async start(options: { onUnexpectedStop?: (error: unknown) => void } = {}): Promise<void> {
      if (runner) return;
      runner = await run({
        pgPool: deps.pool,
        concurrency: config.mail.concurrency,
        noHandleSignals: true,
        pollInterval: Math.min(2_000, config.mail.retryBaseMs),
        logger: jobQueueLogger(logger.child({ component: 'jobs' })),
        taskList: {
          [SEND_MAIL_TASK]: async (payload) => {
            await deliver(Number((payload as { id: number }).id));
          },
          ...Object.fromEntries(
            (deps.scheduled ?? []).map((job) => [
              job.name,
              async () => {
                logger.info({ job: job.name, result: await job.run() }, 'scheduled job done');
              },
            ]),
          ),
        },
        // every scheduled job once a day at 19:00 UTC (03:00 in Beijing), caught up once if the servers were down
        crontab: (deps.scheduled ?? []).map((job) => `0 19 * * * ${job.name} ?fill=1d`).join('\n'),
      });
      // a runner that ends by itself (its pool or cron failed) must not leave a process that looks alive but sends nothing
      const started = runner;
      void started.promise.then(
        () => runner === started && options.onUnexpectedStop?.(new Error('the job runner stopped by itself')),
        (error: unknown) => runner === started && options.onUnexpectedStop?.(error),
      );
      await sweep().catch((error) => logger.warn({ err: error }, 'mail sweep failed'));
      sweeper = setInterval(() => void sweep().catch((error) => logger.warn({ err: error }, 'mail sweep failed')), SWEEP_EVERY_MS);
      sweeper.unref();
    },
    async stop(): Promise<void> {
      if (sweeper) clearInterval(sweeper);
      sweeper = null;
      const current = runner;
      runner = null;
      await current?.stop();
      transport?.close();
    },
  };
}

// The mail outbox: e-mails are queued in the same transaction as the change they announce, and keep their
// delivery state (see mail-worker.ts). Without SMTP_URL the outbox is also the development mailbox admins read.
import { QueryTypes, type Sequelize } from 'sequelize';
import { withoutCredential } from './queue-mail.ts';

type Row = {
  id: string; to_address: string; template: string; language: string; data: unknown; status: string; attempts: number;
  subject: string | null; body: string | null; last_error: string | null; transport: string | null;
  attachments: { letterId: string }[]; created_at: Date; sent_at: Date | null; next_attempt_at: Date | null;
};

const iso = (value: Date | null) => (value ? new Date(value).toISOString() : null);

function delivery(row: Row) {
  return {
    id: Number(row.id),
    to: row.to_address,
    template: row.template,
    language: row.language,
    subject: row.subject,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    transport: row.transport,
    nextAttemptAt: iso(row.next_attempt_at),
    createdAt: iso(row.created_at)!,
    sentAt: iso(row.sent_at),
  };
}

export type OutboxRepository = ReturnType<typeof createOutboxRepository>;

export function createOutboxRepository(sequelize: Sequelize) {
  return {
    /**
     * The development mailbox: everything, with the rendered text. With a real relay (`hideCredentials`), one-time
     * links and codes are not shown: they are for their addressee alone.
     */
    async list(filter: { to?: string; limit: number; offset: number }, options: { hideCredentials: boolean }) {
      const where = filter.to ? 'WHERE o.to_address = :to' : '';
      const replacements = { to: filter.to?.toLowerCase(), limit: filter.limit, offset: filter.offset };
      const [rows, [{ count }]] = await Promise.all([
        sequelize.query<Row & { filenames: string[] | null }>(
          `SELECT o.*, (SELECT array_agg(l.reference || CASE WHEN l.version > 1 THEN '-v' || l.version ELSE '' END || '.pdf')
                          FROM letters l WHERE l.id::text IN (SELECT jsonb_array_elements(o.attachments)->>'letterId')) AS filenames
             FROM mail_outbox o ${where} ORDER BY o.id DESC LIMIT :limit OFFSET :offset`,
          { replacements, type: QueryTypes.SELECT },
        ),
        sequelize.query<{ count: string }>(`SELECT count(*) FROM mail_outbox o ${where}`, { replacements, type: QueryTypes.SELECT }),
      ]);
      return {
        total: Number(count),
        items: rows.map((row) => ({
          ...delivery(row),
          data: options.hideCredentials ? withoutCredential(row.template, row.data as Record<string, unknown>) : row.data,
          text: row.body,
          attachments: (row.filenames ?? []).map((filename) => ({ filename })),
        })),
      };
    },

    async exists(id: number): Promise<boolean> {
      const rows = await sequelize.query('SELECT 1 FROM mail_outbox WHERE id = :id', { replacements: { id }, type: QueryTypes.SELECT });
      return rows.length > 0;
    },

    /** Delivery state of the e-mails about one application, for officers (no message bodies). */
    async forApplication(applicationId: string) {
      const rows = await sequelize.query<Row>('SELECT * FROM mail_outbox WHERE application_id = :applicationId ORDER BY id', {
        replacements: { applicationId },
        type: QueryTypes.SELECT,
      });
      return { items: rows.map(delivery) };
    },
  };
}

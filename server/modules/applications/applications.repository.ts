// Applications, their history and documents. Plain objects out; Sequelize stays here.
import { Op, QueryTypes, type Transaction } from 'sequelize';
import type { ApplicationModel, DocumentModel, Models } from '../../db/models/index.ts';
import type { ApplicationEvent, ApplicationStatus } from './application-status.ts';
import { enqueueMail, type QueuedMail } from '../../notifications/queue-mail.ts';

export type DocumentInfo = { id: string; kind: string; filename: string; mediaType: string; size: number; sha256: string; uploadedAt: string };

export type Application = {
  id: string;
  callId: string;
  companyId: string;
  status: ApplicationStatus;
  version: number;
  facts: Record<string, unknown>;
  screening: unknown;
  ruleSetUid: number | null;
  submittedAt: string | null;
  submissionKey: string | null;
  createdAt: string;
  updatedAt: string;
};

/** A row of the applications list: the application without its facts, with its call and company named. */
export type ApplicationListItem = Pick<Application, 'id' | 'callId' | 'companyId' | 'status' | 'version'> & {
  submittedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  programme: string;
  callTitle: string;
  closesAt: Date;
  companyName: string;
};

function toApplication(row: ApplicationModel): Application {
  return {
    id: row.id,
    callId: row.callId,
    companyId: row.companyId,
    status: row.status as ApplicationStatus,
    version: row.version,
    facts: row.facts ?? {},
    screening: row.screening ?? null,
    ruleSetUid: row.ruleSetUid === null || row.ruleSetUid === undefined ? null : Number(row.ruleSetUid),
    submittedAt: row.submittedAt ? row.submittedAt.toISOString() : null,
    submissionKey: row.submissionKey ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function toDocument(row: DocumentModel): DocumentInfo {
  return {
    id: row.id,
    kind: row.kind,
    filename: row.filename,
    mediaType: row.mediaType,
    size: Number(row.size),
    sha256: row.sha256,
    uploadedAt: row.createdAt.toISOString(),
  };
}

export type ApplicationsRepository = ReturnType<typeof createApplicationsRepository>;

export function createApplicationsRepository(models: Models) {
  const sequelize = models.Application.sequelize!;
  return {
    async create(input: { callId: string; companyId: string; createdBy: string }, transaction: Transaction): Promise<Application | null> {
      const [row, created] = await models.Application.findOrCreate({
        where: { callId: input.callId, companyId: input.companyId },
        defaults: input,
        transaction,
      });
      return created ? toApplication(row) : null;
    },

    async findExisting(callId: string, companyId: string): Promise<Application | null> {
      const row = await models.Application.findOne({ where: { callId, companyId } });
      return row ? toApplication(row) : null;
    },

    /** With `lock`, the row stays locked until the transaction ends: one state change at a time. */
    async find(id: string, options: { transaction?: Transaction; lock?: boolean } = {}): Promise<Application | null> {
      const row = await models.Application.findByPk(id, { transaction: options.transaction, lock: options.lock ? true : undefined });
      return row ? toApplication(row) : null;
    },

    /**
     * Optimistic concurrency: the write happens only if nobody wrote since `version` and the application is still in
     * one of `statuses` — so it needs no transaction or row lock (a submission in between bumps the version).
     */
    async updateFacts(id: string, expectedVersion: number, facts: Record<string, unknown>, statuses: readonly ApplicationStatus[]): Promise<number | null> {
      const [count] = await models.Application.update(
        { facts, version: expectedVersion + 1 },
        { where: { id, version: expectedVersion, status: [...statuses] } },
      );
      return count === 1 ? expectedVersion + 1 : null;
    },

    async update(
      id: string,
      changes: Partial<Pick<Application, 'status' | 'screening' | 'ruleSetUid' | 'submissionKey'>> & { submittedAt?: Date; bumpVersion?: boolean },
      transaction: Transaction,
    ): Promise<void> {
      const { bumpVersion, ...rest } = changes;
      await models.Application.update(
        { ...(rest as Record<string, unknown>), ...(bumpVersion && { version: sequelize.literal('version + 1') }) },
        { where: { id }, transaction },
      );
    },

    async recordTransition(
      entry: { applicationId: string; from: ApplicationStatus | null; to: ApplicationStatus; event: ApplicationEvent | 'start'; byUser: string | null; note?: string | null; changes?: unknown },
      transaction: Transaction,
    ): Promise<void> {
      await models.ApplicationTransition.create(
        {
          applicationId: entry.applicationId,
          fromStatus: entry.from,
          toStatus: entry.to,
          event: entry.event,
          byUser: entry.byUser,
          note: entry.note ?? null,
          changes: entry.changes ?? null,
        },
        { transaction },
      );
    },

    async history(applicationId: string, transaction?: Transaction) {
      const rows = await sequelize.query<{ at: Date; from_status: string | null; to_status: string; event: string; note: string | null; changes: unknown; by_name: string | null }>(
        `SELECT t.at, t.from_status, t.to_status, t.event, t.note, t.changes, u.display_name AS by_name
           FROM application_transitions t LEFT JOIN users u ON u.id = t.by_user
          WHERE t.application_id = :applicationId ORDER BY t.id`,
        { replacements: { applicationId }, type: QueryTypes.SELECT, transaction },
      );
      return rows.map((r) => ({ at: new Date(r.at).toISOString(), from: r.from_status, to: r.to_status, event: r.event, by: r.by_name, note: r.note, changes: r.changes }));
    },

    /**
     * A page of applications (newest change first) with their call and company, and the total. The page's ids come
     * from the list index alone (an index-only scan skips the offset without reading rows), then only those rows are
     * read and joined; the count runs beside it.
     */
    async list(filter: { companyId?: string; callId?: string; status?: string; limit: number; offset: number }): Promise<{ total: number; items: ApplicationListItem[] }> {
      const conditions: string[] = [];
      if (filter.companyId) conditions.push('company_id = :companyId');
      if (filter.callId) conditions.push('call_id = :callId');
      if (filter.status) conditions.push('status = :status');
      const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
      const replacements = { ...filter };
      const [items, [{ total }]] = await Promise.all([
        sequelize.query<ApplicationListItem>(
          `SELECT a.id, a.call_id AS "callId", a.company_id AS "companyId", a.status, a.version,
                  a.submitted_at AS "submittedAt", a.created_at AS "createdAt", a.updated_at AS "updatedAt",
                  c.programme_code AS programme, c.title AS "callTitle", c.closes_at AS "closesAt", co.name AS "companyName"
             FROM (SELECT id, updated_at FROM applications ${where} ORDER BY updated_at DESC, id LIMIT :limit OFFSET :offset) page
             JOIN applications a ON a.id = page.id
             JOIN calls c ON c.id = a.call_id
             JOIN companies co ON co.id = a.company_id
            ORDER BY page.updated_at DESC, page.id`,
          { replacements, type: QueryTypes.SELECT },
        ),
        sequelize.query<{ total: number }>(`SELECT count(*)::int AS total FROM applications ${where}`, { replacements, type: QueryTypes.SELECT }),
      ]);
      return { total, items };
    },

    async documents(applicationId: string, transaction?: Transaction): Promise<DocumentInfo[]> {
      const rows = await models.Document.findAll({ where: { applicationId, deletedAt: null }, order: [['createdAt', 'ASC']], transaction });
      return rows.map(toDocument);
    },

    async findDocument(applicationId: string, documentId: string): Promise<DocumentInfo | null> {
      const row = await models.Document.findOne({ where: { id: documentId, applicationId, deletedAt: null } });
      return row ? toDocument(row) : null;
    },

    /** The content and its row are written in one transaction: never a row without a file, nor a file without a row. */
    async addDocument(
      input: { applicationId: string; kind: string; filename: string; mediaType: string; content: Buffer; sha256: string; uploadedBy: string },
      transaction: Transaction,
    ): Promise<DocumentInfo> {
      await sequelize.query(
        'INSERT INTO document_contents (sha256, content) VALUES (:sha256, :content) ON CONFLICT (sha256) DO NOTHING',
        { replacements: { sha256: input.sha256, content: input.content }, transaction },
      );
      const row = await models.Document.create(
        {
          applicationId: input.applicationId,
          kind: input.kind,
          filename: input.filename,
          mediaType: input.mediaType,
          size: input.content.length,
          sha256: input.sha256,
          uploadedBy: input.uploadedBy,
        },
        { transaction },
      );
      return toDocument(row);
    },

    async removeDocument(applicationId: string, documentId: string, transaction: Transaction): Promise<boolean> {
      const [count] = await models.Document.update(
        { deletedAt: new Date() },
        { where: { id: documentId, applicationId, deletedAt: { [Op.is]: null } }, transaction },
      );
      return count === 1;
    },

    async documentContent(sha256: string): Promise<Buffer | null> {
      const rows = await sequelize.query<{ content: Buffer }>('SELECT content FROM document_contents WHERE sha256 = :sha256', {
        replacements: { sha256 },
        type: QueryTypes.SELECT,
      });
      return rows[0]?.content ?? null;
    },

    /** The database's clock: the one every server shares, so deadlines do not depend on which server answers. */
    async now(transaction?: Transaction): Promise<Date> {
      const rows = await sequelize.query<{ now: Date }>('SELECT now() AS now', { type: QueryTypes.SELECT, transaction });
      return new Date(rows[0].now);
    },

    async creatorEmail(applicationId: string, transaction?: Transaction): Promise<string | null> {
      const rows = await sequelize.query<{ email: string }>(
        'SELECT u.email FROM applications a JOIN users u ON u.id = a.created_by WHERE a.id = :applicationId',
        { replacements: { applicationId }, type: QueryTypes.SELECT, transaction },
      );
      return rows[0]?.email ?? null;
    },

    async queueMail(mail: QueuedMail, transaction: Transaction): Promise<void> {
      await enqueueMail(models.MailOutbox.sequelize!, mail, transaction);
    },
  };
}

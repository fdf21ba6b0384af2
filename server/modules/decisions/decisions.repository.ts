// Decisions and the budget they commit; the queries behind the ranking and the letters. SQL stays here.
import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import type { ApplicationStatus } from '../applications/application-status.ts';

export type DecisionStage = 'first' | 'appeal';
export type Decision = {
  id: string;
  applicationId: string;
  callId: string;
  stage: DecisionStage;
  outcome: 'approved' | 'rejected';
  amount: number;
  awardAmount: number | null;
  amountReason: string | null;
  reasons: string[];
  note: string | null;
  decidedBy: string;
  decidedAt: string;
  revoked: { at: string; reason: string } | null;
};

type DecisionRow = {
  id: string; application_id: string; call_id: string; stage: DecisionStage; outcome: 'approved' | 'rejected'; amount: string;
  award_amount: string | null; amount_reason: string | null; reasons: string[]; note: string | null; decided_by: string; decided_at: Date;
  revoked_at: Date | null; revoked_reason: string | null;
};

function toDecision(row: DecisionRow): Decision {
  return {
    id: row.id,
    applicationId: row.application_id,
    callId: row.call_id,
    stage: row.stage,
    outcome: row.outcome,
    amount: Number(row.amount),
    awardAmount: row.award_amount === null ? null : Number(row.award_amount),
    amountReason: row.amount_reason,
    reasons: row.reasons,
    note: row.note,
    decidedBy: row.decided_by,
    decidedAt: new Date(row.decided_at).toISOString(),
    revoked: row.revoked_at ? { at: new Date(row.revoked_at).toISOString(), reason: row.revoked_reason! } : null,
  };
}

export type DecidableApplication = {
  id: string;
  callId: string;
  companyId: string;
  status: ApplicationStatus;
  score: number | null;
  submittedAt: string | null;
  award: { amount: number; breakdown: { item: string; amount: number }[]; scheme: string } | null;
};

export type RankingRow = {
  applicationId: string;
  company: { id: string; name: string; uscc: string };
  status: string;
  score: number;
  flagged: boolean;
  submittedAt: string | null;
  awardAmount: number | null;
  awardScheme: string | null;
};

export type LetterContext = {
  applicationId: string;
  status: string;
  companyId: string;
  company: { name: string; uscc: string };
  call: { id: string; title: string; programme: string };
  programme: { name: { zh: string; en: string }; policyBasis: string };
  screening: Record<string, unknown> | null;
  reviewResult: { reviewers: number; mean: { total: number }; spread: number } | null;
  score: number | null;
  contact: { email: string; language: 'zh-CN' | 'en' } | null;
  appeal: { id: string; filedAt: string; score: number | null; reviewResult: { reviewers: number; mean: { total: number }; spread: number } | null } | null;
};

export type DecisionsRepository = ReturnType<typeof createDecisionsRepository>;

export function createDecisionsRepository(sequelize: Sequelize) {
  const select = <T extends object>(sql: string, replacements: Record<string, unknown>, transaction?: Transaction) =>
    sequelize.query<T>(sql, { replacements, type: QueryTypes.SELECT, transaction });

  /** Appeals with their evidence, first panel and how far the re-review has come (two queries, whatever the count). */
  async function appealsOf(filter: { applicationIds?: string[]; callId?: string; limit?: number; offset?: number }, transaction?: Transaction) {
    if (filter.applicationIds && filter.applicationIds.length === 0) return { items: [], total: 0 };
    const where = filter.applicationIds ? 'ap.application_id IN (:applicationIds)' : filter.callId ? 'a.call_id = :callId' : 'true';
    const rows = await select<{
      id: string; application_id: string; call_id: string; name: string; uscc: string; application_status: string; decision_id: string;
      reasons: string; filed_at: Date; score: string | null; document_ids: string[]; seats: string; decided: boolean; first_panel: string[] | null; total: string;
    }>(
      `SELECT ap.id, ap.application_id, a.call_id, c.name, c.uscc, a.status AS application_status, ap.decision_id, ap.reasons, ap.filed_at, ap.score,
              ap.document_ids, count(*) OVER () AS total,
              (SELECT count(*) FROM review_assignments r WHERE r.application_id = ap.application_id AND r.round = 2 AND r.status <> 'released') AS seats,
              (SELECT array_agg(DISTINCT r.reviewer_id) FROM review_assignments r WHERE r.application_id = ap.application_id AND r.round = 1 AND r.status <> 'released') AS first_panel,
              EXISTS (SELECT 1 FROM decisions d WHERE d.application_id = ap.application_id AND d.stage = 'appeal') AS decided
         FROM appeals ap JOIN applications a ON a.id = ap.application_id JOIN companies c ON c.id = a.company_id
        WHERE ${where} ORDER BY ap.filed_at LIMIT :limit OFFSET :offset`,
      { applicationIds: filter.applicationIds, callId: filter.callId, limit: filter.limit ?? 100, offset: filter.offset ?? 0 },
      transaction,
    );
    const documentIds = rows.flatMap((r) => r.document_ids);
    const documents = documentIds.length
      ? await select<{ id: string; filename: string }>('SELECT id, filename FROM documents WHERE id IN (:documentIds) AND deleted_at IS NULL ORDER BY created_at', { documentIds }, transaction)
      : [];
    const items = rows.map((row) => ({
      id: row.id,
      applicationId: row.application_id,
      callId: row.call_id,
      company: { name: row.name, uscc: row.uscc },
      applicationStatus: row.application_status,
      decisionId: row.decision_id,
      filedAt: new Date(row.filed_at).toISOString(),
      reasons: row.reasons,
      documents: documents.filter((d) => row.document_ids.includes(d.id)),
      status: row.decided ? 'decided' : row.score !== null ? 'reviewed' : Number(row.seats) > 0 ? 'in_review' : 'filed',
      score: row.score === null ? null : Number(row.score),
      firstPanel: row.first_panel ?? [],
    }));
    return { items, total: rows.length > 0 ? Number(rows[0].total) : 0 };
  }

  return {
    /** Takes the call's row lock: every change to its commitments queues here, so the sum stays exact. */
    async lockCall(callId: string, transaction: Transaction) {
      const rows = await select<{ id: string; budget: string; committed: string; programme_code: string; title: string }>(
        'SELECT id, budget, committed, programme_code, title FROM calls WHERE id = :callId FOR UPDATE',
        { callId },
        transaction,
      );
      const row = rows[0];
      return row ? { id: row.id, budget: Number(row.budget), committed: Number(row.committed), programme: row.programme_code, title: row.title } : null;
    },

    /** The database clock: the one every server shares. */
    async now(transaction?: Transaction): Promise<Date> {
      const [row] = await select<{ now: Date }>('SELECT now() AS now', {}, transaction);
      return new Date(row.now);
    },

    async callOf(applicationId: string): Promise<string | null> {
      const rows = await select<{ call_id: string }>('SELECT call_id FROM applications WHERE id = :applicationId', { applicationId });
      return rows[0]?.call_id ?? null;
    },

    async lockApplication(id: string, transaction: Transaction): Promise<DecidableApplication | null> {
      const rows = await select<{ id: string; call_id: string; company_id: string; status: ApplicationStatus; score: string | null; submitted_at: Date | null; award: DecidableApplication['award'] }>(
        `SELECT id, call_id, company_id, status, score, submitted_at, screening->'award' AS award FROM applications WHERE id = :id FOR UPDATE`,
        { id },
        transaction,
      );
      const row = rows[0];
      if (!row) return null;
      return {
        id: row.id,
        callId: row.call_id,
        companyId: row.company_id,
        status: row.status,
        score: row.score === null ? null : Number(row.score),
        submittedAt: row.submitted_at ? new Date(row.submitted_at).toISOString() : null,
        award: row.award && typeof row.award.amount === 'number' ? row.award : null,
      };
    },

    /** Adds (or with a negative delta releases) a commitment; the table's CHECK is the last line of defence. */
    async commit(callId: string, delta: number, transaction: Transaction): Promise<number> {
      const [row] = await select<{ committed: string }>(
        'UPDATE calls SET committed = committed + :delta, updated_at = now() WHERE id = :callId RETURNING committed',
        { callId, delta },
        transaction,
      );
      return Number(row.committed);
    },

    async insert(
      decision: Omit<Decision, 'id' | 'decidedAt' | 'revoked'> & { decidedAt: Date },
      transaction: Transaction,
    ): Promise<Decision> {
      const [row] = await select<DecisionRow>(
        `INSERT INTO decisions (application_id, call_id, stage, outcome, amount, award_amount, amount_reason, reasons, note, decided_by, decided_at)
         VALUES (:applicationId, :callId, :stage, :outcome, :amount, :awardAmount, :amountReason, ARRAY(SELECT json_array_elements_text(:reasons::json)), :note, :decidedBy, :decidedAt)
         RETURNING *`,
        { ...decision, reasons: JSON.stringify(decision.reasons), decidedAt: decision.decidedAt.toISOString() },
        transaction,
      );
      return toDecision(row);
    },

    async revoke(id: string, revocation: { reason: string; by: string }, transaction: Transaction): Promise<void> {
      await sequelize.query('UPDATE decisions SET revoked_at = now(), revoked_reason = :reason, revoked_by = :by WHERE id = :id AND revoked_at IS NULL', {
        replacements: { id, ...revocation },
        transaction,
      });
    },

    async find(id: string, transaction?: Transaction): Promise<Decision | null> {
      const rows = await select<DecisionRow>('SELECT * FROM decisions WHERE id = :id', { id }, transaction);
      return rows[0] ? toDecision(rows[0]) : null;
    },

    /** Decisions of each application, first stage first. */
    async ofApplications(applicationIds: string[], transaction?: Transaction): Promise<Map<string, Decision[]>> {
      const map = new Map<string, Decision[]>();
      if (applicationIds.length === 0) return map;
      const rows = await select<DecisionRow>(
        `SELECT * FROM decisions WHERE application_id IN (:applicationIds) ORDER BY application_id, CASE stage WHEN 'first' THEN 0 ELSE 1 END`,
        { applicationIds },
        transaction,
      );
      for (const row of rows) map.set(row.application_id, [...(map.get(row.application_id) ?? []), toDecision(row)]);
      return map;
    },

    /** Every scored application of the call (decided or not), in one query. */
    async rankable(callId: string, transaction?: Transaction): Promise<RankingRow[]> {
      const rows = await select<{ id: string; company_id: string; name: string; uscc: string; status: string; score: string; score_flagged: boolean; submitted_at: Date | null; award_amount: string | null; award_scheme: string | null }>(
        `SELECT a.id, a.company_id, c.name, c.uscc, a.status, a.score, a.score_flagged, a.submitted_at,
                a.screening->'award'->>'amount' AS award_amount, a.screening->'award'->>'scheme' AS award_scheme
           FROM applications a JOIN companies c ON c.id = a.company_id
          WHERE a.call_id = :callId AND a.score IS NOT NULL
            AND a.status IN ('scored','approved','noticed','rejected','revoked','appealed')`,
        { callId },
        transaction,
      );
      return rows.map((r) => ({
        applicationId: r.id,
        company: { id: r.company_id, name: r.name, uscc: r.uscc },
        status: r.status,
        score: Number(r.score),
        flagged: r.score_flagged,
        submittedAt: r.submitted_at ? new Date(r.submitted_at).toISOString() : null,
        awardAmount: r.award_amount === null ? null : Number(r.award_amount),
        awardScheme: r.award_scheme,
      }));
    },

    appealsOf,

    async appealOf(applicationId: string, transaction?: Transaction) {
      return (await appealsOf({ applicationIds: [applicationId] }, transaction)).items[0] ?? null;
    },

    async upheldObjectionReference(applicationId: string, transaction?: Transaction): Promise<string | null> {
      const rows = await select<{ reference: string }>(
        `SELECT reference FROM objections WHERE application_id = :applicationId AND status = 'upheld' ORDER BY resolved_at LIMIT 1`,
        { applicationId },
        transaction,
      );
      return rows[0]?.reference ?? null;
    },

    async letterContext(applicationId: string, transaction?: Transaction): Promise<LetterContext | null> {
      const rows = await select<{
        id: string; status: string; company_id: string; company_name: string; uscc: string; call_id: string; title: string; programme_code: string;
        name_zh: string; name_en: string; policy_basis: string; screening: Record<string, unknown> | null; review_result: LetterContext['reviewResult'];
        score: string | null; email: string | null; language: 'zh-CN' | 'en' | null; appeal_id: string | null; appeal_filed_at: Date | null;
        appeal_score: string | null; appeal_result: LetterContext['reviewResult'];
      }>(
        `SELECT a.id, a.status, a.company_id, co.name AS company_name, co.uscc, k.id AS call_id, k.title, k.programme_code, p.name_zh, p.name_en,
                p.policy_basis, a.screening, a.review_result, a.score, u.email, u.language,
                ap.id AS appeal_id, ap.filed_at AS appeal_filed_at, ap.score AS appeal_score, ap.review_result AS appeal_result
           FROM applications a
           JOIN companies co ON co.id = a.company_id
           JOIN calls k ON k.id = a.call_id
           JOIN programmes p ON p.code = k.programme_code
           LEFT JOIN users u ON u.id = a.created_by
           LEFT JOIN appeals ap ON ap.application_id = a.id
          WHERE a.id = :applicationId`,
        { applicationId },
        transaction,
      );
      const r = rows[0];
      if (!r) return null;
      return {
        applicationId: r.id,
        status: r.status,
        companyId: r.company_id,
        company: { name: r.company_name, uscc: r.uscc },
        call: { id: r.call_id, title: r.title, programme: r.programme_code },
        programme: { name: { zh: r.name_zh, en: r.name_en }, policyBasis: r.policy_basis },
        screening: r.screening,
        reviewResult: r.review_result,
        score: r.score === null ? null : Number(r.score),
        contact: r.email ? { email: r.email, language: r.language === 'en' ? 'en' : 'zh-CN' } : null,
        appeal: r.appeal_id
          ? { id: r.appeal_id, filedAt: new Date(r.appeal_filed_at!).toISOString(), score: r.appeal_score === null ? null : Number(r.appeal_score), reviewResult: r.appeal_result }
          : null,
      };
    },
  };
}

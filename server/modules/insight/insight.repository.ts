// Reads for officers' insight: the submitted applications of a call, streamed through a cursor in one
// read-only snapshot, so a call of 100,000 applications is simulated without holding them all in memory.
import { QueryTypes, Transaction, type Sequelize } from 'sequelize';

/** What a re-screening needs of a submitted application; the stored screening reduced to outcomes. */
export type ScreenedApplication = {
  id: string;
  companyName: string;
  facts: Record<string, unknown>;
  submittedAt: Date;
  outcome: string | null;
  /** the stored criteria's ids and outcomes, in the same order */
  criterionIds: string[] | null;
  criterionOutcomes: string[] | null;
  award: number | null;
};

/** Applications (as `a`) of a call that were submitted and not withdrawn. */
const SUBMITTED = `a.call_id = :callId AND a.submitted_at IS NOT NULL AND a.status <> 'withdrawn'`;
/** The same, withdrawn ones included (an export shows them with their status). */
const SUBMITTED_OR_WITHDRAWN = `a.call_id = :callId AND a.submitted_at IS NOT NULL`;

/** One row of a call's export. */
export type ExportRow = {
  id: string;
  companyName: string;
  uscc: string;
  status: string;
  submittedAt: Date;
  screeningOutcome: string | null;
  failedCriteria: string | null;
  score: number | null;
  decision: 'approved' | 'rejected' | null;
  amount: number | null;
  revoked: boolean | null;
};

export function createInsightRepository(sequelize: Sequelize) {
  /**
   * Runs `sql` through a cursor inside one read-only snapshot (REPEATABLE READ), handing `each` a batch at a time.
   * The next batch is already being fetched while `each` works on this one, so the database and this process
   * work side by side. `each` returning false stops early (a cancelled run).
   */
  async function streamCursor<T extends object>(sql: string, replacements: Record<string, unknown>, batchSize: number, each: (batch: T[]) => Promise<boolean | void> | boolean | void) {
    const size = Math.max(1, Math.trunc(batchSize));
    await sequelize.transaction({ isolationLevel: Transaction.ISOLATION_LEVELS.REPEATABLE_READ, readOnly: true }, async (transaction) => {
      await sequelize.query(`DECLARE rows NO SCROLL CURSOR FOR ${sql}`, { replacements, transaction });
      const fetch = () => {
        const next = sequelize.query<T>(`FETCH ${size} FROM rows`, { type: QueryTypes.SELECT, transaction });
        // if `each` fails while a fetch is in flight, that fetch's own failure must not go unhandled
        next.catch(() => undefined);
        return next;
      };
      let pending = fetch();
      for (;;) {
        const batch = await pending;
        const more = batch.length === size;
        if (more) pending = fetch();
        const go = batch.length > 0 ? await each(batch) : undefined;
        if (!more || go === false) {
          if (more) await pending;
          break;
        }
      }
      await sequelize.query('CLOSE rows', { transaction });
    });
  }

  return {
    /**
     * Calls `each` with batches of the call's submitted applications, all read from one snapshot (REPEATABLE READ,
     * READ ONLY). `each` may return false to stop early (a cancelled simulation).
     */
    async forEachSubmitted(callId: string, batchSize: number, each: (batch: ScreenedApplication[]) => Promise<boolean | void> | boolean | void): Promise<void> {
      await streamCursor<ScreenedApplication>(
        `SELECT a.id, co.name AS "companyName", a.facts, a.submitted_at AS "submittedAt", a.screening_summary->>'outcome' AS outcome,
                a.screening_summary->'ids' AS "criterionIds", a.screening_summary->'outcomes' AS "criterionOutcomes",
                (a.screening_summary->>'award')::float8 AS award
           FROM applications a JOIN companies co ON co.id = a.company_id
          WHERE ${SUBMITTED}`,
        { callId },
        batchSize,
        each,
      );
    },

    /**
     * The export rows of a call — every application that was submitted, in submission order — through a cursor in
     * one snapshot, `batchSize` at a time. The decision is the one in force (an appeal's replaces the first).
     */
    async forEachExportRow(callId: string, batchSize: number, each: (batch: ExportRow[]) => Promise<void>): Promise<void> {
      await streamCursor<ExportRow>(
        `SELECT a.id, co.name AS "companyName", co.uscc, a.status, a.submitted_at AS "submittedAt",
                a.screening_summary->>'outcome' AS "screeningOutcome",
                (SELECT string_agg(id, ', ' ORDER BY id) FROM jsonb_array_elements_text(a.screening_summary->'ids') WITH ORDINALITY AS i(id, n)
                  WHERE a.screening_summary->'outcomes'->>(n::int - 1) = 'fail') AS "failedCriteria",
                a.score::float8 AS score, d.outcome AS decision, d.amount::float8 AS amount, d.revoked_at IS NOT NULL AS revoked
           FROM applications a
           JOIN companies co ON co.id = a.company_id
           LEFT JOIN LATERAL (
             SELECT outcome, amount, revoked_at FROM decisions WHERE application_id = a.id ORDER BY (stage = 'appeal') DESC LIMIT 1
           ) d ON true
          WHERE ${SUBMITTED_OR_WITHDRAWN}
          ORDER BY a.submitted_at, a.id`,
        { callId },
        batchSize,
        each,
      );
    },
  };
}

export type InsightRepository = ReturnType<typeof createInsightRepository>;

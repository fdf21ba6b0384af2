// Aggregates for the officers' dashboards, the plan panel and the public open data: counts and sums only, read with
// a handful of grouped queries whatever the number of applications.
import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';

export type StatsScope = { callId?: string; programme?: string };

export type PlanTargetRow = {
  id: string;
  targetZh: string;
  targetEn: string;
  valueZh: string;
  valueEn: string;
  goal: number | null;
  unit: string;
  level: string;
  metric: string | null;
  updatedAt: Date;
};

/** Approvals that stand: approved or on public notice (a revoked approval has a status of its own). */
const APPROVED = `('approved', 'noticed')`;

export function createStatsRepository(sequelize: Sequelize) {
  const transaction = <T>(work: (transaction: Transaction) => Promise<T>) => sequelize.transaction(work);
  const select = <T extends object>(sql: string, replacements: Record<string, unknown> = {}) =>
    sequelize.query<T>(sql, { replacements, type: QueryTypes.SELECT });

  function scopeOf(scope: StatsScope): { where: string; replacements: Record<string, unknown> } {
    if (scope.callId) return { where: 'c.id = :callId', replacements: { callId: scope.callId } };
    if (scope.programme) return { where: 'c.programme_code = :programme', replacements: { programme: scope.programme } };
    return { where: 'true', replacements: {} };
  }

  return {
    transaction,

    async byStatus(scope: StatsScope) {
      const { where, replacements } = scopeOf(scope);
      return select<{ status: string; count: number }>(
        `SELECT a.status, count(*)::int AS count FROM applications a JOIN calls c ON c.id = a.call_id WHERE ${where} GROUP BY a.status`,
        replacements,
      );
    },

    async byProgramme(scope: StatsScope) {
      const { where, replacements } = scopeOf(scope);
      return select<{ programme: string; nameZh: string; nameEn: string; applications: number; submitted: number; approved: number; amount: number }>(
        `SELECT c.programme_code AS programme, p.name_zh AS "nameZh", p.name_en AS "nameEn", count(a.id)::int AS applications,
                count(a.submitted_at)::int AS submitted, count(*) FILTER (WHERE a.status IN ${APPROVED})::int AS approved,
                coalesce(sum(d.amount) FILTER (WHERE a.status IN ${APPROVED}), 0)::float8 AS amount
           FROM applications a
           JOIN calls c ON c.id = a.call_id
           JOIN programmes p ON p.code = c.programme_code
           LEFT JOIN LATERAL (SELECT amount FROM decisions WHERE application_id = a.id AND revoked_at IS NULL ORDER BY (stage = 'appeal') DESC LIMIT 1) d ON true
          WHERE ${where}
          GROUP BY c.programme_code, p.name_zh, p.name_en, p.sort_order
          ORDER BY p.sort_order`,
        replacements,
      );
    },

    async screening(scope: StatsScope) {
      const { where, replacements } = scopeOf(scope);
      return select<{ outcome: string; count: number }>(
        `SELECT a.screening_summary->>'outcome' AS outcome, count(*)::int AS count
           FROM applications a JOIN calls c ON c.id = a.call_id
          WHERE ${where} AND a.submitted_at IS NOT NULL AND a.screening_summary IS NOT NULL
          GROUP BY 1`,
        replacements,
      );
    },

    /** Criteria failed at screening, most failed first. */
    async failedCriteria(scope: StatsScope) {
      const { where, replacements } = scopeOf(scope);
      return select<{ programme: string; id: string; count: number }>(
        `SELECT c.programme_code AS programme, i.id, count(*)::int AS count
           FROM applications a
           JOIN calls c ON c.id = a.call_id
           CROSS JOIN LATERAL jsonb_array_elements_text(a.screening_summary->'ids') WITH ORDINALITY AS i(id, n)
          WHERE ${where} AND a.submitted_at IS NOT NULL AND a.screening_summary->'outcomes'->>(i.n::int - 1) = 'fail'
          GROUP BY c.programme_code, i.id
          ORDER BY count DESC, i.id`,
        replacements,
      );
    },

    /** Panel scores in ten buckets of ten points (100 falls in the last). */
    async scores(scope: StatsScope) {
      const { where, replacements } = scopeOf(scope);
      const [buckets, [summary]] = await Promise.all([
        select<{ bucket: number; count: number }>(
          `SELECT least(width_bucket(a.score, 0, 100, 10), 10) AS bucket, count(*)::int AS count
             FROM applications a JOIN calls c ON c.id = a.call_id WHERE ${where} AND a.score IS NOT NULL GROUP BY 1`,
          replacements,
        ),
        select<{ count: number; mean: number | null }>(
          `SELECT count(a.score)::int AS count, round(avg(a.score), 2)::float8 AS mean FROM applications a JOIN calls c ON c.id = a.call_id WHERE ${where}`,
          replacements,
        ),
      ]);
      return { buckets, ...summary };
    },

    async budget(scope: StatsScope) {
      const { where, replacements } = scopeOf(scope);
      const [row] = await select<{ total: number; committed: number }>(
        `SELECT coalesce(sum(c.budget), 0)::float8 AS total, coalesce(sum(c.committed), 0)::float8 AS committed FROM calls c WHERE ${where}`,
        replacements,
      );
      return row;
    },

    /** Days from submission to the first decision, over decided applications. */
    async processing(scope: StatsScope) {
      const { where, replacements } = scopeOf(scope);
      const [row] = await select<{ decided: number; meanDays: number | null; medianDays: number | null; p90Days: number | null }>(
        `WITH days AS (
           SELECT extract(epoch FROM d.decided_at - a.submitted_at) / 86400 AS days
             FROM decisions d JOIN applications a ON a.id = d.application_id JOIN calls c ON c.id = a.call_id
            WHERE ${where} AND d.stage = 'first' AND a.submitted_at IS NOT NULL)
         SELECT count(*)::int AS decided, round(avg(days)::numeric, 1)::float8 AS "meanDays",
                round((percentile_cont(0.5) WITHIN GROUP (ORDER BY days))::numeric, 1)::float8 AS "medianDays",
                round((percentile_cont(0.9) WITHIN GROUP (ORDER BY days))::numeric, 1)::float8 AS "p90Days"
           FROM days`,
        replacements,
      );
      return row;
    },

    async callTitle(callId: string): Promise<{ title: string; programme: string } | null> {
      const [row] = await select<{ title: string; programme: string }>('SELECT title, programme_code AS programme FROM calls WHERE id = :callId', { callId });
      return row ?? null;
    },

    async planTargets(options: { id?: string; transaction?: Transaction } = {}): Promise<PlanTargetRow[]> {
      return sequelize.query<PlanTargetRow>(
        `SELECT id, target_zh AS "targetZh", target_en AS "targetEn", value_zh AS "valueZh", value_en AS "valueEn", goal::float8 AS goal,
                unit, level, metric, updated_at AS "updatedAt"
           FROM plan_targets ${options.id ? 'WHERE id = :id' : ''} ORDER BY sort_order, id ${options.transaction ? 'FOR UPDATE' : ''}`,
        { replacements: { id: options.id ?? null }, type: QueryTypes.SELECT, transaction: options.transaction },
      );
    },

    async updatePlanTarget(
      id: string,
      changes: Partial<Pick<PlanTargetRow, 'targetZh' | 'targetEn' | 'valueZh' | 'valueEn' | 'goal' | 'level'>>,
      userId: string,
      transaction: Transaction,
    ): Promise<void> {
      const columns: Record<string, string> = { targetZh: 'target_zh', targetEn: 'target_en', valueZh: 'value_zh', valueEn: 'value_en', goal: 'goal', level: 'level' };
      const sets = Object.keys(changes).filter((key) => key in columns).map((key) => `${columns[key]} = :${key}`);
      await sequelize.query(`UPDATE plan_targets SET ${[...sets, 'updated_at = now()', 'updated_by = :userId'].join(', ')} WHERE id = :id`, {
        replacements: { ...changes, id, userId },
        transaction,
      });
    },

    /**
     * Huiqi's own figures beside the plan's targets, counted per firm (a firm's latest submitted high-tech application):
     * firms approved and their latest-year R&D expense; over submitted applications whose R&D and sales cover the same
     * years, the R&D intensity as total R&D over total sales (as the target reads) and the mean S&T staff share; talent
     * (innovation) teams approved.
     */
    async platformMetrics(): Promise<Record<string, number | null>> {
      const [row] = await select<Record<string, number | null>>(
        `WITH hte AS (
           SELECT DISTINCT ON (a.company_id) a.status, a.facts
             FROM applications a JOIN calls c ON c.id = a.call_id
            WHERE c.programme_code = 'high-tech-enterprise' AND a.submitted_at IS NOT NULL
              AND a.status NOT IN ('withdrawn', 'returned', 'revoked')
            ORDER BY a.company_id, a.submitted_at DESC),
         figures AS (
           SELECT status,
                  CASE WHEN jsonb_typeof(facts->'rdExpense') = 'array' AND jsonb_typeof(facts->'salesRevenue') = 'array'
                            AND jsonb_array_length(facts->'rdExpense') = jsonb_array_length(facts->'salesRevenue') THEN
                    (SELECT sum(v::numeric) FROM jsonb_array_elements_text(facts->'rdExpense') v) END AS rd,
                  CASE WHEN jsonb_typeof(facts->'rdExpense') = 'array' AND jsonb_typeof(facts->'salesRevenue') = 'array'
                            AND jsonb_array_length(facts->'rdExpense') = jsonb_array_length(facts->'salesRevenue') THEN
                    (SELECT sum(v::numeric) FROM jsonb_array_elements_text(facts->'salesRevenue') v) END AS sales,
                  CASE WHEN jsonb_typeof(facts->'rdExpense') = 'array' THEN (facts->'rdExpense'->>-1)::numeric END AS rd_last,
                  CASE WHEN jsonb_typeof(facts->'staffTech') = 'number' THEN (facts->>'staffTech')::numeric END AS tech,
                  CASE WHEN jsonb_typeof(facts->'staffTotal') = 'number' THEN (facts->>'staffTotal')::numeric END AS staff
             FROM hte)
         SELECT (SELECT count(*) FROM figures WHERE status IN ${APPROVED})::float8 AS "hte.approved",
                (SELECT sum(rd_last) FROM figures WHERE status IN ${APPROVED})::float8 AS "hte.rdExpense",
                (SELECT round(sum(rd) / nullif(sum(sales), 0), 4) FROM figures WHERE rd IS NOT NULL AND sales > 0)::float8 AS "hte.rdIntensity",
                (SELECT round(avg(tech / staff), 4) FROM figures WHERE staff > 0 AND tech IS NOT NULL)::float8 AS "hte.techStaffShare",
                (SELECT count(DISTINCT a.company_id) FROM applications a JOIN calls c ON c.id = a.call_id
                  WHERE c.programme_code = 'talent-team' AND a.status IN ${APPROVED})::float8 AS "talent.approved"`,
      );
      return row;
    },

    /**
     * Public aggregates: per programme and submission year (Beijing), submitted counts and the approvals already
     * published on notice (公示) with their amounts — an approval not yet announced is not counted here.
     */
    async openData() {
      return select<{ programme: string; nameZh: string; nameEn: string; year: number; submitted: number; approved: number; amount: number }>(
        `SELECT c.programme_code AS programme, p.name_zh AS "nameZh", p.name_en AS "nameEn",
                extract(year FROM a.submitted_at AT TIME ZONE 'Asia/Shanghai')::int AS year,
                count(*)::int AS submitted, count(*) FILTER (WHERE a.status = 'noticed')::int AS approved,
                coalesce(sum(d.amount) FILTER (WHERE a.status = 'noticed'), 0)::float8 AS amount
           FROM applications a
           JOIN calls c ON c.id = a.call_id
           JOIN programmes p ON p.code = c.programme_code
           LEFT JOIN LATERAL (SELECT amount FROM decisions WHERE application_id = a.id AND revoked_at IS NULL ORDER BY (stage = 'appeal') DESC LIMIT 1) d ON true
          WHERE a.submitted_at IS NOT NULL AND a.status <> 'withdrawn'
          GROUP BY c.programme_code, p.name_zh, p.name_en, p.sort_order, year
          ORDER BY year DESC, p.sort_order`,
      );
    },
  };
}

export type StatsRepository = ReturnType<typeof createStatsRepository>;

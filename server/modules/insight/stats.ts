// The dashboards' numbers: one scope (a call, a programme or the whole platform), assembled from grouped queries.
import { notFound } from '../../errors/app-error.ts';
import type { AuditRepository } from '../audit/audit.repository.ts';
import type { CurrentUser } from '../identity/identity.types.ts';
import { APPLICATION_STATUSES } from '../applications/application-status.ts';
import { criterionNames } from '../eligibility/criteria.ts';
import type { Bilingual, ProgrammeCode } from '../eligibility/rule-set.types.ts';
import type { PlanTargetRow, StatsRepository, StatsScope } from './stats.repository.ts';

const BUCKETS = Array.from({ length: 10 }, (_, i) => ({ from: i * 10, to: i * 10 + 10 }));

export function makeStats(deps: { stats: StatsRepository }) {
  const { stats } = deps;
  return async function readStats(scope: StatsScope) {
    const call = scope.callId ? await stats.callTitle(scope.callId) : null;
    if (scope.callId && !call) throw notFound('unknown call');
    const [byStatus, byProgramme, screening, failed, scores, budget, processing] = await Promise.all([
      stats.byStatus(scope),
      stats.byProgramme(scope),
      stats.screening(scope),
      stats.failedCriteria(scope),
      stats.scores(scope),
      stats.budget(scope),
      stats.processing(scope),
    ]);
    const countOf = new Map(byStatus.map((row) => [row.status, row.count]));
    const outcomes = new Map(screening.map((row) => [row.outcome, row.count]));
    const bucketCount = new Map(scores.buckets.map((row) => [row.bucket, row.count]));
    return {
      scope: { callId: scope.callId ?? null, callTitle: call?.title ?? null, programme: call?.programme ?? scope.programme ?? null },
      generatedAt: new Date().toISOString(),
      total: byStatus.reduce((sum, row) => sum + row.count, 0),
      byStatus: APPLICATION_STATUSES.filter((status) => countOf.has(status)).map((status) => ({ status, count: countOf.get(status)! })),
      byProgramme: byProgramme.map(({ nameZh, nameEn, ...row }) => ({ ...row, name: { zh: nameZh, en: nameEn } })),
      screening: { eligible: outcomes.get('eligible') ?? 0, ineligible: outcomes.get('ineligible') ?? 0, incomplete: outcomes.get('incomplete') ?? 0 },
      failedCriteria: failed.map((row) => ({ id: row.id, name: (criterionNames[row.programme as ProgrammeCode]?.[row.id] as Bilingual | undefined) ?? null, count: row.count })),
      scores: { count: scores.count, mean: scores.mean, buckets: BUCKETS.map((bucket, i) => ({ ...bucket, count: bucketCount.get(i + 1) ?? 0 })) },
      budget: { total: budget.total, committed: budget.committed, remaining: budget.total - budget.committed },
      processing,
    };
  };
}

const METRIC_LABELS: Record<string, Bilingual> = {
  'hte.approved': { zh: '平台立项的高新技术企业', en: 'High-tech enterprises approved on Huiqi' },
  'hte.rdExpense': { zh: '平台立项高企最近一年研发费用合计', en: 'Latest-year R&D expense of the high-tech enterprises approved on Huiqi' },
  'hte.rdIntensity': { zh: '平台高企申报的平均研发费用占比（近三年）', en: 'Mean R&D intensity of high-tech applications on Huiqi (three years)' },
  'hte.techStaffShare': { zh: '平台高企申报的平均科技人员占比', en: 'Mean S&T staff share of high-tech applications on Huiqi' },
  'talent.approved': { zh: '平台立项的人才团队', en: 'Talent teams approved on Huiqi' },
};

export function planTargetView(row: PlanTargetRow, metrics: Record<string, number | null>) {
  return {
    id: row.id,
    target: { zh: row.targetZh, en: row.targetEn },
    value: { zh: row.valueZh, en: row.valueEn },
    goal: row.goal,
    unit: row.unit,
    level: row.level,
    platform: row.metric ? { value: metrics[row.metric] ?? null, label: METRIC_LABELS[row.metric] ?? { zh: row.metric, en: row.metric } } : null,
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

export function makePlanTargets(deps: { stats: StatsRepository }) {
  return async function readPlanTargets() {
    const [rows, metrics] = await Promise.all([deps.stats.planTargets(), deps.stats.platformMetrics()]);
    return { items: rows.map((row) => planTargetView(row, metrics)) };
  };
}

export function makeOpenData(deps: { stats: StatsRepository }) {
  return async function readOpenData() {
    const rows = await deps.stats.openData();
    return { generatedAt: new Date().toISOString(), items: rows.map(({ nameZh, nameEn, ...row }) => ({ ...row, name: { zh: nameZh, en: nameEn } })) };
  };
}

export type PlanTargetChanges = { target?: Bilingual; value?: Bilingual; goal?: number | null; level?: string };

/** An administrator corrects a target's wording, its numeric goal or its evidence level; audited with before and after. */
export function makeUpdatePlanTarget(deps: { stats: StatsRepository; audit: AuditRepository }) {
  return async function updatePlanTarget(id: string, changes: PlanTargetChanges, actor: CurrentUser, clientIp: string) {
    // read under the row lock, change and audit in one transaction: two administrators never audit a stale "before"
    await deps.stats.transaction(async (transaction) => {
      const [before] = await deps.stats.planTargets({ id, transaction });
      if (!before) throw notFound('unknown plan target');
      await deps.stats.updatePlanTarget(
        id,
        {
          ...(changes.target && { targetZh: changes.target.zh, targetEn: changes.target.en }),
          ...(changes.value && { valueZh: changes.value.zh, valueEn: changes.value.en }),
          ...(changes.goal !== undefined && { goal: changes.goal }),
          ...(changes.level && { level: changes.level }),
        },
        actor.id,
        transaction,
      );
      await deps.audit.record(
        { userId: actor.id, label: actor.email, clientIp },
        {
          action: 'plan_target.updated',
          entityType: 'plan_target',
          entityId: id,
          before: { goal: before.goal, level: before.level, target: { zh: before.targetZh, en: before.targetEn }, value: { zh: before.valueZh, en: before.valueEn } },
          after: changes,
        },
        transaction,
      );
    });
    const [[row], metrics] = await Promise.all([deps.stats.planTargets({ id }), deps.stats.platformMetrics()]);
    return planTargetView(row, metrics);
  };
}

// What-if: every submitted application of a call screened again with some thresholds changed, writing nothing.
// "before" is the outcome stored at submission; "after" is the same facts, on the same day, under the call's
// frozen rule sets with the changed parameters. Criterion counts and the award money that would follow the
// eligible applications show what the change does as a whole.
import { AppError, notFound } from '../../errors/app-error.ts';
import { fieldError } from '../../errors/messages.ts';
import { beijingDate } from '../../lib/dates.ts';
import type { CallsRepository } from '../calls/calls.repository.ts';
import { criterionNames } from '../eligibility/criteria.ts';
import { evaluate } from '../eligibility/evaluate.ts';
import { assertEvaluates, checkParameter } from '../eligibility/publish-rule-set-version.ts';
import type { Bilingual, JsonValue, ProgrammeCode, RuleSet } from '../eligibility/rule-set.types.ts';
import type { RuleSetsRepository } from '../eligibility/rule-sets.repository.ts';
import type { InsightRepository } from './insight.repository.ts';

export type SimulationInput = { parameters: Record<string, JsonValue> };

type OutcomeCounts = Record<string, number>;

export type SimulationResult = {
  callId: string;
  programme: string;
  ruleSets: { id: string; kind: string; version: number }[];
  parameters: { id: string; label: Bilingual; unit: string; before: JsonValue; after: JsonValue }[];
  total: number;
  unchanged: number;
  changed: { applicationId: string; companyName: string; before: string | null; after: string }[];
  outcomes: { before: OutcomeCounts; after: OutcomeCounts };
  criteria: { id: string; name: Bilingual | null; before: OutcomeCounts; after: OutcomeCounts }[];
  /** Award money of the applications eligible before and after (yuan), beside the call's budget. */
  budget: { total: number; committed: number; eligibleAwardsBefore: number; eligibleAwardsAfter: number; delta: number };
  cancelled: boolean;
  durationMs: number;
};

const BATCH = 2_000;

export function makeSimulateCall(deps: { calls: CallsRepository; ruleSets: RuleSetsRepository; insight: InsightRepository }) {
  return async function simulateCall(callId: string, input: SimulationInput, options: { signal?: AbortSignal; onProgress?: (done: number) => void } = {}): Promise<SimulationResult> {
    const started = performance.now();
    const [call, screening] = await Promise.all([deps.calls.findById(callId), deps.calls.readForScreening(callId)]);
    if (!call || !screening) throw notFound('unknown call');
    const programme = call.programme as ProgrammeCode;
    const frozen = await deps.ruleSets.findByUids(screening.ruleSetUids);
    if (!frozen.some((r) => r.kind === 'eligibility')) throw new AppError('invalid_transition', { log: 'call has no frozen eligibility rule set yet' });

    // each changed parameter belongs to one of the call's frozen rule sets and keeps its shape
    const errors = Object.entries(input.parameters).flatMap(([id, value]) => {
      const owner = frozen.find((r) => r.parameters.some((p) => p.id === id));
      return checkParameter(owner?.parameters ?? [], id, value);
    });
    if (errors.length > 0) throw new AppError('validation_failed', { errors });
    const changedRuleSets: RuleSet[] = frozen.map((r) =>
      r.parameters.some((p) => p.id in input.parameters)
        ? { ...r, parameters: r.parameters.map((p) => (p.id in input.parameters ? { ...p, value: input.parameters[p.id] } : p)) }
        : r,
    );
    for (const ruleSet of changedRuleSets.filter((r, i) => r !== frozen[i])) {
      assertEvaluates(ruleSet, changedRuleSets.filter((other) => other !== ruleSet));
    }

    const result: SimulationResult = {
      callId,
      programme,
      ruleSets: frozen.map((r) => ({ id: r.id, kind: r.kind, version: r.version })),
      parameters: frozen.flatMap((r) =>
        r.parameters.filter((p) => p.id in input.parameters).map((p) => ({ id: p.id, label: p.label, unit: p.unit, before: p.value, after: input.parameters[p.id] })),
      ),
      total: 0,
      unchanged: 0,
      changed: [],
      outcomes: { before: {}, after: {} },
      criteria: [],
      budget: { total: Number(call.budget), committed: Number(call.committed), eligibleAwardsBefore: 0, eligibleAwardsAfter: 0, delta: 0 },
      cancelled: false,
      durationMs: 0,
    };
    const criteria = new Map<string, { before: OutcomeCounts; after: OutcomeCounts }>();
    const tally = (id: string, side: 'before' | 'after', outcome: string) => {
      let entry = criteria.get(id);
      if (!entry) criteria.set(id, (entry = { before: {}, after: {} }));
      entry[side][outcome] = (entry[side][outcome] ?? 0) + 1;
    };
    const count = (counts: OutcomeCounts, key: string) => {
      counts[key] = (counts[key] ?? 0) + 1;
    };
    let awardsBefore = 0;
    let awardsAfter = 0;

    await deps.insight.forEachSubmitted(callId, BATCH, (batch) => {
      if (options.signal?.aborted) {
        result.cancelled = true;
        return false;
      }
      for (const application of batch) {
        const after = evaluate(programme, application.facts, changedRuleSets, beijingDate(application.submittedAt));
        const before = application.outcome;
        result.total += 1;
        count(result.outcomes.before, before ?? 'unknown');
        count(result.outcomes.after, after.outcome);
        const ids = application.criterionIds ?? [];
        for (let i = 0; i < ids.length; i++) tally(ids[i], 'before', application.criterionOutcomes?.[i] ?? 'unknown');
        for (const criterion of after.criteria) tally(criterion.id, 'after', criterion.outcome);
        if (before === 'eligible') awardsBefore += application.award ?? 0;
        if (after.outcome === 'eligible') awardsAfter += after.award?.amount ?? 0;
        if (before === after.outcome) result.unchanged += 1;
        else result.changed.push({ applicationId: application.id, companyName: application.companyName, before, after: after.outcome });
      }
      options.onProgress?.(result.total);
    });

    const names = criterionNames[programme] ?? {};
    result.criteria = [...criteria.entries()]
      .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
      .map(([id, counts]) => ({ id, name: names[id] ?? null, ...counts }));
    result.budget.eligibleAwardsBefore = awardsBefore;
    result.budget.eligibleAwardsAfter = awardsAfter;
    result.budget.delta = awardsAfter - awardsBefore;
    result.durationMs = Math.round(performance.now() - started);
    return result;
  };
}

/** The parameters a simulation of this call may change: those of the rule-set versions the call froze. */
export function makeCallParameters(deps: { calls: CallsRepository; ruleSets: RuleSetsRepository }) {
  return async function callParameters(callId: string) {
    const screening = await deps.calls.readForScreening(callId);
    if (!screening) throw notFound('unknown call');
    const frozen = await deps.ruleSets.findByUids(screening.ruleSetUids);
    return {
      callId,
      programme: screening.call.programme,
      items: frozen.flatMap((ruleSet) =>
        ruleSet.parameters.map((p) => ({
          id: p.id,
          criterion: p.criterion,
          label: p.label,
          unit: p.unit,
          value: p.value,
          source: p.source,
          ruleSet: { id: ruleSet.id, kind: ruleSet.kind, version: ruleSet.version },
        })),
      ),
    };
  };
}

// An officer publishes a new version of a rule set with changed parameters and an effective date.
// Versions are never edited: calls and applications keep the version they froze.
import type { Sequelize } from 'sequelize';
import { AppError, notFound, type FieldError } from '../../errors/app-error.ts';
import type { AuditRepository } from '../audit/audit.repository.ts';
import type { CurrentUser } from '../identity/identity.types.ts';
import { evaluate } from './evaluate.ts';
import type { JsonValue, Parameter, RuleSet, RuleSetKind } from './rule-set.types.ts';
import type { RuleSetsRepository, StoredRuleSet } from './rule-sets.repository.ts';
import { fieldError } from '../../errors/messages.ts';

export type PublishInput = {
  basedOn: { id: string; kind?: RuleSetKind; version: number };
  effectiveFrom: string;
  effectiveTo?: string | null;
  note: string;
  parameters: Record<string, JsonValue>;
};

export function makePublishRuleSetVersion(deps: { sequelize: Sequelize; ruleSets: RuleSetsRepository; audit: AuditRepository }) {
  return async function publishRuleSetVersion(programme: string, input: PublishInput, actor: CurrentUser, clientIp: string) {
    const versions = await deps.ruleSets.listForProgramme(programme);
    const base = findBase(versions, programme, input.basedOn);
    const errors = [
      ...checkDates(input),
      ...Object.entries(input.parameters).flatMap(([id, value]) => checkParameter(base.parameters, id, value)),
    ];
    if (errors.length > 0) throw new AppError('validation_failed', { errors });

    const parameters: Parameter[] = base.parameters.map((p) => (p.id in input.parameters ? { ...p, value: input.parameters[p.id] } : p));
    const draft: RuleSet = { ...base, version: 0, effectiveFrom: input.effectiveFrom, effectiveTo: input.effectiveTo ?? null, parameters };
    assertEvaluates(draft, versions);

    return deps.sequelize.transaction(async (transaction) => {
      const version = await deps.ruleSets.nextVersion(base.id, base.kind, transaction);
      const created = await deps.ruleSets.insert(
        { ...draft, version, note: input.note, basedOnVersion: base.version, createdBy: actor.id },
        transaction,
      );
      const changed = Object.keys(input.parameters);
      await deps.audit.record(
        { userId: actor.id, label: actor.email, clientIp },
        {
          action: 'rule_set.published',
          entityType: 'rule_set',
          entityId: `${created.kind}:${created.id}:v${created.version}`,
          before: { version: base.version, parameters: Object.fromEntries(base.parameters.filter((p) => changed.includes(p.id)).map((p) => [p.id, p.value])) },
          after: { version: created.version, effectiveFrom: created.effectiveFrom, effectiveTo: created.effectiveTo, parameters: input.parameters, note: input.note },
        },
        transaction,
      );
      return created;
    });
  };
}

function findBase(versions: StoredRuleSet[], programme: string, basedOn: PublishInput['basedOn']): StoredRuleSet {
  const candidates = versions.filter(
    (r) => r.id === basedOn.id && r.version === basedOn.version && (!basedOn.kind || r.kind === basedOn.kind),
  );
  if (candidates.length === 0) throw notFound(`rule set ${basedOn.id} v${basedOn.version} of ${programme}`);
  if (candidates.length > 1) {
    throw new AppError('validation_failed', {
      errors: [fieldError('basedOn.kind', 'ruleSet.kindAmbiguous')],
    });
  }
  return candidates[0];
}

function checkDates(input: PublishInput): FieldError[] {
  if (input.effectiveTo && input.effectiveTo < input.effectiveFrom) {
    return [fieldError('effectiveTo', 'ruleSet.endBeforeStart')];
  }
  return [];
}

/** A new value keeps the JSON shape of the old one: a number stays a number, a band table stays a band table. */
export function checkParameter(parameters: Parameter[], id: string, value: JsonValue): FieldError[] {
  const field = `parameters.${id}`;
  const original = parameters.find((p) => p.id === id);
  if (!original) return [fieldError(field, 'ruleSet.unknownParameter')];
  if (!sameShape(original.value, value)) {
    return [fieldError(field, 'ruleSet.shapeMismatch')];
  }
  if (typeof value === 'number' && (!Number.isFinite(value) || value < 0 || (original.unit === 'ratio' && value > 1))) {
    return [fieldError(field, original.unit === 'ratio' ? 'ruleSet.ratioRange' : 'ruleSet.notNegative')];
  }
  return [];
}

function sameShape(a: JsonValue, b: JsonValue): boolean {
  if (a === null || b === null) return a === b;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || b.length === 0) return Array.isArray(b) && a.length === 0;
    const sample = a[0];
    return sample === undefined || b.every((item) => sameShape(sample, item));
  }
  if (typeof a === 'object') {
    if (typeof b !== 'object' || Array.isArray(b)) return false;
    return Object.entries(b).every(([key, item]) => key in a && sameShape((a as Record<string, JsonValue>)[key], item));
  }
  return typeof a === typeof b;
}

/** A version whose parameters the evaluator cannot use is refused before it is stored. */
export function assertEvaluates(ruleSet: RuleSet, versions: RuleSet[]): void {
  const counterparts = versions.filter((v) => v.kind !== ruleSet.kind);
  try {
    evaluate(ruleSet.programme, {}, [ruleSet, ...counterparts], ruleSet.effectiveFrom);
  } catch (error) {
    throw new AppError('validation_failed', {
      log: `rule set does not evaluate: ${(error as Error).message}`,
      errors: [fieldError('parameters', 'ruleSet.notEvaluable')],
    });
  }
}

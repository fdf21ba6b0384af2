// An officer publishes a new version of a rule set with changed parameters and an effective date.
// Versions are never edited: calls and applications keep the version they froze.
import type { Sequelize } from 'sequelize';
import { AppError, notFound, type FieldError } from '../../errors/app-error.ts';
import type { AuditRepository } from '../audit/audit.repository.ts';
import type { CurrentUser } from '../identity/identity.types.ts';
import { evaluate } from './evaluate.ts';
import type { JsonValue, Parameter, RuleSet, RuleSetKind } from './rule-set.types.ts';
import type { RuleSetsRepository, StoredRuleSet } from './rule-sets.repository.ts';

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
      errors: [{ field: 'basedOn.kind', message: { zh: '请指明规则类型（eligibility 或 award）', en: 'Say which kind of rule set (eligibility or award)' } }],
    });
  }
  return candidates[0];
}

function checkDates(input: PublishInput): FieldError[] {
  if (input.effectiveTo && input.effectiveTo < input.effectiveFrom) {
    return [{ field: 'effectiveTo', message: { zh: '失效日期不能早于生效日期', en: 'The end date cannot be before the start date' } }];
  }
  return [];
}

/** A new value keeps the JSON shape of the old one: a number stays a number, a band table stays a band table. */
function checkParameter(parameters: Parameter[], id: string, value: JsonValue): FieldError[] {
  const field = `parameters.${id}`;
  const original = parameters.find((p) => p.id === id);
  if (!original) return [{ field, message: { zh: '该规则版本没有此参数', en: 'This rule set has no such parameter' } }];
  if (!sameShape(original.value, value)) {
    return [{ field, message: { zh: '新值的类型或结构与原参数不一致', en: 'The new value does not have the type or structure of the old one' } }];
  }
  if (typeof value === 'number' && (!Number.isFinite(value) || value < 0 || (original.unit === 'ratio' && value > 1))) {
    return [
      {
        field,
        message:
          original.unit === 'ratio'
            ? { zh: '比例应在 0 到 1 之间（例如 0.6 表示 60%）', en: 'A ratio is between 0 and 1 (0.6 means 60%)' }
            : { zh: '应为不小于 0 的数', en: 'Must be a number of at least 0' },
      },
    ];
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
function assertEvaluates(ruleSet: RuleSet, versions: RuleSet[]): void {
  const counterparts = versions.filter((v) => v.kind !== ruleSet.kind);
  try {
    evaluate(ruleSet.programme, {}, [ruleSet, ...counterparts], ruleSet.effectiveFrom);
  } catch (error) {
    throw new AppError('validation_failed', {
      log: `rule set does not evaluate: ${(error as Error).message}`,
      errors: [{ field: 'parameters', message: { zh: '这些参数无法用于资格计算，请检查', en: 'These parameters cannot be used for screening. Check them' } }],
    });
  }
}

// Everything a firm (or a client building a form) needs to know about one programme.
import { beijingDate } from '../../lib/dates.ts';
import { criterionNames } from '../eligibility/criteria.ts';
import { evaluate } from '../eligibility/evaluate.ts';
import { factSchemas } from '../eligibility/fact-schemas/index.ts';
import { isProgrammeCode } from '../eligibility/run-precheck.ts';
import { selectRuleSetWithFallback } from '../eligibility/select-rule-set.ts';
import { publicRuleSet, type RuleSetsRepository } from '../eligibility/rule-sets.repository.ts';
import type { ProgrammesRepository } from './programmes.repository.ts';
import { documentRequirements, rubrics } from './programme-requirements.ts';

export function makeDescribeProgramme(deps: { programmes: ProgrammesRepository; ruleSets: RuleSetsRepository }) {
  return async function describeProgramme(code: string) {
    if (!isProgrammeCode(code)) return null;
    const programme = await deps.programmes.find(code);
    if (!programme) return null;
    const versions = await deps.ruleSets.listForProgramme(code);
    const today = beijingDate();
    const inForce = selectRuleSetWithFallback(versions.filter((v) => v.kind === 'eligibility'), today)?.ruleSet;
    // Citations come from the evaluator itself, so the catalogue cannot disagree with the screening.
    const citations = inForce
      ? new Map(evaluate(code, {}, versions, today).criteria.map((c) => [c.id, c.citation]))
      : new Map<string, string>();
    return {
      ...programme,
      factSchema: factSchemas[code],
      documents: documentRequirements[code],
      ruleSet: inForce ? publicRuleSet(inForce) : null,
      awardSchemes: versions.filter((v) => v.kind === 'award').map(publicRuleSet),
      criteria: Object.entries(criterionNames[code]).map(([id, label]) => ({ id, label, citation: citations.get(id) ?? null })),
      ...(rubrics[code] && { rubric: rubrics[code] }),
    };
  };
}

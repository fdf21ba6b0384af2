// The pre-check: pick the rule-set versions in force at asOf and run the programme's pure evaluator.
import { evaluateHighTechEnterprise } from './programmes/high-tech-enterprise.ts';
import { evaluateResidencePoints } from './programmes/residence-points.ts';
import { evaluateTalentTeam } from './programmes/talent-team.ts';
import { evaluateTechSme } from './programmes/tech-sme.ts';
import { evaluateUnicorn } from './programmes/unicorn-cultivation.ts';
import { parseDate } from './dates.ts';
import { bilingual } from './results.ts';
import type { Facts, PrecheckResult, ProgrammeCode, ProgrammeEvaluator, RuleSet } from './rule-set.types.ts';
import { selectRuleSet, selectRuleSetWithFallback } from './select-rule-set.ts';

export const evaluators: Record<ProgrammeCode, ProgrammeEvaluator> = {
  'high-tech-enterprise': evaluateHighTechEnterprise,
  'tech-sme': evaluateTechSme,
  'unicorn-cultivation': evaluateUnicorn,
  'talent-team': evaluateTalentTeam,
  'residence-points': evaluateResidencePoints,
};

function asFacts(facts: unknown): Facts {
  return typeof facts === 'object' && facts !== null && !Array.isArray(facts) ? (facts as Facts) : {};
}

/**
 * Evaluates facts (validated with validateFacts first) against the versions in `ruleSets` in force at
 * `asOf` (YYYY-MM-DD). Throws only on a bad asOf or when `ruleSets` holds no eligibility version of the
 * programme — both caller mistakes, never a consequence of the facts.
 */
export function evaluate(programme: ProgrammeCode, facts: unknown, ruleSets: RuleSet[], asOf: string): PrecheckResult {
  if (!parseDate(asOf)) throw new RangeError(`asOf must be a YYYY-MM-DD date: ${asOf}`);
  const evaluator = evaluators[programme];
  if (!evaluator) throw new RangeError(`unknown programme: ${programme}`);
  const ofProgramme = ruleSets.filter((ruleSet) => ruleSet.programme === programme);
  const selection = selectRuleSetWithFallback(
    ofProgramme.filter((ruleSet) => ruleSet.kind === 'eligibility'),
    asOf,
  );
  if (!selection) throw new Error(`no eligibility rule set for ${programme}`);
  // Awards never fall back: outside every scheme's range there is no award.
  const award = selectRuleSet(
    ofProgramme.filter((ruleSet) => ruleSet.kind === 'award'),
    asOf,
  );
  const result = evaluator(asFacts(facts), selection.ruleSet, asOf, award);
  if (selection.basis !== 'in-force') {
    const { id, version, effectiveFrom, effectiveTo } = selection.ruleSet;
    const range = `${effectiveFrom} – ${effectiveTo ?? '…'}`;
    const note =
      selection.basis === 'latest-before'
        ? bilingual(
            `${asOf} 不在任何规则版本的有效期内，按此前最近开始施行的版本 ${id} v${version}（${range}）计算`,
            `${asOf} is outside every rule-set version's dates; used ${id} v${version} (${range}), the latest that started before it`,
          )
        : bilingual(
            `${asOf} 早于所有规则版本的施行日期，按最早的版本 ${id} v${version}（${range}）计算`,
            `${asOf} is before every rule-set version; used the earliest, ${id} v${version} (${range})`,
          );
    result.notes = [note, ...(result.notes ?? [])];
  }
  return result;
}

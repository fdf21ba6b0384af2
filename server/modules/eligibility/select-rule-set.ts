// Which version of a rule set applies at a date. ISO dates compare correctly as strings.
import type { RuleSet } from './rule-set.types.ts';

function isInForce(ruleSet: RuleSet, asOf: string): boolean {
  return ruleSet.effectiveFrom <= asOf && (ruleSet.effectiveTo === null || asOf <= ruleSet.effectiveTo);
}

/** Later start first, then higher version: the newest publication wins where ranges overlap. */
function newestFirst(a: RuleSet, b: RuleSet): number {
  if (a.effectiveFrom !== b.effectiveFrom) return a.effectiveFrom < b.effectiveFrom ? 1 : -1;
  return b.version - a.version;
}

/** The version in force at `asOf` (effective range inclusive at both ends), or undefined. */
export function selectRuleSet(versions: RuleSet[], asOf: string): RuleSet | undefined {
  return versions.filter((ruleSet) => isInForce(ruleSet, asOf)).sort(newestFirst)[0];
}

export type FallbackSelection = {
  ruleSet: RuleSet;
  /** in-force: the normal case; latest-before: asOf is past every range; earliest: asOf precedes every version. */
  basis: 'in-force' | 'latest-before' | 'earliest';
};

/**
 * Like selectRuleSet, but a date outside every range still gets an answer: the latest version that started
 * before `asOf`, or failing that the earliest version (residence-points.md asks for this, and a pre-check
 * should say what it used rather than refuse).
 */
export function selectRuleSetWithFallback(versions: RuleSet[], asOf: string): FallbackSelection | undefined {
  const inForce = selectRuleSet(versions, asOf);
  if (inForce) return { ruleSet: inForce, basis: 'in-force' };
  const startedBefore = versions.filter((ruleSet) => ruleSet.effectiveFrom <= asOf).sort(newestFirst)[0];
  if (startedBefore) return { ruleSet: startedBefore, basis: 'latest-before' };
  const earliest = [...versions].sort(newestFirst).at(-1);
  return earliest ? { ruleSet: earliest, basis: 'earliest' } : undefined;
}

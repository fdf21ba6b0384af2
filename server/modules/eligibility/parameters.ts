// Reading thresholds from a rule set by parameter id. A missing or malformed parameter is a broken
// rule set (a configuration error), not a fact problem, so it throws.
import type { Band, JsonValue, Parameter, RuleSet } from './rule-set.types.ts';

function brokenRuleSet(ruleSet: RuleSet, id: string, expected: string): Error {
  return new Error(`rule set ${ruleSet.id} v${ruleSet.version}: parameter ${id} must be ${expected}`);
}

export function findParameter(ruleSet: RuleSet, id: string): Parameter {
  const parameter = ruleSet.parameters.find((candidate) => candidate.id === id);
  if (!parameter) throw new Error(`rule set ${ruleSet.id} v${ruleSet.version} has no parameter ${id}`);
  return parameter;
}

export function parameterValue(ruleSet: RuleSet, id: string): JsonValue {
  return findParameter(ruleSet, id).value;
}

export function numberParameter(ruleSet: RuleSet, id: string): number {
  const value = parameterValue(ruleSet, id);
  if (typeof value !== 'number' || !Number.isFinite(value)) throw brokenRuleSet(ruleSet, id, 'a number');
  return value;
}

export function stringParameter(ruleSet: RuleSet, id: string): string {
  const value = parameterValue(ruleSet, id);
  if (typeof value !== 'string') throw brokenRuleSet(ruleSet, id, 'a string');
  return value;
}

export function stringListParameter(ruleSet: RuleSet, id: string): string[] {
  const value = parameterValue(ruleSet, id);
  if (!Array.isArray(value) || !value.every((entry) => typeof entry === 'string')) {
    throw brokenRuleSet(ruleSet, id, 'a list of strings');
  }
  return value as string[];
}

/** A record of numbers, e.g. points per education level. */
export function numberMapParameter(ruleSet: RuleSet, id: string): Record<string, number> {
  const value = parameterValue(ruleSet, id);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw brokenRuleSet(ruleSet, id, 'an object of numbers');
  for (const entry of Object.values(value)) {
    if (typeof entry !== 'number' || !Number.isFinite(entry)) throw brokenRuleSet(ruleSet, id, 'an object of numbers');
  }
  return value as Record<string, number>;
}

export function bandsParameter(ruleSet: RuleSet, id: string): Band[] {
  const value = parameterValue(ruleSet, id);
  const isBand = (entry: unknown): boolean =>
    typeof entry === 'object' &&
    entry !== null &&
    !Array.isArray(entry) &&
    Object.values(entry).every((field) => typeof field === 'number' && Number.isFinite(field));
  if (!Array.isArray(value) || !value.every(isBand)) throw brokenRuleSet(ruleSet, id, 'a list of bands');
  return value as Band[];
}

export function sourceOf(ruleSet: RuleSet, id: string): string {
  return findParameter(ruleSet, id).source;
}

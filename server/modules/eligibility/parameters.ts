// Reading thresholds from a rule set by parameter id. A missing or malformed parameter is a broken
// rule set (a configuration error), not a fact problem, so it throws.
import type { Band, JsonValue, Parameter, RuleSet } from './rule-set.types.ts';

function brokenRuleSet(ruleSet: RuleSet, id: string, expected: string): Error {
  return new Error(`rule set ${ruleSet.id} v${ruleSet.version}: parameter ${id} must be ${expected}`);
}

// A rule set is compiled once into an index of its parameters, and each parameter's value is checked
// once per expected shape. Rule sets are never changed in place (a simulation builds a new one), so
// entries keyed by the object stay right and go with it.
const indexes = new WeakMap<RuleSet, Map<string, Parameter>>();
const checked = new WeakMap<Parameter, Map<string, unknown>>();

function indexOf(ruleSet: RuleSet): Map<string, Parameter> {
  let index = indexes.get(ruleSet);
  if (!index) {
    index = new Map(ruleSet.parameters.map((parameter) => [parameter.id, parameter]));
    indexes.set(ruleSet, index);
  }
  return index;
}

function checkedValue<T>(ruleSet: RuleSet, id: string, shape: string, check: (value: JsonValue) => T): T {
  const parameter = findParameter(ruleSet, id);
  let byShape = checked.get(parameter);
  if (byShape?.has(shape)) return byShape.get(shape) as T;
  const value = check(parameter.value);
  if (!byShape) checked.set(parameter, (byShape = new Map()));
  byShape.set(shape, value);
  return value;
}

export function findParameter(ruleSet: RuleSet, id: string): Parameter {
  const parameter = indexOf(ruleSet).get(id);
  if (!parameter) throw new Error(`rule set ${ruleSet.id} v${ruleSet.version} has no parameter ${id}`);
  return parameter;
}

export function parameterValue(ruleSet: RuleSet, id: string): JsonValue {
  return findParameter(ruleSet, id).value;
}

export function numberParameter(ruleSet: RuleSet, id: string): number {
  return checkedValue(ruleSet, id, 'number', (value) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) throw brokenRuleSet(ruleSet, id, 'a number');
    return value;
  });
}

export function stringParameter(ruleSet: RuleSet, id: string): string {
  return checkedValue(ruleSet, id, 'string', (value) => {
    if (typeof value !== 'string') throw brokenRuleSet(ruleSet, id, 'a string');
    return value;
  });
}

export function stringListParameter(ruleSet: RuleSet, id: string): string[] {
  return checkedValue(ruleSet, id, 'strings', (value) => {
    if (!Array.isArray(value) || !value.every((entry) => typeof entry === 'string')) {
      throw brokenRuleSet(ruleSet, id, 'a list of strings');
    }
    return value as string[];
  });
}

/** A record of numbers, e.g. points per education level. */
export function numberMapParameter(ruleSet: RuleSet, id: string): Record<string, number> {
  return checkedValue(ruleSet, id, 'number map', (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw brokenRuleSet(ruleSet, id, 'an object of numbers');
    for (const entry of Object.values(value)) {
      if (typeof entry !== 'number' || !Number.isFinite(entry)) throw brokenRuleSet(ruleSet, id, 'an object of numbers');
    }
    return value as Record<string, number>;
  });
}

const isBand = (entry: unknown): boolean =>
  typeof entry === 'object' &&
  entry !== null &&
  !Array.isArray(entry) &&
  Object.values(entry).every((field) => typeof field === 'number' && Number.isFinite(field));

export function bandsParameter(ruleSet: RuleSet, id: string): Band[] {
  return checkedValue(ruleSet, id, 'bands', (value) => {
    if (!Array.isArray(value) || !value.every(isBand)) throw brokenRuleSet(ruleSet, id, 'a list of bands');
    return value as Band[];
  });
}

export function sourceOf(ruleSet: RuleSet, id: string): string {
  return findParameter(ruleSet, id).source;
}

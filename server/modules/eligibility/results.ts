// Building criterion results and the overall outcome (policy/README.md "Criterion outcomes").
import { factSchemas } from './fact-schemas/index.ts';
import type { Bilingual, CriterionOutcome, CriterionResult, Outcome } from './rule-set.types.ts';

export function criterion(
  id: string,
  outcome: CriterionOutcome,
  citation: string,
  message: Bilingual,
  actual?: unknown,
  required?: unknown,
): CriterionResult {
  const result: CriterionResult = { id, outcome, citation, message };
  if (actual !== undefined) result.actual = actual;
  if (required !== undefined) result.required = required;
  return result;
}

export function bilingual(zh: string, en: string): Bilingual {
  return { zh, en };
}

/** Ineligible if any criterion fails; otherwise incomplete if any is missing; otherwise eligible. */
export function overallOutcome(criteria: CriterionResult[]): Outcome {
  if (criteria.some((c) => c.outcome === 'fail')) return 'ineligible';
  if (criteria.some((c) => c.outcome === 'missing')) return 'incomplete';
  return 'eligible';
}

export function pendingReview(criteria: CriterionResult[]): string[] {
  return criteria.filter((c) => c.outcome === 'review').map((c) => c.id);
}

/** Picks the first band (listed highest first) whose lower edge the value reaches. */
export function pickBand<T extends { atLeast?: number; above?: number }>(
  bands: T[],
  reaches: (edge: number, inclusive: boolean) => boolean,
): T | undefined {
  return bands.find((band) =>
    band.atLeast !== undefined ? reaches(band.atLeast, true) : band.above !== undefined ? reaches(band.above, false) : false,
  );
}

/** The form label of a fact (as people saw it), from any programme's fact schema; the name itself otherwise. */
function factLabel(name: string): Bilingual {
  for (const schema of Object.values(factSchemas)) {
    const label = (schema.properties as Record<string, { 'x-label'?: Bilingual }> | undefined)?.[name]?.['x-label'];
    if (label) return label;
  }
  return { zh: name, en: name };
}

/** A criterion whose facts were not given. */
export function missingCriterion(id: string, citation: string, facts: string[]): CriterionResult {
  const labels = facts.map(factLabel);
  return criterion(
    id,
    'missing',
    citation,
    bilingual(`未提供所需数据：${labels.map((l) => l.zh).join('、')}`, `Not given: ${labels.map((l) => l.en).join(', ')}`),
  );
}

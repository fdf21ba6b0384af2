// Types of the eligibility module: rule sets (dated, cited thresholds) and pre-check results.

export type Bilingual = { zh: string; en: string };

export type ProgrammeCode =
  | 'high-tech-enterprise'
  | 'tech-sme'
  | 'unicorn-cultivation'
  | 'talent-team'
  | 'residence-points';

export const PROGRAMME_CODES: ProgrammeCode[] = [
  'high-tech-enterprise',
  'tech-sme',
  'unicorn-cultivation',
  'talent-team',
  'residence-points',
];

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** [V] several copies of the official text; [V1] a single secondary source; [TBC] to be confirmed by an officer. */
export type EvidenceLevel = 'V' | 'V1' | 'TBC';

export type ParameterUnit =
  | 'ratio'
  | 'yuan'
  | 'count'
  | 'years'
  | 'points'
  | 'usd'
  | 'hours'
  | 'months'
  | 'date'
  | 'enum'
  | 'bands'
  | (string & {});

/** One threshold of a rule set, with the clause it comes from. */
export type Parameter = {
  id: string;
  criterion: string;
  label: Bilingual;
  value: JsonValue;
  unit: ParameterUnit;
  /** Document and article, e.g. "国科发火〔2016〕32号 第十一条(五)". */
  source: string;
  evidence: EvidenceLevel;
};

export type RuleSetKind = 'eligibility' | 'award';

export type RuleSet = {
  id: string;
  programme: ProgrammeCode;
  kind: RuleSetKind;
  version: number;
  effectiveFrom: string;
  /** Inclusive; null = open-ended. */
  effectiveTo: string | null;
  parameters: Parameter[];
};

/**
 * A band of a table read from a parameter. `atLeast` is inclusive, `above` exclusive; bands are listed
 * from the highest down and the first that holds applies.
 */
export type Band = { atLeast?: number; above?: number; min?: number; max?: number; points?: number; amount?: number };

export type CriterionOutcome = 'pass' | 'fail' | 'review' | 'missing';

export type CriterionResult = {
  id: string;
  outcome: CriterionOutcome;
  actual?: unknown;
  required?: unknown;
  citation: string;
  /** Both languages; the HTTP layer picks one. */
  message: Bilingual;
};

export type ScoreItem = {
  id: string;
  label: Bilingual;
  /** Rounded to two decimals for display; `exact` holds the exact value as "n" or "n/d". */
  points: number;
  exact: string;
  max?: number;
  /** True when a fact this item needs was not given (the points are then a lower bound). */
  missing?: boolean;
  basis?: Bilingual;
};

/** A band the platform proposes for a rubric item that experts score (HTE A3, A4, B, D1, D2). */
export type RubricProposal = { id: string; min: number; max: number; basis: Bilingual };

export type AwardLine = { item: string; label: Bilingual; amount: number };

export type Award = { scheme: string; version: number; amount: number; breakdown: AwardLine[] };

export type Outcome = 'eligible' | 'ineligible' | 'incomplete';

export type PrecheckResult = {
  programme: ProgrammeCode;
  ruleSet: { id: string; version: number };
  asOf: string;
  outcome: Outcome;
  category?: string;
  score?: number;
  /** Exact score as "n" or "n/d" (residence points can be fractions). */
  scoreExact?: string;
  directQualification?: boolean;
  pendingReview: string[];
  criteria: CriterionResult[];
  scoreItems?: ScoreItem[];
  rubricProposal?: RubricProposal[];
  award?: Award;
  notes?: Bilingual[];
};

export type Facts = Record<string, unknown>;

export type ProgrammeEvaluator = (facts: Facts, ruleSet: RuleSet, asOf: string, awardRuleSet?: RuleSet) => PrecheckResult;

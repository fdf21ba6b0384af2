import type { Localized } from '../../lib/i18n';

import type { CriterionInfo, RubricItem, ServerText } from '../../lib/facts/screening-types';

export type { CriterionInfo, CriterionOutcome, Outcome, PrecheckResult, RubricItem, ServerText } from '../../lib/facts/screening-types';

export type ProgrammeSummary = {
  code: string;
  name: Localized;
  summary: Localized;
  policyBasis?: ServerText;
};

export type ProgrammeDocument = { kind: string; required: boolean; label: ServerText };

export type EvidenceLevel = 'V' | 'V1' | 'TBC';

/** One threshold of a rule set, with the clause it comes from. */
export type RuleParameter = {
  id: string;
  criterion: string;
  label?: ServerText;
  value: unknown;
  unit?: string;
  source?: string;
  evidence?: EvidenceLevel;
};

export type RuleSetSummary = {
  id: string;
  version: number | string;
  effectiveFrom?: string;
  effectiveTo?: string | null;
  parameters?: RuleParameter[];
};

/** GET /api/programmes/:code */
export type ProgrammeDetail = {
  code: string;
  name: Localized;
  summary?: Localized;
  policyBasis?: ServerText;
  planAction?: ServerText | null;
  factSchema?: Record<string, unknown>;
  documents?: ProgrammeDocument[];
  /** The eligibility version in force today. */
  ruleSet?: RuleSetSummary;
  /** All versions of the programme's award schemes. */
  awardSchemes?: RuleSetSummary[];
  criteria?: CriterionInfo[];
  rubric?: { items: RubricItem[] } | null;
};

export type PrecheckRequest = { facts: Record<string, unknown>; asOf?: string };

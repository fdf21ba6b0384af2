import type { Localized } from '../../lib/i18n';

/** Text that the server may send bilingual ({ zh, en }) or as one string. */
export type ServerText = Localized | string;

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

export type CriterionInfo = { id: string; label?: ServerText; citation?: string };

export type RubricItem = { id: string; label?: ServerText; min: number; max: number };

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

export type Outcome = 'eligible' | 'ineligible' | 'incomplete';
export type CriterionOutcome = 'pass' | 'fail' | 'review' | 'missing';

/** POST /api/programmes/:code/precheck — every label, message, basis and note already in the request's language. */
export type PrecheckResult = {
  programme: string;
  ruleSet: { id: string; version: number | string };
  asOf: string;
  outcome: Outcome;
  category?: string;
  score?: number;
  scoreExact?: string;
  directQualification?: boolean;
  pendingReview?: string[];
  criteria: {
    id: string;
    outcome: CriterionOutcome;
    actual?: unknown;
    required?: unknown;
    citation?: string;
    message?: ServerText;
  }[];
  scoreItems?: {
    id: string;
    label?: ServerText;
    points: number;
    exact?: string;
    max?: number;
    missing?: boolean;
    basis?: ServerText;
  }[];
  rubricProposal?: { id: string; min: number; max: number; basis?: ServerText }[];
  award?: {
    scheme: string;
    version?: number | string;
    amount: number;
    breakdown?: { item: string; label?: ServerText; amount: number }[];
  };
  notes?: ServerText[];
};

export type PrecheckRequest = { facts: Record<string, unknown>; asOf?: string };

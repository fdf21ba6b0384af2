// Types of the eligibility screening shared by the public pre-check and the applications (frozen screening).
import type { Localized } from '../i18n';

/** Text that the server may send bilingual ({ zh, en }) or as one string. */
export type ServerText = Localized | string;

export type CriterionInfo = { id: string; label?: ServerText; citation?: string };

export type RubricItem = { id: string; label?: ServerText; min: number; max: number };

/** What the screening view needs of the programme to label criteria and rubric items. */
export type ScreeningContext = { criteria?: CriterionInfo[]; rubric?: { items: RubricItem[] } | null };

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


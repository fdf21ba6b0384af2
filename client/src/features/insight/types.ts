import type { Localized } from '../../lib/i18n';

/** GET /api/stats (?callId= | ?programme= | none for the whole platform) */
export type Stats = {
  scope: { callId: string | null; callTitle: string | null; programme: string | null };
  generatedAt: string;
  /** Applications in scope, drafts included. */
  total: number;
  /** Every status with a count above 0, in lifecycle order. */
  byStatus: { status: string; count: number }[];
  byProgramme: { programme: string; name: Localized; applications: number; submitted: number; approved: number; amount: number }[];
  screening: { eligible: number; ineligible: number; incomplete: number };
  /** Most failed first. */
  failedCriteria: { id: string; name: Localized | null; count: number }[];
  scores: { count: number; mean: number | null; buckets: { from: number; to: number; count: number }[] };
  budget: { total: number; committed: number; remaining: number };
  /** Days from submission to the first decision. */
  processing: { decided: number; meanDays: number | null; medianDays: number | null; p90Days: number | null };
};

export type StatsQuery = { callId?: string; programme?: string };

export type PlanTargetUnit = 'count' | 'yuan' | 'ratio' | 'text';

/** One target of the plan, with Huiqi's own figure beside it. */
export type PlanTarget = {
  id: string;
  target: Localized;
  value: Localized;
  goal: number | null;
  unit: PlanTargetUnit | string;
  level: 'V' | 'V1' | 'TBC' | string;
  platform: { value: number | null; label: Localized } | null;
  updatedAt: string;
};

/** PUT /api/plan-targets/:id (admins) */
export type PlanTargetInput = { target?: Localized; value?: Localized; goal?: number | null; level?: string };

/** GET /api/open-data (public) */
export type OpenData = {
  generatedAt: string;
  items: { programme: string; name: Localized; year: number; submitted: number; approved: number; amount: number }[];
};

export type RuleSetRef = { id: string; kind: 'eligibility' | 'award' | string; version: number };

export type CallParameter = {
  id: string;
  criterion: string;
  label: Localized;
  unit: string;
  value: unknown;
  source: string;
  ruleSet: RuleSetRef;
};

/** GET /api/calls/:id/parameters */
export type CallParameters = { callId: string; programme: string; items: CallParameter[] };

export type ScreeningOutcome = 'eligible' | 'ineligible' | 'incomplete';

export type CriterionCounts = { pass?: number; fail?: number; review?: number; missing?: number };

/** POST /api/calls/:id/simulate */
export type SimulationResult = {
  callId: string;
  programme: string;
  ruleSets: RuleSetRef[];
  parameters: { id: string; label: Localized; unit: string; before: unknown; after: unknown }[];
  total: number;
  unchanged: number;
  changed: { applicationId: string; companyName: string; before: ScreeningOutcome | null; after: ScreeningOutcome }[];
  outcomes: { before: Record<string, number>; after: Record<string, number> };
  criteria: { id: string; name: Localized | null; before: CriterionCounts; after: CriterionCounts }[];
  budget: { total: number; committed: number; eligibleAwardsBefore: number; eligibleAwardsAfter: number; delta: number };
  cancelled: boolean;
  durationMs: number;
};

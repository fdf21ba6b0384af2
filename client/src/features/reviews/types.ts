import type { Localized } from '../../lib/i18n';
import type { CriterionInfo, PrecheckResult, ServerText } from '../../lib/facts/screening-types';
import type { ItemMap, Rubric } from '../../lib/reviews/rubric';
import type { ReviewStatus } from '../../lib/reviews/labels';

/** One row of GET /api/reviews: the reviewer's own assignment. */
export type ReviewSummary = {
  id: string;
  applicationId: string;
  status: ReviewStatus;
  /** null until declared; true releases the assignment. */
  conflict: boolean | null;
  assignedAt: string;
  submittedAt: string | null;
  call: { id: string; title: string };
  programme: { code: string; name: Localized };
  /** null when the programme hides the applicant's identity from reviewers. */
  company: { name: string } | null;
  rubric: Rubric;
  total: number | null;
};

export type ReviewDocument = { id: string; kind: string; filename: string; mediaType: string; size: number };

export type ReviewedApplication = {
  id: string;
  status: string;
  programme: string;
  facts: Record<string, unknown>;
  screening: PrecheckResult | null;
  submittedAt: string | null;
  documents: ReviewDocument[];
};

/** A band the platform proposes from the firm's own figures (HTE A3, A4, B, D1, D2). */
export type Proposal = { id: string; min: number; max: number; basis: Localized };

export type PanelReview = { reviewer: number; own: boolean; scores: ItemMap<number>; comments: ItemMap<string>; total: number | null };

export type Panel = {
  size: number;
  submitted: number;
  complete: boolean;
  /** Both stay null until every reviewer on the panel has submitted (blind review). */
  mean: null | { items: ItemMap<number>; total: number };
  reviews: null | PanelReview[];
};

/** GET /api/reviews/:id */
export type ReviewDetail = ReviewSummary & {
  conflictNote: string | null;
  /** null until the reviewer declares no conflict. */
  application: ReviewedApplication | null;
  proposal: Proposal[];
  scores: ItemMap<number>;
  comments: ItemMap<string>;
  savedAt: string | null;
  panel: Panel;
};

/** What the review page needs of GET /api/programmes/:code. */
export type ProgrammeForReview = {
  code: string;
  name: Localized;
  factSchema?: Record<string, unknown>;
  documents?: { kind: string; required: boolean; label: ServerText }[];
  criteria?: CriterionInfo[];
};

export type ScoreSheetRequest = { scores: ItemMap<number>; comments: ItemMap<string> };

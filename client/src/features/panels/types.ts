import type { Localized } from '../../lib/i18n';
import type { ItemMap, Rubric } from '../../lib/reviews/rubric';
import type { PanelScore } from '../../lib/reviews/score';
import type { ReleaseReason, ReviewerKind, ReviewStatus } from '../../lib/reviews/labels';
import type { ServerText } from '../../lib/facts/screening-types';

export type { ModeratedBy, PanelScore } from '../../lib/reviews/score';

export type ReviewSettings = { blindIdentity: boolean; spreadMargin: number };

export type Assignment = {
  id: string;
  reviewer: { id: string; displayName: string; kind: ReviewerKind; fields: string[] };
  status: ReviewStatus;
  conflict: boolean | null;
  releaseReason: ReleaseReason | null;
  assignedBy: 'auto' | 'officer';
  assignedAt: string;
  submittedAt: string | null;
  total: number | null;
};

export type PanelItem = {
  applicationId: string;
  company: { name: string; uscc: string };
  status: string;
  field: string | null;
  submittedAt: string | null;
  required: number;
  active: number;
  submitted: number;
  complete: boolean;
  assignments: Assignment[];
  score: PanelScore | null;
};

export type ReviewerOption = { id: string; displayName: string; kind: ReviewerKind; fields: string[]; load: number };

/** GET /api/calls/:id/panels */
export type CallPanels = {
  /** `programme` is the programme's code (an object with a code is accepted too). */
  call: { id: string; title: string; programme: string | { code: string; name?: Localized }; reviewersPerApplication: number };
  rules: { minSize: number; minFinancial: number; minTechnicalShare: number };
  settings: ReviewSettings;
  summary: { applications: number; awaitingAssignment: number; inReview: number; scored: number; flagged: number };
  reviewers: ReviewerOption[];
  items: PanelItem[];
};

/** POST /api/calls/:id/assignments */
export type AutoAssignResult = {
  perApplication: number;
  applications: number;
  created: { id: string; applicationId: string; reviewerId: string }[];
  unfilled: { applicationId: string; missing: number; reason: ServerText }[];
};

/** GET /api/applications/:id/scores */
export type ApplicationScores = {
  applicationId: string;
  status: string;
  company: { name: string };
  rubric: Rubric;
  reviews: {
    assignmentId: string;
    reviewer: { id: string; displayName: string; kind: ReviewerKind };
    status: ReviewStatus;
    scores: ItemMap<number>;
    comments: ItemMap<string>;
    total: number | null;
    submittedAt: string | null;
  }[];
  score: PanelScore | null;
  moderations: { id: string; previousTotal: number | null; total: number; reason: string; by: { displayName: string }; at: string }[];
};

export function programmeCode(call: CallPanels['call']): string {
  return typeof call.programme === 'string' ? call.programme : call.programme.code;
}

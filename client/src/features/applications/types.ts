import type { Letter } from '../../lib/decisions/letters';
import type { Appeal, Decision } from '../../lib/decisions/types';
import type { Localized } from '../../lib/i18n';
import type { CriterionInfo, PrecheckResult, RubricItem, ServerText } from '../../lib/facts/screening-types';

export type ApplicationStatus =
  | 'draft'
  | 'submitted'
  | 'ineligible'
  | 'in_review'
  | 'scored'
  | 'approved'
  | 'rejected'
  | 'returned'
  | 'withdrawn'
  | 'noticed'
  | 'appealed'
  | 'revoked';

export type HistoryEvent = 'start' | 'submit' | 'screen_out' | 'withdraw' | 'return' | 'resubmit';

export type ApplicationDocument = {
  id: string;
  kind: string;
  filename: string;
  mediaType: string;
  size: number;
  sha256: string;
  uploadedAt: string;
};

export type HistoryEntry = {
  at: string;
  from: ApplicationStatus | null;
  to: ApplicationStatus;
  event: HistoryEvent | string;
  by: string | null;
  note: string | null;
  changes: unknown;
};

/** GET /api/applications/:id */
export type Application = {
  id: string;
  callId: string;
  programme: string;
  call: { id: string; title: string; closesAt: string; graceMinutes: number };
  company: { id: string; name: string; uscc: string } | null;
  status: ApplicationStatus;
  version: number;
  facts: Record<string, unknown>;
  documents: ApplicationDocument[];
  screening: PrecheckResult | null;
  submittedAt: string | null;
  history: HistoryEntry[];
  /** Once decided: the outcome, amount, payment schedule and appeal deadline. */
  decision?: Decision | null;
  appeal?: Appeal | null;
  letters?: Letter[];
};

/** One row of GET /api/applications */
export type ApplicationSummary = {
  id: string;
  callId: string;
  companyId: string;
  companyName: string | null;
  programme: string | null;
  callTitle: string | null;
  closesAt: string | null;
  status: ApplicationStatus;
  version: number;
  submittedAt: string | null;
  createdAt: string;
  updatedAt: string;
};

export type ProgrammeForApplication = {
  code: string;
  name: Localized;
  factSchema?: Record<string, unknown>;
  documents?: { kind: string; required: boolean; label: ServerText }[];
  criteria?: CriterionInfo[];
  rubric?: { items: RubricItem[] } | null;
};

export type CallInfo = { id: string; programme: string; title: string; opensAt: string; closesAt: string; graceMinutes: number };

export type SubmitResult = { id: string; status: ApplicationStatus; screening: PrecheckResult | null };

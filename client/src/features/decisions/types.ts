import type { Localized } from '../../lib/i18n';
import type { Decision, Appeal } from '../../lib/decisions/types';
import type { Letter } from '../../lib/decisions/letters';
import type { PanelScore } from '../../lib/reviews/score';

export type { Letter };

/** `programme` is the programme's code (an object with a code is accepted too). */
type ProgrammeRef = string | { code: string; name?: Localized };

export type RankingItem = {
  rank: number;
  applicationId: string;
  company: { id: string; name: string; uscc: string };
  status: string;
  score: number;
  flagged: boolean;
  submittedAt: string | null;
  /** amount null: no award could be computed, the officer types one on the decision page. */
  award: { amount: number | null; scheme: string | null };
  decision: null | { outcome: 'approved' | 'rejected'; amount: number | null; decidedAt: string; stage: 'first' | 'appeal' };
  /** Undecided (scored) and funded, in rank order, within the budget. */
  aboveLine: boolean;
};

/** GET /api/calls/:id/ranking */
export type Ranking = {
  call: { id: string; title: string; programme: ProgrammeRef; budget: number; committed: number };
  budget: { total: number; committed: number; proposed: number; remaining: number };
  tieBreak: Localized;
  lineAfterRank: number | null;
  items: RankingItem[];
};

/** POST /api/calls/:id/decisions/approve-to-line */
export type ApproveToLineResult = {
  approved: { applicationId: string; amount: number; letterId: string; reference: string }[];
  budget: { total: number; committed: number; remaining: number };
};

/** GET /api/calls/:id (the parts the decision pages use) */
export type CallBudget = {
  id: string;
  title: string;
  programme: string;
  budget: number;
  committed: number;
  reviewersPerApplication: number;
};

/** GET /api/applications/:id (the parts the decision page uses) */
export type ApplicationForDecision = {
  id: string;
  callId: string;
  call: { id: string; title: string };
  company: { id: string; name: string; uscc: string } | null;
  status: string;
  submittedAt: string | null;
  screening: null | { award?: { amount: number } | null };
  decision?: Decision | null;
  appeal?: Appeal | null;
  letters?: Letter[];
};

/** GET /api/applications/:id/scores (the panel result only) */
export type PanelResult = { applicationId: string; status: string; score: PanelScore | null };

export type DecisionInput = {
  outcome: 'approved' | 'rejected';
  amount?: number;
  amountReason?: string;
  reasons: string[];
  note?: string;
};

/** POST /api/applications/:id/decision */
export type DecisionResult = {
  id: string;
  status: string;
  decision: Decision;
  letter: { id: string; reference: string; kind: string; sha256: string; verifyCode: string; issuedAt: string };
};

export type MailStatus = 'queued' | 'sending' | 'sent' | 'failed';

/** GET /api/applications/:id/mail */
export type MailItem = {
  id: number;
  to: string;
  template: string;
  subject: string | null;
  status: MailStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
};

/** GET /api/appeals?callId= */
export type AppealItem = {
  id: string;
  applicationId: string;
  company: { name: string; uscc: string };
  callId: string;
  filedAt: string;
  reasons: string;
  status: string;
  score: number | null;
  firstPanel: string[];
};

/** POST /api/calls/:id/assignments */
export type AssignResult = {
  perApplication: number;
  applications: number;
  created: { id: string; applicationId: string; reviewerId: string }[];
  unfilled: { applicationId: string; missing: number; reason: Localized | string }[];
};

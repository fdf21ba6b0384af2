/** A decision and an appeal as GET /api/applications/:id sends them (officer and firm both see these). */
import type { Localized } from '../i18n';
import type { DecisionStage, Outcome } from './labels';

export type PaymentLine = { label: Localized; amount: number; when: Localized };

export type Decision = {
  stage: DecisionStage;
  outcome: Outcome;
  amount: number | null;
  awardAmount: number | null;
  amountReason: string | null;
  reasons: string[];
  note: string | null;
  decidedAt: string;
  paymentSchedule: PaymentLine[];
  /** Rejected first-stage decisions: the last day (Beijing) to appeal. */
  appealDeadline: string | null;
  revoked: null | { at: string; reason: string };
};

export type AppealStatus = 'filed' | 'in_review' | 'reviewed' | 'decided';

export type Appeal = {
  id: string;
  filedAt: string;
  reasons: string;
  documents: { id: string; filename: string }[];
  status: AppealStatus;
  score: number | null;
};

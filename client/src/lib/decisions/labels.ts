/**
 * The decision vocabulary shared by the officer's decision pages, the firm's application page and the public
 * verification page: outcomes, reject reasons, letter kinds and states.
 */
import type { MessageKey, Translate } from '../i18n';

export type Outcome = 'approved' | 'rejected';
export type DecisionStage = 'first' | 'appeal';

/** The reject reason codes the API accepts, in the order the form lists them ('other' needs a note). */
export const REJECT_REASONS = ['score_below_line', 'budget_exhausted', 'criteria_not_met', 'evidence_insufficient', 'other'] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

const REASON: Record<RejectReason, MessageKey> = {
  score_below_line: 'rejectReason.score_below_line',
  budget_exhausted: 'rejectReason.budget_exhausted',
  criteria_not_met: 'rejectReason.criteria_not_met',
  evidence_insufficient: 'rejectReason.evidence_insufficient',
  other: 'rejectReason.other',
};

const OUTCOME: Record<string, MessageKey> = {
  approved: 'outcome.approved',
  rejected: 'outcome.rejected',
  revoked: 'outcome.revoked',
};

const STAGE: Record<DecisionStage, MessageKey> = {
  first: 'decisionStage.first',
  appeal: 'decisionStage.appeal',
};

export type LetterKind = 'approval' | 'rejection' | 'revocation' | 'appeal_outcome' | 'recognition';

const LETTER_KIND: Record<LetterKind, MessageKey> = {
  approval: 'letterKind.approval',
  rejection: 'letterKind.rejection',
  revocation: 'letterKind.revocation',
  appeal_outcome: 'letterKind.appeal_outcome',
  recognition: 'letterKind.recognition',
};

const LETTER_STATUS: Record<string, MessageKey> = {
  current: 'letterStatus.current',
  superseded: 'letterStatus.superseded',
};

const APPEAL_STATUS: Record<string, MessageKey> = {
  filed: 'appealStatus.filed',
  in_review: 'appealStatus.in_review',
  reviewed: 'appealStatus.reviewed',
  decided: 'appealStatus.decided',
};

function lookup(table: Record<string, MessageKey>, code: string | null | undefined, t: Translate): string {
  if (!code) return '—';
  const key = table[code];
  return key ? t(key) : code;
}

export function reasonText(code: string, t: Translate): string {
  return lookup(REASON, code, t);
}

export function outcomeText(outcome: string | null | undefined, t: Translate): string {
  return lookup(OUTCOME, outcome, t);
}

export function stageText(stage: string | null | undefined, t: Translate): string {
  return lookup(STAGE, stage, t);
}

export function letterKindText(kind: string, t: Translate): string {
  return lookup(LETTER_KIND, kind, t);
}

export function letterStatusText(status: string, t: Translate): string {
  return lookup(LETTER_STATUS, status, t);
}

export function appealStatusText(status: string, t: Translate): string {
  return lookup(APPEAL_STATUS, status, t);
}

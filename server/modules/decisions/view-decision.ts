// The decision part of an application as the firm and officers read it: the decision with its payment schedule and
// appeal deadline, the appeal, and the letters.
import type { LetterInfo, LettersRepository } from '../letters/letters.repository.ts';
import { appealDeadline, decisionPayments } from '../letters/issue-letter.ts';
import type { Decision, DecisionsRepository } from './decisions.repository.ts';

export function decisionView(decision: Decision, programme: string, screening: Record<string, unknown> | null) {
  return {
    stage: decision.stage,
    outcome: decision.outcome,
    amount: decision.amount,
    awardAmount: decision.awardAmount,
    amountReason: decision.amountReason,
    reasons: decision.reasons,
    note: decision.note,
    decidedAt: decision.decidedAt,
    paymentSchedule: decisionPayments(programme, decision, screening),
    appealDeadline: appealDeadline(decision),
    revoked: decision.revoked,
  };
}

/** A letter as lists show it (never its content). */
export function letterSummary({ id, reference, kind, version, language, sha256, verifyCode, issuedAt, status, supersededBy, reissueReason }: LetterInfo) {
  return { id, reference, kind, version, language, sha256, verifyCode, issuedAt, status, supersededBy, reissueReason };
}

export function makeDecisionOutcome(deps: { decisions: DecisionsRepository; letters: LettersRepository }) {
  return async function decisionOutcome(applicationId: string, programme: string, screening: Record<string, unknown> | null) {
    const [decisions, appeal, letters] = await Promise.all([
      deps.decisions.ofApplications([applicationId]),
      deps.decisions.appealOf(applicationId),
      deps.letters.forApplication(applicationId),
    ]);
    const latest = decisions.get(applicationId)?.at(-1) ?? null;
    return {
      decision: latest ? decisionView(latest, programme, screening) : null,
      appeal: appeal ? { id: appeal.id, filedAt: appeal.filedAt, reasons: appeal.reasons, documents: appeal.documents, status: appeal.status, score: appeal.score } : null,
      letters: letters.map(letterSummary),
    };
  };
}
export type DecisionOutcome = ReturnType<typeof makeDecisionOutcome>;

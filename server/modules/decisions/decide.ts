// Turning scores into decisions within the budget. Every path that changes a call's commitments takes the call's
// row lock first and the application's second (one order everywhere, so no deadlock), checks the budget under the
// lock, and writes the decision, the status move, the letter and its e-mail in the same transaction.
import type { Sequelize, Transaction } from 'sequelize';
import { AppError, notFound } from '../../errors/app-error.ts';
import { beijingDate } from '../../lib/dates.ts';
import { fieldError } from '../../errors/messages.ts';
import type { AuditRepository } from '../audit/audit.repository.ts';
import type { CurrentUser } from '../identity/identity.types.ts';
import type { ApplicationsRepository } from '../applications/applications.repository.ts';
import { nextStatus, type ApplicationEvent } from '../applications/application-status.ts';
import { issueLetter, type LetterDeps } from '../letters/issue-letter.ts';
import type { LetterInfo } from '../letters/letters.repository.ts';
import type { DecidableApplication, Decision, DecisionsRepository } from './decisions.repository.ts';
import { drawFundingLine, TIE_BREAK } from './funding-line.ts';

export type DecisionDeps = LetterDeps & { decisions: DecisionsRepository; applications: ApplicationsRepository; audit: AuditRepository };

export type DecisionInput = {
  outcome: 'approved' | 'rejected';
  amount?: number;
  amountReason?: string;
  reasons: string[];
  note?: string;
};

type Actor = { user: CurrentUser; clientIp: string };

/** Checks the officer's input against the award; returns the amount to commit. */
function settleAmount(application: DecidableApplication, input: DecisionInput): number {
  const award = application.award?.amount ?? null;
  if (input.outcome === 'rejected') {
    const errors = [];
    if (input.reasons.length === 0) errors.push(fieldError('reasons', 'decision.reasonsRequired'));
    if (input.reasons.includes('other') && !input.note?.trim()) errors.push(fieldError('note', 'decision.noteRequired'));
    if (errors.length > 0) throw new AppError('validation_failed', { errors });
    return 0;
  }
  const amount = input.amount ?? award;
  if (amount === null || amount === undefined) throw new AppError('validation_failed', { errors: [fieldError('amount', 'decision.amountRequired')] });
  if (amount <= 0) throw new AppError('validation_failed', { errors: [fieldError('amount', 'decision.amountPositive')] });
  if (award !== null && amount > award) throw new AppError('validation_failed', { errors: [fieldError('amount', 'decision.amountAboveAward', { award })] });
  if (award !== null && amount < award && !input.amountReason?.trim()) {
    throw new AppError('validation_failed', { errors: [fieldError('amountReason', 'decision.amountReasonRequired')] });
  }
  return amount;
}

/** One decision, under the call's lock (taken by the caller). */
async function decideLocked(
  deps: DecisionDeps,
  call: { id: string; budget: number; committed: number },
  applicationId: string,
  input: DecisionInput,
  actor: Actor,
  transaction: Transaction,
): Promise<{ decision: Decision; letter: LetterInfo; status: string; committed: number }> {
  const application = await deps.decisions.lockApplication(applicationId, transaction);
  if (!application || application.callId !== call.id) throw notFound();
  const appeal = application.status === 'appealed' ? await deps.decisions.appealOf(applicationId, transaction) : null;
  const stage = application.status === 'appealed' ? 'appeal' : 'first';
  const event: ApplicationEvent =
    stage === 'appeal' ? (input.outcome === 'approved' ? 'uphold_appeal' : 'dismiss_appeal') : input.outcome === 'approved' ? 'approve' : 'reject';
  const to = nextStatus(application.status, event);
  if (!to) throw new AppError(application.status === 'in_review' ? 'not_scored' : 'invalid_transition', { extra: { status: application.status } });
  if (stage === 'appeal' && appeal?.score == null) throw new AppError('appeal_not_reviewed');
  const amount = settleAmount(application, input);
  let committed = call.committed;
  if (amount > 0) {
    if (call.committed + amount > call.budget) {
      throw new AppError('budget_exceeded', { extra: { budget: call.budget, committed: call.committed, requested: amount, remaining: call.budget - call.committed } });
    }
    committed = await deps.decisions.commit(call.id, amount, transaction);
    call.committed = committed;
  }
  const now = await deps.decisions.now(transaction);
  const decision = await deps.decisions.insert(
    {
      applicationId,
      callId: call.id,
      stage,
      outcome: input.outcome,
      amount,
      awardAmount: application.award?.amount ?? null,
      amountReason: input.outcome === 'approved' ? input.amountReason?.trim() || null : null,
      reasons: input.outcome === 'rejected' ? input.reasons : [],
      note: input.note?.trim() || null,
      decidedBy: actor.user.id,
      decidedAt: now,
    },
    transaction,
  );
  await deps.applications.update(applicationId, { status: to, bumpVersion: true }, transaction);
  await deps.applications.recordTransition({ applicationId, from: application.status, to, event, byUser: actor.user.id, note: decision.note }, transaction);
  await deps.audit.record(
    { userId: actor.user.id, label: actor.user.email, clientIp: actor.clientIp },
    {
      action: stage === 'appeal' ? 'decision.appeal_decided' : 'decision.made',
      entityType: 'application',
      entityId: applicationId,
      companyId: application.companyId,
      before: { status: application.status, committed: committed - amount },
      after: { status: to, outcome: decision.outcome, amount, reasons: decision.reasons, committed },
    },
    transaction,
  );
  const kind = stage === 'appeal' ? 'appeal_outcome' : input.outcome === 'approved' ? 'approval' : 'rejection';
  const letter = await issueLetter(deps, { applicationId, decision, kind, issuedBy: actor.user.id }, transaction);
  return { decision, letter, status: to, committed };
}

export function makeDecideApplication(deps: DecisionDeps) {
  return async function decideApplication(applicationId: string, input: DecisionInput, actor: Actor) {
    const callId = await deps.decisions.callOf(applicationId);
    if (!callId) throw notFound();
    return deps.sequelize.transaction(async (transaction) => {
      const call = await deps.decisions.lockCall(callId, transaction);
      if (!call) throw notFound();
      const result = await decideLocked(deps, call, applicationId, input, actor, transaction);
      return { id: applicationId, status: result.status, decision: result.decision, letter: result.letter };
    });
  };
}

export function makeViewRanking(deps: DecisionDeps & { calls: { findById(id: string): Promise<{ id: string; title: string; programme: string; budget: number; committed: number } | null> } }) {
  return async function viewRanking(callId: string) {
    const call = await deps.calls.findById(callId);
    if (!call) throw notFound();
    const rows = await deps.decisions.rankable(callId);
    const decisions = await deps.decisions.ofApplications(rows.map((r) => r.applicationId));
    const line = drawFundingLine(rows, { total: call.budget, committed: call.committed });
    return {
      call: { id: call.id, title: call.title, programme: call.programme, budget: call.budget, committed: call.committed },
      budget: line.budget,
      tieBreak: TIE_BREAK,
      lineAfterRank: line.lineAfterRank,
      items: line.items.map((item) => {
        const latest = decisions.get(item.applicationId)?.at(-1) ?? null;
        return {
          rank: item.rank,
          applicationId: item.applicationId,
          company: item.company,
          status: item.status,
          score: item.score,
          flagged: item.flagged,
          submittedAt: item.submittedAt,
          award: { amount: item.awardAmount, scheme: item.awardScheme },
          decision: latest ? { outcome: latest.outcome, amount: latest.amount, decidedAt: latest.decidedAt, stage: latest.stage, revoked: latest.revoked !== null } : null,
          aboveLine: item.aboveLine,
        };
      }),
    };
  };
}

/**
 * Approves, in one transaction, exactly the applications the officer saw above the funding line. If the line has
 * moved since (another decision, a moderation, a budget change), nothing is approved: 409 ranking_changed.
 */
export function makeApproveToLine(deps: DecisionDeps) {
  return async function approveToLine(callId: string, applicationIds: string[], actor: Actor) {
    return deps.sequelize.transaction(async (transaction) => {
      const call = await deps.decisions.lockCall(callId, transaction);
      if (!call) throw notFound();
      const line = drawFundingLine(await deps.decisions.rankable(callId, transaction), { total: call.budget, committed: call.committed });
      const expected = line.items.filter((item) => item.aboveLine).map((item) => item.applicationId);
      const asked = new Set(applicationIds);
      if (expected.length !== asked.size || expected.some((id) => !asked.has(id))) {
        throw new AppError('ranking_changed', { extra: { aboveLine: expected } });
      }
      const approved = [];
      for (const id of expected) {
        const result = await decideLocked(deps, call, id, { outcome: 'approved', reasons: [] }, actor, transaction);
        approved.push({ applicationId: id, amount: result.decision.amount, letterId: result.letter.id, reference: result.letter.reference });
      }
      return { approved, budget: { total: call.budget, committed: call.committed, remaining: call.budget - call.committed } };
    });
  };
}

/** Withdraws an approval (an upheld objection): releases its amount and issues the revocation letter. */
export async function revokeApproval(
  deps: DecisionDeps,
  input: { applicationId: string; reason: string; objectionReference: string | null; actor: Actor },
  transaction: Transaction,
) {
  const callId = await deps.decisions.callOf(input.applicationId);
  const call = callId ? await deps.decisions.lockCall(callId, transaction) : null;
  const application = call ? await deps.decisions.lockApplication(input.applicationId, transaction) : null;
  if (!call || !application) throw notFound();
  const to = nextStatus(application.status, 'revoke');
  if (!to) throw new AppError('invalid_transition', { extra: { status: application.status } });
  const decision = (await deps.decisions.ofApplications([input.applicationId], transaction)).get(input.applicationId)?.filter((d) => d.outcome === 'approved' && !d.revoked).at(-1);
  if (!decision) throw new AppError('invalid_transition', { log: 'no standing approval to revoke' });
  await deps.decisions.revoke(decision.id, { reason: input.reason, by: input.actor.user.id }, transaction);
  const committed = await deps.decisions.commit(call.id, -decision.amount, transaction);
  await deps.applications.update(input.applicationId, { status: to, bumpVersion: true }, transaction);
  await deps.applications.recordTransition({ applicationId: input.applicationId, from: application.status, to, event: 'revoke', byUser: input.actor.user.id, note: input.reason }, transaction);
  await deps.audit.record(
    { userId: input.actor.user.id, label: input.actor.user.email, clientIp: input.actor.clientIp },
    {
      action: 'decision.revoked',
      entityType: 'application',
      entityId: input.applicationId,
      companyId: application.companyId,
      before: { status: application.status, committed: committed + decision.amount },
      after: { status: to, released: decision.amount, committed, reason: input.reason },
    },
    transaction,
  );
  const revokedOn = beijingDate(await deps.decisions.now(transaction));
  return issueLetter(
    deps,
    { applicationId: input.applicationId, decision, kind: 'revocation', issuedBy: input.actor.user.id, revocation: { reason: input.reason, objectionReference: input.objectionReference, revokedOn } },
    transaction,
  );
}

/** A corrected letter: same reference, next version, with the reason printed on it; the old one is superseded. */
export function makeReissueLetter(deps: DecisionDeps) {
  return async function reissueLetter(letterId: string, reason: string, actor: Actor) {
    return deps.sequelize.transaction(async (transaction) => {
      const letter = await deps.letters.find(letterId, { transaction, lock: true });
      // recognition letters are not decision letters: they have their own request and no decision
      if (!letter || !letter.decisionId || !letter.applicationId) throw notFound();
      const applicationId = letter.applicationId;
      if (letter.status === 'superseded') throw new AppError('letter_superseded', { extra: { supersededBy: letter.supersededBy } });
      const decision = (await deps.decisions.find(letter.decisionId, transaction))!;
      // an approval letter after a revocation, or a first rejection after the appeal was decided, would restate a
      // decision that no longer stands
      const replaced = decision.stage === 'first' && (await deps.decisions.ofApplications([applicationId], transaction)).get(applicationId)!.some((d) => d.stage === 'appeal');
      if ((decision.revoked && letter.kind !== 'revocation') || replaced) throw new AppError('letter_outdated');
      const revocation =
        letter.kind === 'revocation' && decision.revoked
          ? { reason: decision.revoked.reason, objectionReference: await deps.decisions.upheldObjectionReference(applicationId, transaction), revokedOn: beijingDate(new Date(decision.revoked.at)) }
          : undefined;
      const reissued = await issueLetter(deps, { applicationId, decision, kind: letter.kind, issuedBy: actor.user.id, revocation, replaces: { letter, reason } }, transaction);
      await deps.audit.record(
        { userId: actor.user.id, label: actor.user.email, clientIp: actor.clientIp },
        { action: 'letter.reissued', entityType: 'letter', entityId: reissued.id, before: { letterId, version: letter.version, sha256: letter.sha256 }, after: { version: reissued.version, sha256: reissued.sha256, reason } },
        transaction,
      );
      return reissued;
    });
  };
}

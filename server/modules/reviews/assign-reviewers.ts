// Officers seat reviewers: the automatic run over a whole call, and by hand one at a time.
// Both hold the call's advisory lock, so two runs at once cannot over-fill a panel.
import type { Sequelize, Transaction } from 'sequelize';
import { AppError, notFound } from '../../errors/app-error.ts';
import { fieldError } from '../../errors/messages.ts';
import { beijingDate } from '../../lib/dates.ts';
import type { AuditRepository } from '../audit/audit.repository.ts';
import type { ApplicationsRepository } from '../applications/applications.repository.ts';
import { nextStatus } from '../applications/application-status.ts';
import type { CallsRepository } from '../calls/calls.repository.ts';
import type { CurrentUser } from '../identity/identity.types.ts';
import { completePanelIfReady } from './complete-panel.ts';
import { conflictBetween, mailDomain, type ConflictReason } from './conflicts.ts';
import { planAssignments, smallestPanel, type PanelToFill } from './plan-assignments.ts';
import { applicationField, loadReviewContext, type ReviewContext } from './review-context.ts';
import type { ReviewableApplication, ReviewerProfile, ReviewsRepository } from './reviews.repository.ts';
import { isActive } from './review-status.ts';

type Deps = {
  sequelize: Sequelize;
  calls: CallsRepository;
  applications: ApplicationsRepository;
  reviews: ReviewsRepository;
  audit: AuditRepository;
  /** The platform's own mail domain (from MAIL_FROM): accounts there tie no reviewer to a firm. */
  platformDomains: string[];
};

export type AssignmentRun = {
  perApplication: number;
  applications: number;
  created: { id: string; applicationId: string; reviewerId: string }[];
  unfilled: { applicationId: string; missing: number; reason: string }[];
  conflicts: { applicationId: string; reviewerId: string; reason: ConflictReason }[];
};

export function makeAssignReviewers(deps: Deps) {
  return async function assignReviewers(
    callId: string,
    input: { perApplication?: number; reviewerIds?: string[] },
    officer: CurrentUser,
    clientIp: string,
  ): Promise<AssignmentRun> {
    const context = await loadReviewContext(deps, callId);
    const size = input.perApplication ?? context.call.reviewersPerApplication;
    const minimum = smallestPanel(context.rules);
    if (size < minimum) throw new AppError('validation_failed', { errors: [fieldError('perApplication', 'review.panelTooSmall', { min: minimum })] });

    return deps.sequelize.transaction(async (transaction) => {
      await deps.reviews.lockCall(callId, transaction);
      if (size !== context.call.reviewersPerApplication) {
        context.call = await deps.calls.update(callId, { reviewersPerApplication: size }, transaction);
      }
      const applications = await deps.reviews.reviewableApplications(callId, transaction);
      const seats = await deps.reviews.assignmentsOfApplications(applications.map((a) => a.id), transaction);
      const pool = await deps.reviews.reviewers({ ids: input.reviewerIds, activeOnly: true }, transaction);
      const seated = await deps.reviews.reviewers({ ids: [...new Set(seats.map((s) => s.reviewerId))] }, transaction);
      const kindOf = new Map([...seated, ...pool].map((r) => [r.id, r.kind]));
      const emails = await deps.reviews.companyEmails([...new Set(applications.map((a) => a.companyId))], transaction);
      const today = beijingDate();

      const load = new Map(pool.map((r) => [r.id, 0]));
      for (const seat of await deps.reviews.assignmentsOfCall(callId, transaction)) {
        if (isActive(seat.status) && load.has(seat.reviewerId)) load.set(seat.reviewerId, load.get(seat.reviewerId)! + 1);
      }
      const conflicts: AssignmentRun['conflicts'] = [];
      const panels: PanelToFill[] = applications.map((application) => {
        // the panel being filled is the application's current round; an appeal panel never seats the first panel
        const all = seats.filter((s) => s.applicationId === application.id);
        const own = all.filter((s) => s.round === application.round);
        const firstPanel = all.filter((s) => s.round < application.round).map((s) => s.reviewerId);
        const conflicted = pool.flatMap((reviewer) => {
          const reason = conflictWith(reviewer, application, emails, today, deps.platformDomains);
          if (reason) conflicts.push({ applicationId: application.id, reviewerId: reviewer.id, reason });
          return reason ? [reviewer.id] : [];
        });
        return {
          applicationId: application.id,
          field: applicationField(application.facts),
          panel: own.filter((s) => isActive(s.status)).map((s) => ({ reviewerId: s.reviewerId, kind: kindOf.get(s.reviewerId) ?? 'technical' })),
          excluded: [...own.filter((s) => !isActive(s.status)).map((s) => s.reviewerId), ...firstPanel, ...conflicted],
        };
      });
      const plan = planAssignments({ panels, reviewers: pool.map((r) => ({ id: r.id, kind: r.kind, fields: r.fields, load: load.get(r.id)! })), size, rules: context.rules });

      const created: AssignmentRun['created'] = [];
      for (const seat of plan.assignments) {
        const assignment = await deps.reviews.create({ ...seat, method: 'auto', assignedBy: officer.id }, transaction);
        created.push({ id: assignment.id, applicationId: seat.applicationId, reviewerId: seat.reviewerId });
      }
      for (const application of applications) {
        if (created.some((c) => c.applicationId === application.id)) await moveIntoReview(deps, application.id, officer, transaction);
        else await completePanelIfReady(deps, application.id, context, transaction);
      }
      await notifyReviewers(deps, pool, created, context, transaction);
      const run: AssignmentRun = { perApplication: size, applications: applications.length, created, unfilled: plan.unfilled, conflicts };
      await deps.audit.record(
        { userId: officer.id, label: officer.email, clientIp },
        {
          action: 'review.assignment_run',
          entityType: 'call',
          entityId: callId,
          after: { perApplication: size, created: created.map(({ applicationId, reviewerId }) => ({ applicationId, reviewerId })), unfilled: plan.unfilled },
          // automatic conflicts are audited with the run that honoured them
          meta: { conflicts, pool: input.reviewerIds ?? 'all' },
        },
        transaction,
      );
      return run;
    });
  };
}

export function makeAssignReviewer(deps: Deps) {
  return async function assignReviewer(applicationId: string, reviewerId: string, officer: CurrentUser, clientIp: string) {
    const application = await deps.applications.find(applicationId);
    if (!application) throw notFound(`application ${applicationId}`);
    const context = await loadReviewContext(deps, application.callId);
    return deps.sequelize.transaction(async (transaction) => {
      await deps.reviews.lockCall(application.callId, transaction);
      const current = (await deps.reviews.reviewableApplications(application.callId, transaction)).find((a) => a.id === applicationId);
      if (!current) throw new AppError('application_not_reviewable', { extra: { status: application.status } });
      const [reviewer] = await deps.reviews.reviewers({ ids: [reviewerId] }, transaction);
      if (!reviewer) throw new AppError('validation_failed', { errors: [fieldError('reviewerId', 'review.unknownReviewer')] });
      const all = await deps.reviews.assignmentsOfApplications([applicationId], transaction);
      const seats = all.filter((s) => s.round === current.round);
      if (seats.some((s) => s.reviewerId === reviewerId && isActive(s.status))) throw new AppError('already_assigned');
      const declared = seats.some((s) => s.reviewerId === reviewerId && s.releaseReason === 'conflict');
      const firstPanel = all.some((s) => s.reviewerId === reviewerId && s.round < current.round);
      const emails = await deps.reviews.companyEmails([current.companyId], transaction);
      const reason = declared ? 'declared' : firstPanel ? 'first_panel' : conflictWith(reviewer, current, emails, beijingDate(), deps.platformDomains);
      if (reason) throw new AppError('reviewer_conflict', { log: `reviewer ${reviewerId} conflicted (${reason})`, extra: { reason } });

      const assignment = await deps.reviews.create({ applicationId, reviewerId, method: 'officer', assignedBy: officer.id }, transaction);
      await moveIntoReview(deps, applicationId, officer, transaction);
      await notifyReviewers(deps, [reviewer], [{ id: assignment.id, applicationId, reviewerId }], context, transaction);
      await deps.audit.record(
        { userId: officer.id, label: officer.email, clientIp },
        { action: 'review.assigned', entityType: 'review_assignment', entityId: assignment.id, companyId: current.companyId, after: { applicationId, reviewerId, method: 'officer' } },
        transaction,
      );
      return assignment;
    });
  };
}

export function makeUnassignReviewer(deps: Deps) {
  return async function unassignReviewer(assignmentId: string, officer: CurrentUser, clientIp: string): Promise<void> {
    const found = await deps.reviews.find(assignmentId);
    if (!found) throw notFound(`assignment ${assignmentId}`);
    const application = await deps.applications.find(found.applicationId);
    if (!application) throw notFound(`application ${found.applicationId}`);
    await deps.sequelize.transaction(async (transaction) => {
      await deps.reviews.lockCall(application.callId, transaction);
      await deps.applications.find(application.id, { transaction, lock: true });
      const assignment = await deps.reviews.find(assignmentId, { transaction, lock: true });
      if (!assignment) throw notFound(`assignment ${assignmentId}`);
      if (assignment.status === 'submitted') throw new AppError('review_submitted');
      if (assignment.status === 'released') throw new AppError('assignment_released');
      await deps.reviews.release([assignmentId], 'unassigned', officer.id, transaction);
      await deps.audit.record(
        { userId: officer.id, label: officer.email, clientIp },
        { action: 'review.unassigned', entityType: 'review_assignment', entityId: assignmentId, companyId: application.companyId, after: { applicationId: application.id, reviewerId: assignment.reviewerId } },
        transaction,
      );
    });
  };
}

function conflictWith(
  reviewer: ReviewerProfile,
  application: Pick<ReviewableApplication, 'companyId' | 'uscc'>,
  emails: Map<string, string[]>,
  today: string,
  platformDomains: string[],
): ConflictReason | null {
  return conflictBetween(reviewer, { uscc: application.uscc, userEmails: emails.get(application.companyId) ?? [] }, today, platformDomains);
}

async function moveIntoReview(deps: Deps, applicationId: string, officer: CurrentUser, transaction: Transaction) {
  const application = await deps.applications.find(applicationId, { transaction, lock: true });
  if (!application || nextStatus(application.status, 'assign') === null) return;
  await deps.applications.update(applicationId, { status: 'in_review', bumpVersion: true }, transaction);
  await deps.applications.recordTransition({ applicationId, from: application.status, to: 'in_review', event: 'assign', byUser: officer.id }, transaction);
}

/** One e-mail per reviewer per run, saying how many applications of which call await them. */
async function notifyReviewers(deps: Deps, reviewers: ReviewerProfile[], created: AssignmentRun['created'], context: ReviewContext, transaction: Transaction) {
  const byReviewer = new Map<string, string[]>();
  for (const seat of created) byReviewer.set(seat.reviewerId, [...(byReviewer.get(seat.reviewerId) ?? []), seat.id]);
  for (const [reviewerId, assignmentIds] of byReviewer) {
    const reviewer = reviewers.find((r) => r.id === reviewerId);
    if (!reviewer) continue;
    await deps.reviews.queueMail(
      {
        to: reviewer.email,
        template: 'review-assigned',
        language: reviewer.language,
        data: { callId: context.call.id, callTitle: context.call.title, count: assignmentIds.length, assignmentIds },
      },
      transaction,
    );
  }
}

export const platformDomainsFrom = (mailFrom: string): string[] => {
  const address = /<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom;
  return address.includes('@') ? [mailDomain(address)] : [];
};

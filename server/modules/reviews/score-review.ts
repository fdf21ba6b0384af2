// A reviewer's own assignment: declare on conflicts of interest, save the score sheet, submit it.
// Each step locks the application row first, so the last two submissions of a panel cannot both complete it.
import type { Sequelize, Transaction } from 'sequelize';
import { AppError, notFound } from '../../errors/app-error.ts';
import { fieldError } from '../../errors/messages.ts';
import type { AuditRepository } from '../audit/audit.repository.ts';
import type { ApplicationsRepository } from '../applications/applications.repository.ts';
import type { CallsRepository } from '../calls/calls.repository.ts';
import type { CurrentUser } from '../identity/identity.types.ts';
import { completePanelIfReady } from './complete-panel.ts';
import { loadReviewContext } from './review-context.ts';
import { checkSheet, sheetTotal, type Sheet } from './review-scores.ts';
import type { Assignment, ReviewsRepository } from './reviews.repository.ts';

type Deps = { sequelize: Sequelize; calls: CallsRepository; applications: ApplicationsRepository; reviews: ReviewsRepository; audit: AuditRepository };

/** Finds the caller's own assignment under the application's row lock; anyone else's is a 404. */
async function lockOwnAssignment(deps: Deps, id: string, reviewer: CurrentUser, transaction: Transaction): Promise<{ assignment: Assignment; companyId: string; callId: string }> {
  const unlocked = await deps.reviews.find(id, { transaction });
  if (!unlocked || unlocked.reviewerId !== reviewer.id) throw notFound(`review ${id}`);
  const application = await deps.applications.find(unlocked.applicationId, { transaction, lock: true });
  const assignment = await deps.reviews.find(id, { transaction, lock: true });
  if (!application || !assignment) throw notFound(`review ${id}`);
  return { assignment, companyId: application.companyId, callId: application.callId };
}

function assertOpenForScoring(assignment: Assignment) {
  if (assignment.status === 'released') throw new AppError('assignment_released');
  if (assignment.status === 'submitted') throw new AppError('review_submitted');
  if (assignment.conflict !== false) throw new AppError('conflict_not_declared');
}

export function makeDeclareConflict(deps: Deps) {
  return async function declareConflict(id: string, declaration: { conflict: boolean; note?: string | null }, reviewer: CurrentUser, clientIp: string) {
    const note = declaration.note?.trim() || null;
    if (declaration.conflict && !note) throw new AppError('validation_failed', { errors: [fieldError('note', 'review.noteRequired')] });
    await deps.sequelize.transaction(async (transaction) => {
      const { assignment, companyId } = await lockOwnAssignment(deps, id, reviewer, transaction);
      if (assignment.status === 'released') throw new AppError('assignment_released');
      if (assignment.conflict !== null) throw new AppError('conflict_already_declared');
      await deps.reviews.declare(id, { conflict: declaration.conflict, note }, transaction);
      await deps.audit.record(
        { userId: reviewer.id, label: reviewer.email, clientIp },
        {
          action: declaration.conflict ? 'review.conflict_declared' : 'review.no_conflict_declared',
          entityType: 'review_assignment',
          entityId: id,
          companyId,
          after: { applicationId: assignment.applicationId, conflict: declaration.conflict, note, status: declaration.conflict ? 'released' : assignment.status },
        },
        transaction,
      );
    });
  };
}

export function makeSaveReviewScores(deps: Deps) {
  return async function saveReviewScores(id: string, sheet: Sheet, reviewer: CurrentUser) {
    await deps.sequelize.transaction(async (transaction) => {
      const { assignment, callId } = await lockOwnAssignment(deps, id, reviewer, transaction);
      assertOpenForScoring(assignment);
      const { rubric } = await loadReviewContext(deps, callId, transaction);
      const errors = checkSheet(rubric, sheet, 'draft');
      if (errors.length > 0) throw new AppError('validation_failed', { errors });
      const comments = Object.fromEntries(Object.entries(sheet.comments).map(([item, text]) => [item, text.trim()]).filter(([, text]) => text !== ''));
      await deps.reviews.saveSheet(id, { scores: sheet.scores, comments, total: sheetTotal(rubric, sheet.scores) }, transaction);
    });
  };
}

export function makeSubmitReview(deps: Deps) {
  return async function submitReview(id: string, reviewer: CurrentUser, clientIp: string): Promise<{ scored: boolean }> {
    return deps.sequelize.transaction(async (transaction) => {
      const { assignment, companyId, callId } = await lockOwnAssignment(deps, id, reviewer, transaction);
      // a repeated submit (double click, retry) answers as the first did
      if (assignment.status === 'submitted') return { scored: false };
      assertOpenForScoring(assignment);
      const context = await loadReviewContext(deps, callId, transaction);
      const errors = checkSheet(context.rubric, assignment, 'final');
      if (errors.length > 0) throw new AppError('validation_failed', { errors });
      await deps.reviews.markSubmitted(id, transaction);
      await deps.audit.record(
        { userId: reviewer.id, label: reviewer.email, clientIp },
        { action: 'review.submitted', entityType: 'review_assignment', entityId: id, companyId, after: { applicationId: assignment.applicationId, total: assignment.total } },
        transaction,
      );
      return { scored: await completePanelIfReady(deps, assignment.applicationId, context, transaction) };
    });
  };
}

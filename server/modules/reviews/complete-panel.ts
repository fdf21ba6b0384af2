// When the last seat of a full panel submits, the application becomes `scored` with the panel's result; the appeal
// panel's result goes on the appeal instead (the officer then decides the appeal).
// Callers hold the application's row lock, so two last submissions cannot both complete it.
import type { Transaction } from 'sequelize';
import type { AuditRepository } from '../audit/audit.repository.ts';
import type { ApplicationsRepository } from '../applications/applications.repository.ts';
import { nextStatus } from '../applications/application-status.ts';
import type { ReviewContext } from './review-context.ts';
import { panelResult } from './review-scores.ts';
import type { ReviewsRepository } from './reviews.repository.ts';
import { isActive } from './review-status.ts';

type Deps = { applications: ApplicationsRepository; reviews: ReviewsRepository; audit: AuditRepository };

export async function completePanelIfReady(deps: Deps, applicationId: string, context: ReviewContext, transaction: Transaction): Promise<boolean> {
  const application = await deps.applications.find(applicationId, { transaction, lock: true });
  const appeal = application?.status === 'appealed';
  if (!application || (!appeal && nextStatus(application.status, 'score') === null)) return false;
  const round = appeal ? 2 : 1;
  const seats = (await deps.reviews.assignmentsOfApplications([applicationId], transaction)).filter((a) => isActive(a.status) && a.round === round);
  const full = seats.length >= context.call.reviewersPerApplication;
  if (!full || seats.some((a) => a.status !== 'submitted')) return false;

  const result = panelResult(context.rubric, seats, context.settings.spreadMargin);
  if (appeal) {
    await deps.reviews.saveAppealResult(applicationId, { reviewResult: result, score: result.mean.total }, transaction);
    await deps.audit.record(
      { userId: null, label: 'system' },
      { action: 'appeal.reviewed', entityType: 'application', entityId: applicationId, companyId: application.companyId, after: { total: result.mean.total, spread: result.spread, reviewers: result.reviewers } },
      transaction,
    );
    return true;
  }
  await deps.reviews.saveResult(applicationId, { reviewResult: result, score: result.mean.total, flagged: result.flagged }, transaction);
  await deps.applications.update(applicationId, { status: 'scored', bumpVersion: true }, transaction);
  await deps.applications.recordTransition(
    { applicationId, from: application.status, to: 'scored', event: 'score', byUser: null, changes: { total: result.mean.total, spread: result.spread, flagged: result.flagged } },
    transaction,
  );
  await deps.audit.record(
    { userId: null, label: 'system' },
    {
      action: 'application.scored',
      entityType: 'application',
      entityId: applicationId,
      companyId: application.companyId,
      before: { status: application.status },
      after: { status: 'scored', total: result.mean.total, spread: result.spread, flagged: result.flagged, reviewers: result.reviewers },
    },
    transaction,
  );
  return true;
}

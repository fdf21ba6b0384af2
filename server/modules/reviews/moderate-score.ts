// Where a panel disagrees, an officer records a moderated score with a reason. The panel's own result
// stays as it was; the history keeps every moderation, and the latest one is the application's score.
import type { Sequelize } from 'sequelize';
import { AppError, notFound } from '../../errors/app-error.ts';
import { fieldError } from '../../errors/messages.ts';
import type { AuditRepository } from '../audit/audit.repository.ts';
import type { ApplicationsRepository } from '../applications/applications.repository.ts';
import type { CallsRepository } from '../calls/calls.repository.ts';
import type { CurrentUser } from '../identity/identity.types.ts';
import { loadReviewContext } from './review-context.ts';
import type { ReviewsRepository } from './reviews.repository.ts';

type Deps = { sequelize: Sequelize; calls: CallsRepository; applications: ApplicationsRepository; reviews: ReviewsRepository; audit: AuditRepository };

export function makeModerateScore(deps: Deps) {
  return async function moderateScore(applicationId: string, input: { total: number; reason: string }, officer: CurrentUser, clientIp: string) {
    const found = await deps.applications.find(applicationId);
    if (!found) throw notFound(`application ${applicationId}`);
    return deps.sequelize.transaction(async (transaction) => {
      // a moderated score moves the ranking: the call's row lock (taken by decisions too) keeps the funding line still
      await deps.reviews.lockCallRow(found.callId, transaction);
      const application = await deps.applications.find(applicationId, { transaction, lock: true });
      if (!application) throw notFound(`application ${applicationId}`);
      const { rubric } = await loadReviewContext(deps, application.callId, transaction);
      if (input.total > rubric.maxTotal) {
        throw new AppError('validation_failed', { errors: [fieldError('total', 'review.moderationAboveMax', { max: rubric.maxTotal })] });
      }
      const current = await deps.reviews.reviewResult(applicationId, transaction);
      if (application.status !== 'scored' || !current || current.score === null) throw new AppError('not_scored', { extra: { status: application.status } });
      const reason = input.reason.trim();
      const id = await deps.reviews.addModeration({ applicationId, previousTotal: current.score, total: input.total, reason, byUser: officer.id }, transaction);
      await deps.reviews.setScore(applicationId, input.total, transaction);
      await deps.audit.record(
        { userId: officer.id, label: officer.email, clientIp },
        {
          action: 'application.score_moderated',
          entityType: 'application',
          entityId: applicationId,
          companyId: application.companyId,
          before: { score: current.score },
          after: { score: input.total, reason },
        },
        transaction,
      );
      return { id, applicationId, previousTotal: current.score, total: input.total, reason, by: { id: officer.id, displayName: officer.displayName } };
    });
  };
}

// Per-programme review settings an officer may change: blind identity and the spread that flags a panel.
import type { Sequelize } from 'sequelize';
import { notFound } from '../../errors/app-error.ts';
import type { AuditRepository } from '../audit/audit.repository.ts';
import type { CurrentUser } from '../identity/identity.types.ts';
import type { ReviewsRepository } from './reviews.repository.ts';

export function makeUpdateReviewSettings(deps: { sequelize: Sequelize; reviews: ReviewsRepository; audit: AuditRepository }) {
  return async function updateReviewSettings(code: string, changes: { blindIdentity?: boolean; spreadMargin?: number }, officer: CurrentUser, clientIp: string) {
    return deps.sequelize.transaction(async (transaction) => {
      const before = await deps.reviews.programmeSettings(code, transaction);
      if (!before) throw notFound(`programme ${code}`);
      await deps.reviews.saveProgrammeSettings(code, changes, transaction);
      const after = (await deps.reviews.programmeSettings(code, transaction))!;
      await deps.audit.record(
        { userId: officer.id, label: officer.email, clientIp },
        { action: 'programme.review_settings_changed', entityType: 'programme', entityId: code, before, after },
        transaction,
      );
      return after;
    });
  };
}

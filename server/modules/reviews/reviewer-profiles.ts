// The reviewer pool: kind (technical or financial), fields of expertise and affiliations of the last three
// years. Officers keep the pool; reviewers keep their own fields and affiliations up to date.
import type { Sequelize } from 'sequelize';
import { notFound } from '../../errors/app-error.ts';
import type { AuditRepository } from '../audit/audit.repository.ts';
import type { CurrentUser } from '../identity/identity.types.ts';
import type { Affiliation } from './conflicts.ts';
import type { ReviewerKind } from './plan-assignments.ts';
import type { ReviewerProfile, ReviewsRepository } from './reviews.repository.ts';

type Deps = { sequelize: Sequelize; reviews: ReviewsRepository; audit: AuditRepository };
export type ProfileChanges = { kind?: ReviewerKind; fields: string[]; affiliations: Affiliation[]; active?: boolean };

export function makeReviewerProfiles(deps: Deps) {
  async function withLoad(profiles: ReviewerProfile[]) {
    return Promise.all(
      profiles.map(async (profile) => {
        const seats = await deps.reviews.forReviewer(profile.id);
        const { language: _language, ...shown } = profile;
        return { ...shown, load: seats.filter((s) => s.status === 'assigned').length, reviewed: seats.filter((s) => s.status === 'submitted').length };
      }),
    );
  }

  async function save(reviewerId: string, changes: ProfileChanges, actor: CurrentUser, clientIp: string) {
    await deps.sequelize.transaction(async (transaction) => {
      if (!(await deps.reviews.hasReviewerRole(reviewerId, transaction))) throw notFound(`reviewer ${reviewerId}`);
      const [before] = await deps.reviews.reviewers({ ids: [reviewerId] }, transaction);
      await deps.reviews.saveProfile(reviewerId, changes, transaction);
      await deps.audit.record(
        { userId: actor.id, label: actor.email, clientIp },
        {
          action: 'reviewer.profile_changed',
          entityType: 'reviewer',
          entityId: reviewerId,
          before: before ? { kind: before.kind, fields: before.fields, active: before.active, affiliations: before.affiliations } : null,
          after: changes,
        },
        transaction,
      );
    });
    const [after] = await withLoad(await deps.reviews.reviewers({ ids: [reviewerId] }));
    return after;
  }

  return {
    async list() {
      return { items: await withLoad(await deps.reviews.reviewers()) };
    },
    async own(reviewer: CurrentUser) {
      const [profile] = await withLoad(await deps.reviews.reviewers({ ids: [reviewer.id] }));
      if (!profile) throw notFound('reviewer profile');
      return profile;
    },
    /** A reviewer changes their own fields and affiliations, never their kind or standing. */
    async updateOwn(reviewer: CurrentUser, changes: Pick<ProfileChanges, 'fields' | 'affiliations'>, clientIp: string) {
      return save(reviewer.id, { fields: changes.fields, affiliations: changes.affiliations }, reviewer, clientIp);
    },
    async update(reviewerId: string, changes: ProfileChanges, officer: CurrentUser, clientIp: string) {
      return save(reviewerId, changes, officer, clientIp);
    },
  };
}

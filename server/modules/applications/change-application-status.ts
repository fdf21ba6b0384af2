// Withdrawal by the firm and return-for-more-information by an officer: simple moves in the status table.
import type { Sequelize, Transaction } from 'sequelize';
import { AppError } from '../../errors/app-error.ts';
import type { Language } from '../../i18n/language.ts';
import type { AuditRepository } from '../audit/audit.repository.ts';
import type { CurrentUser } from '../identity/identity.types.ts';
import type { ApplicationsRepository } from './applications.repository.ts';
import { assertFirmMember, assertVisible } from './applications.permissions.ts';
import { nextStatus } from './application-status.ts';

type Deps = { sequelize: Sequelize; applications: ApplicationsRepository; audit: AuditRepository };
/** Returning an application in review frees the reviewers' open seats (their submitted sheets stay on record). */
type ReturnDeps = Deps & { reviews: { releaseOpenSeats(applicationId: string, by: string, transaction: Transaction): Promise<number> } };

export function makeWithdrawApplication(deps: Deps) {
  return async function withdrawApplication(id: string, user: CurrentUser, note: string | null, clientIp: string) {
    return deps.sequelize.transaction(async (transaction) => {
      const application = assertFirmMember(user, await deps.applications.find(id, { transaction, lock: true }));
      const to = nextStatus(application.status, 'withdraw');
      if (!to) throw new AppError('invalid_transition', { extra: { status: application.status } });
      await deps.applications.update(id, { status: to, bumpVersion: true }, transaction);
      await deps.applications.recordTransition({ applicationId: id, from: application.status, to, event: 'withdraw', byUser: user.id, note }, transaction);
      await deps.audit.record(
        { userId: user.id, label: user.email, clientIp },
        { action: 'application.withdrawn', entityType: 'application', entityId: id, companyId: application.companyId, before: { status: application.status }, after: { status: to } },
        transaction,
      );
      return { id, status: to };
    });
  };
}

export function makeReturnApplication(deps: ReturnDeps) {
  return async function returnApplication(id: string, officer: CurrentUser, note: string, language: Language, clientIp: string) {
    return deps.sequelize.transaction(async (transaction) => {
      const application = assertVisible(officer, await deps.applications.find(id, { transaction, lock: true }));
      const to = nextStatus(application.status, 'return');
      if (!to) throw new AppError('invalid_transition', { extra: { status: application.status } });
      await deps.applications.update(id, { status: to, bumpVersion: true }, transaction);
      // the facts as returned, so the resubmission can show what the firm changed
      await deps.applications.recordTransition(
        { applicationId: id, from: application.status, to, event: 'return', byUser: officer.id, note, changes: { facts: application.facts } },
        transaction,
      );
      const released = await deps.reviews.releaseOpenSeats(id, officer.id, transaction);
      await deps.audit.record(
        { userId: officer.id, label: officer.email, clientIp },
        { action: 'application.returned', entityType: 'application', entityId: id, companyId: application.companyId, before: { status: application.status }, after: { status: to, note, reviewSeatsReleased: released } },
        transaction,
      );
      const contact = await deps.applications.creatorEmail(id, transaction);
      if (contact) {
        await deps.applications.queueMail({ to: contact, template: 'application-returned', language, data: { applicationId: id, note } }, transaction);
      }
      return { id, status: to };
    });
  };
}

// A firm starts its application to an open call: one per company per call.
import type { Sequelize } from 'sequelize';
import { AppError, notFound } from '../../errors/app-error.ts';
import type { AuditRepository } from '../audit/audit.repository.ts';
import type { CallsRepository } from '../calls/calls.repository.ts';
import type { CurrentUser } from '../identity/identity.types.ts';
import type { ApplicationsRepository } from './applications.repository.ts';
import { isWithinCallWindow } from './call-window.ts';

export function makeStartApplication(deps: { sequelize: Sequelize; applications: ApplicationsRepository; calls: CallsRepository; audit: AuditRepository }) {
  return async function startApplication(callId: string, user: CurrentUser, clientIp: string) {
    if (!user.companyId) throw new AppError('forbidden', { log: 'applicant without a company' });
    const call = await deps.calls.findById(callId);
    if (!call) throw notFound(`call ${callId}`);
    if (!isWithinCallWindow(call, await deps.applications.now())) throw new AppError('call_closed', { log: 'call not open' });

    const application = await deps.sequelize.transaction(async (transaction) => {
      const created = await deps.applications.create({ callId, companyId: user.companyId!, createdBy: user.id }, transaction);
      if (!created) return null;
      await deps.applications.recordTransition({ applicationId: created.id, from: null, to: 'draft', event: 'start', byUser: user.id }, transaction);
      await deps.audit.record(
        { userId: user.id, label: user.email, clientIp },
        { action: 'application.started', entityType: 'application', entityId: created.id, companyId: user.companyId, after: { callId, status: 'draft' } },
        transaction,
      );
      return created;
    });
    if (!application) {
      const existing = await deps.applications.findExisting(callId, user.companyId);
      throw new AppError('application_exists', { extra: { applicationId: existing?.id } });
    }
    return { id: application.id, status: application.status, version: application.version };
  };
}

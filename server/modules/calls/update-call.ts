// Officers correct a call's title, window, budget or panel size. The frozen rule-set versions stay:
// they are fixed by the opening day, and once a call has applications its opening cannot move.
import type { Sequelize } from 'sequelize';
import { AppError, notFound, type FieldError } from '../../errors/app-error.ts';
import type { AuditRepository } from '../audit/audit.repository.ts';
import type { CurrentUser } from '../identity/identity.types.ts';
import type { Call, CallChanges, CallsRepository } from './calls.repository.ts';
import { fieldError } from '../../errors/messages.ts';

export function makeUpdateCall(deps: { sequelize: Sequelize; calls: CallsRepository; audit: AuditRepository }) {
  return async function updateCall(id: string, changes: CallChanges, officer: CurrentUser, clientIp: string): Promise<Call> {
    return deps.sequelize.transaction(async (transaction) => {
      const before = await deps.calls.findById(id, transaction, { lock: true });
      if (!before) throw notFound(`call ${id}`);
      const opensAt = changes.opensAt ?? new Date(before.opensAt);
      const closesAt = changes.closesAt ?? new Date(before.closesAt);
      const errors: FieldError[] = [];
      if (closesAt <= opensAt) errors.push(fieldError('closesAt', 'call.closesBeforeOpens'));
      if (changes.budget !== undefined && changes.budget < before.committed) {
        errors.push(fieldError('budget', 'call.budgetBelowCommitted'));
      }
      if (changes.opensAt && changes.opensAt.toISOString() !== before.opensAt && (await deps.calls.applicationCount(id, transaction)) > 0) {
        errors.push(fieldError('opensAt', 'call.openingFixed'));
      }
      if (errors.length > 0) throw new AppError('validation_failed', { errors, params: { committed: before.committed } });
      const after = await deps.calls.update(id, changes, transaction);
      await deps.audit.record(
        { userId: officer.id, label: officer.email, clientIp },
        { action: 'call.updated', entityType: 'call', entityId: id, before, after },
        transaction,
      );
      return after;
    });
  };
}

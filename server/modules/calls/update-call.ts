// Officers correct a call's title, window, budget or panel size. The frozen rule-set versions stay:
// they are fixed by the opening day, and once a call has applications its opening cannot move.
import type { Sequelize } from 'sequelize';
import { AppError, notFound } from '../../errors/app-error.ts';
import type { AuditRepository } from '../audit/audit.repository.ts';
import type { CurrentUser } from '../identity/identity.types.ts';
import type { Call, CallChanges, CallsRepository } from './calls.repository.ts';

export function makeUpdateCall(deps: { sequelize: Sequelize; calls: CallsRepository; audit: AuditRepository }) {
  return async function updateCall(id: string, changes: CallChanges, officer: CurrentUser, clientIp: string): Promise<Call> {
    return deps.sequelize.transaction(async (transaction) => {
      const before = await deps.calls.findById(id, transaction, { lock: true });
      if (!before) throw notFound(`call ${id}`);
      const opensAt = changes.opensAt ?? new Date(before.opensAt);
      const closesAt = changes.closesAt ?? new Date(before.closesAt);
      const errors = [];
      if (closesAt <= opensAt) errors.push({ field: 'closesAt', message: { zh: '截止时间必须晚于开始时间', en: 'The closing time must be after the opening time' } });
      if (changes.budget !== undefined && changes.budget < before.committed) {
        errors.push({ field: 'budget', message: { zh: `预算不能低于已承诺的 ${before.committed} 元`, en: `The budget cannot be below the ${before.committed} yuan already committed` } });
      }
      if (changes.opensAt && changes.opensAt.toISOString() !== before.opensAt && (await deps.calls.applicationCount(id, transaction)) > 0) {
        errors.push({ field: 'opensAt', message: { zh: '已有申报的批次不能更改开始时间', en: 'The opening of a call with applications cannot move' } });
      }
      if (errors.length > 0) throw new AppError('validation_failed', { errors });
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

// The append-only audit trail: who did what, when, with before/after. Written in the same
// transaction as the change it records. ID numbers and secrets are never put in before/after.
import type { Transaction } from 'sequelize';
import type { Models } from '../../db/models/index.ts';

export type AuditActor = { userId: string | null; label?: string | null; clientIp?: string | null };

export type AuditEntry = {
  action: string;
  entityType: string;
  entityId?: string | null;
  companyId?: string | null;
  before?: unknown;
  after?: unknown;
  meta?: unknown;
};

export type AuditRepository = ReturnType<typeof createAuditRepository>;

export function createAuditRepository(models: Models) {
  return {
    async record(actor: AuditActor, entry: AuditEntry, transaction?: Transaction): Promise<void> {
      await models.AuditEvent.create(
        {
          actorId: actor.userId,
          actorLabel: actor.label ?? null,
          clientIp: actor.clientIp ?? null,
          action: entry.action,
          entityType: entry.entityType,
          entityId: entry.entityId ?? null,
          companyId: entry.companyId ?? null,
          before: entry.before ?? null,
          after: entry.after ?? null,
          meta: entry.meta ?? null,
        },
        { transaction },
      );
    },

    async list(filter: { entityType?: string; entityId?: string; actorId?: string; limit: number; offset: number }) {
      const where: Record<string, unknown> = {};
      if (filter.entityType) where.entityType = filter.entityType;
      if (filter.entityId) where.entityId = filter.entityId;
      if (filter.actorId) where.actorId = filter.actorId;
      const { rows, count } = await models.AuditEvent.findAndCountAll({
        where,
        order: [['id', 'DESC']],
        limit: filter.limit,
        offset: filter.offset,
      });
      return {
        total: count,
        items: rows.map((r) => ({
          id: r.id,
          at: r.at.toISOString(),
          actorId: r.actorId,
          actorLabel: r.actorLabel,
          action: r.action,
          entityType: r.entityType,
          entityId: r.entityId,
          companyId: r.companyId,
          before: r.before,
          after: r.after,
          meta: r.meta,
        })),
      };
    },
  };
}

// The mail outbox: e-mails are queued in the same transaction as the change they announce.
// Without SMTP_URL the outbox is also the development mailbox that administrators read.
import type { Models } from '../db/models/index.ts';

export type OutboxRepository = ReturnType<typeof createOutboxRepository>;

export function createOutboxRepository(models: Models) {
  return {
    async list(filter: { to?: string; limit: number; offset: number }) {
      const { rows, count } = await models.MailOutbox.findAndCountAll({
        where: filter.to ? { toAddress: filter.to.toLowerCase() } : {},
        order: [['id', 'DESC']],
        limit: filter.limit,
        offset: filter.offset,
      });
      return {
        total: count,
        items: rows.map((r) => ({
          id: Number(r.id),
          to: r.toAddress,
          template: r.template,
          language: r.language,
          data: r.data,
          status: r.status,
          createdAt: r.createdAt.toISOString(),
          sentAt: r.sentAt ? r.sentAt.toISOString() : null,
        })),
      };
    },
  };
}

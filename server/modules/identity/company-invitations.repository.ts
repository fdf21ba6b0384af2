import { Op, type Transaction } from 'sequelize';
import type { CompanyInvitationModel, Models } from '../../db/models/index.ts';
import { enqueueMail, type QueuedMail } from '../../notifications/queue-mail.ts';

export type Invitation = { id: string; companyId: string; email: string; role: 'owner' | 'editor'; expiresAt: string };

const toInvitation = (row: CompanyInvitationModel): Invitation => ({
  id: row.id,
  companyId: row.companyId,
  email: row.email,
  role: row.role,
  expiresAt: row.expiresAt.toISOString(),
});

export type InvitationsRepository = ReturnType<typeof createInvitationsRepository>;

export function createInvitationsRepository(models: Models) {
  return {
    async create(input: { companyId: string; email: string; role: 'owner' | 'editor'; tokenHash: string; invitedBy: string; expiresAt: Date }, transaction: Transaction) {
      return toInvitation(await models.CompanyInvitation.create(input, { transaction }));
    },
    /** Unused and unexpired only; with a transaction the row is locked so a link works once. */
    async findOpen(tokenHash: string, transaction?: Transaction): Promise<Invitation | null> {
      const row = await models.CompanyInvitation.findOne({
        where: { tokenHash, acceptedAt: null, expiresAt: { [Op.gt]: new Date() } },
        lock: transaction ? true : undefined,
        transaction,
      });
      return row ? toInvitation(row) : null;
    },
    async markAccepted(id: string, userId: string, transaction: Transaction) {
      await models.CompanyInvitation.update({ acceptedAt: new Date(), acceptedBy: userId }, { where: { id }, transaction });
    },
    async pending(companyId: string) {
      const rows = await models.CompanyInvitation.findAll({
        where: { companyId, acceptedAt: null, expiresAt: { [Op.gt]: new Date() } },
        order: [['createdAt', 'DESC']],
      });
      return rows.map(toInvitation);
    },
    async queueMail(mail: QueuedMail, transaction: Transaction): Promise<void> {
      await enqueueMail(models.MailOutbox.sequelize!, mail, transaction);
    },
  };
}

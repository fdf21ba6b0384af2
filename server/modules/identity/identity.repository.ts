// Users and companies. Returns plain objects; Sequelize stays here.
import { UniqueConstraintError, type Transaction } from 'sequelize';
import type { Models, UserModel, CompanyModel } from '../../db/models/index.ts';
import type { Company, CurrentUser, Role, UserWithSecret } from './identity.types.ts';

function toUser(row: UserModel): UserWithSecret {
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    roles: row.roles as Role[],
    companyId: row.companyId,
    companyRole: row.companyRole ?? null,
    passwordHash: row.passwordHash,
    disabledAt: row.disabledAt,
  };
}

export function toPublicUser(user: CurrentUser) {
  return { id: user.id, email: user.email, displayName: user.displayName, roles: user.roles, companyRole: user.companyRole };
}

function toCompany(row: CompanyModel): Company {
  return { id: row.id, name: row.name, uscc: row.uscc };
}

export type IdentityRepository = ReturnType<typeof createIdentityRepository>;

export function createIdentityRepository(models: Models) {
  return {
    async findUserByEmail(email: string): Promise<UserWithSecret | null> {
      const row = await models.User.findOne({
        where: models.User.sequelize!.where(models.User.sequelize!.fn('lower', models.User.sequelize!.col('email')), email.toLowerCase()),
      });
      return row ? toUser(row) : null;
    },

    async findUserById(id: string): Promise<UserWithSecret | null> {
      const row = await models.User.findByPk(id);
      return row ? toUser(row) : null;
    },

    async findCompanyById(id: string): Promise<Company | null> {
      const row = await models.Company.findByPk(id);
      return row ? toCompany(row) : null;
    },

    /** Several companies in one query (lists show a company per row). */
    async findCompaniesByIds(ids: string[]): Promise<Company[]> {
      if (ids.length === 0) return [];
      const rows = await models.Company.findAll({ where: { id: ids } });
      return rows.map(toCompany);
    },

    async findCompanyByUscc(uscc: string, transaction?: Transaction): Promise<Company | null> {
      const row = await models.Company.findOne({ where: { uscc }, transaction });
      return row ? toCompany(row) : null;
    },

    /** Unique violations come back as which key clashed, so the use case can answer 409 with the right code. */
    async createCompanyWithUser(
      input: { company: { name: string; uscc: string }; user: { email: string; passwordHash: string; displayName: string; roles: Role[] } },
      transaction: Transaction,
    ): Promise<{ ok: true; company: Company; user: UserWithSecret } | { ok: false; clash: 'company' | 'email' }> {
      try {
        const company = await models.Company.create(input.company, { transaction });
        const user = await models.User.create({ ...input.user, companyId: company.id, companyRole: 'owner', disabledAt: null, lastSignInAt: null }, { transaction });
        return { ok: true, company: toCompany(company), user: toUser(user) };
      } catch (error) {
        if (error instanceof UniqueConstraintError) {
          const constraint = (error.parent as { constraint?: string } | undefined)?.constraint ?? '';
          return { ok: false, clash: constraint.startsWith('users_') ? 'email' : 'company' };
        }
        throw error;
      }
    },

    async companyMembers(companyId: string) {
      const rows = await models.User.findAll({ where: { companyId }, order: [['createdAt', 'ASC']] });
      return rows.map((r) => ({ id: r.id, email: r.email, displayName: r.displayName, companyRole: r.companyRole ?? null }));
    },

    async createMember(
      input: { email: string; passwordHash: string; displayName: string; companyId: string; companyRole: 'owner' | 'editor' },
      transaction: Transaction,
    ): Promise<UserWithSecret | null> {
      try {
        const row = await models.User.create({ ...input, roles: ['applicant'], disabledAt: null, lastSignInAt: null }, { transaction });
        return toUser(row);
      } catch (error) {
        if (error instanceof UniqueConstraintError) return null;
        throw error;
      }
    },

    /** The language people signed in with is the one their e-mails and letters are written in. */
    async recordSignIn(userId: string, language: 'zh-CN' | 'en'): Promise<void> {
      await models.User.update({ lastSignInAt: new Date(), language }, { where: { id: userId } });
    },
  };
}

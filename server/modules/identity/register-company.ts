// A firm registers itself and its first user (who becomes an applicant of that firm).
import type { Sequelize } from 'sequelize';
import { AppError } from '../../errors/app-error.ts';
import { hashPassword } from '../../lib/password.ts';
import type { AuditRepository } from '../audit/audit.repository.ts';
import type { IdentityRepository } from './identity.repository.ts';
import { toPublicUser } from './identity.repository.ts';
import { fieldError } from '../../errors/messages.ts';

export type RegisterCompanyInput = {
  email: string;
  password: string;
  displayName: string;
  company: { name: string; uscc: string };
};

export function makeRegisterCompany(deps: { sequelize: Sequelize; identity: IdentityRepository; audit: AuditRepository }) {
  return async function registerCompany(input: RegisterCompanyInput, clientIp: string) {
    // Checked first for a clear answer; the unique keys below settle any race.
    if (await deps.identity.findCompanyByUscc(input.company.uscc)) throw companyExists();
    if (await deps.identity.findUserByEmail(input.email)) throw emailTaken();
    const passwordHash = await hashPassword(input.password);

    return deps.sequelize.transaction(async (transaction) => {
      const created = await deps.identity.createCompanyWithUser(
        { company: input.company, user: { email: input.email, passwordHash, displayName: input.displayName, roles: ['applicant'] } },
        transaction,
      );
      if (!created.ok) throw created.clash === 'company' ? companyExists() : emailTaken();
      await deps.audit.record(
        { userId: created.user.id, label: input.email, clientIp },
        {
          action: 'company.registered',
          entityType: 'company',
          entityId: created.company.id,
          companyId: created.company.id,
          after: { company: created.company, user: toPublicUser(created.user) },
        },
        transaction,
      );
      return { user: toPublicUser(created.user), company: created.company };
    });
  };
}

const companyExists = () =>
  new AppError('company_exists', {
    errors: [fieldError('company.uscc', 'company.registered')],
  });

const emailTaken = () =>
  new AppError('email_taken', {
    errors: [fieldError('email', 'email.registered')],
  });

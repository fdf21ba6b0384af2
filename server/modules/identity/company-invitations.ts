// A company's owner invites colleagues by e-mail; the one-time link lets them create their account
// inside that company. Only the token's hash is stored; a link works once and for 7 days.
import crypto from 'node:crypto';
import type { Sequelize } from 'sequelize';
import { AppError, notFound } from '../../errors/app-error.ts';
import { hashPassword } from '../../lib/password.ts';
import type { Language } from '../../i18n/language.ts';
import type { InvitationsRepository } from './company-invitations.repository.ts';
import type { AuditRepository } from '../audit/audit.repository.ts';
import type { IdentityRepository } from './identity.repository.ts';
import { toPublicUser } from './identity.repository.ts';
import type { CurrentUser } from './identity.types.ts';
import { fieldError } from '../../errors/messages.ts';

const VALID_DAYS = 7;
const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

type Deps = { sequelize: Sequelize; invitations: InvitationsRepository; identity: IdentityRepository; audit: AuditRepository; publicUrl: string };

export function makeInviteColleague(deps: Deps) {
  return async function inviteColleague(input: { email: string; role: 'owner' | 'editor' }, owner: CurrentUser, language: Language, clientIp: string) {
    if (!owner.companyId || owner.companyRole !== 'owner') throw new AppError('forbidden', { log: 'only the company owner invites' });
    if (await deps.identity.findUserByEmail(input.email)) {
      throw new AppError('email_taken', { errors: [fieldError('email', 'email.hasAccount')] });
    }
    const company = (await deps.identity.findCompanyById(owner.companyId))!;
    const token = crypto.randomBytes(32).toString('base64url');
    return deps.sequelize.transaction(async (transaction) => {
      const invitation = await deps.invitations.create(
        {
          companyId: owner.companyId!,
          email: input.email,
          role: input.role,
          tokenHash: hashToken(token),
          invitedBy: owner.id,
          expiresAt: new Date(Date.now() + VALID_DAYS * 86_400_000),
        },
        transaction,
      );
      await deps.invitations.queueMail(
        {
          to: input.email,
          template: 'company-invitation',
          language,
          data: { companyName: company.name, inviter: owner.displayName, link: `${deps.publicUrl}/invitations/${token}`, expiresAt: invitation.expiresAt },
        },
        transaction,
      );
      await deps.audit.record(
        { userId: owner.id, label: owner.email, clientIp },
        { action: 'company.colleague_invited', entityType: 'company', entityId: owner.companyId, companyId: owner.companyId, after: { email: input.email, role: input.role } },
        transaction,
      );
      return { id: invitation.id, email: invitation.email, role: invitation.role, expiresAt: invitation.expiresAt };
    });
  };
}

export function makeReadInvitation(deps: Deps) {
  return async function readInvitation(token: string) {
    const invitation = await deps.invitations.findOpen(hashToken(token));
    if (!invitation) throw notFound('invitation unknown, used or expired');
    const company = (await deps.identity.findCompanyById(invitation.companyId))!;
    return { email: invitation.email, role: invitation.role, expiresAt: invitation.expiresAt, company: { name: company.name } };
  };
}

export function makeAcceptInvitation(deps: Deps) {
  return async function acceptInvitation(token: string, input: { displayName: string; password: string }, clientIp: string) {
    const passwordHash = await hashPassword(input.password);
    return deps.sequelize.transaction(async (transaction) => {
      const invitation = await deps.invitations.findOpen(hashToken(token), transaction);
      if (!invitation) throw notFound('invitation unknown, used or expired');
      const user = await deps.identity.createMember(
        { email: invitation.email, passwordHash, displayName: input.displayName, companyId: invitation.companyId, companyRole: invitation.role },
        transaction,
      );
      if (!user) throw new AppError('email_taken');
      await deps.invitations.markAccepted(invitation.id, user.id, transaction);
      await deps.audit.record(
        { userId: user.id, label: user.email, clientIp },
        { action: 'company.colleague_joined', entityType: 'company', entityId: invitation.companyId, companyId: invitation.companyId, after: { user: toPublicUser(user) } },
        transaction,
      );
      return { user: toPublicUser(user), company: await deps.identity.findCompanyById(invitation.companyId) };
    });
  };
}

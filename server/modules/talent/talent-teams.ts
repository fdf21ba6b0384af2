// Talent teams: the firm lists members; an ID number is recorded only with the member's separate consent (the firm's
// attestation plus the signed form, or the member's own confirmation through a one-time link), encrypted, shown
// masked, revealed in full only to an officer through an audited action, erased on withdrawal or after retention.
import crypto from 'node:crypto';
import { UniqueConstraintError, type Sequelize, type Transaction } from 'sequelize';
import { AppError, notFound } from '../../errors/app-error.ts';
import { fieldError } from '../../errors/messages.ts';
import type { FieldError } from '../../errors/app-error.ts';
import type { FieldCrypto } from '../../lib/field-crypto.ts';
import { isValidResidentId } from '../../lib/resident-id.ts';
import { enqueueMail } from '../../notifications/queue-mail.ts';
import type { AuditRepository } from '../audit/audit.repository.ts';
import type { CurrentUser } from '../identity/identity.types.ts';
import { safeFilename, sniffMediaType } from '../applications/upload-document.ts';
import { CONSENT_TEXT, CONSENT_TEXT_VERSION } from './consent-text.ts';
import type { MemberRole, StoredIdNumber, TalentRepository } from './talent.repository.ts';

type Deps = { sequelize: Sequelize; talent: TalentRepository; crypto: FieldCrypto; audit: AuditRepository; publicUrl: string; retentionDays: number };
type Actor = { user: CurrentUser; clientIp: string };
export type MemberInput = { name: string; role: MemberRole; email?: string | null; idNumber?: string; consent?: boolean };

const CONSENT_LINK_DAYS = 7;
/** How long a member who consented through their link can withdraw through it (the programme's five-year term). */
const MEMBER_WITHDRAWAL_DAYS = 5 * 366;
const isStaff = (user: CurrentUser) => user.roles.includes('officer') || user.roles.includes('admin');
const tokenHash = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

/** Two saves of the same number at once: the unique index decides, and the loser hears it on the field. */
async function duplicateAsFieldError<T>(field: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof UniqueConstraintError || /team_members_id_hash_key/.test(String((error as { parent?: { constraint?: string } }).parent?.constraint ?? ''))) {
      throw new AppError('validation_failed', { errors: [fieldError(field, 'talent.idNumberDuplicate')] });
    }
    throw error;
  }
}

export function makeTalentTeams(deps: Deps) {
  /** What is stored of a number, and the hashes to look for it under (one per configured key). */
  const protect = (idNumber: string): StoredIdNumber & { lookups: string[] } => {
    const normalized = idNumber.toUpperCase();
    return { encrypted: deps.crypto.encrypt(normalized), hash: deps.crypto.lookupHash(normalized), last4: normalized.slice(-4), lookups: deps.crypto.lookupHashes(normalized) };
  };

  /** Field errors for one member's ID number and consent; `prefix` is e.g. "members[0]." or "". */
  function memberErrors(input: MemberInput, prefix: string): { errors: FieldError[]; consentMissing: boolean } {
    if (input.idNumber === undefined || input.idNumber === '') return { errors: [], consentMissing: false };
    if (!isValidResidentId(input.idNumber)) return { errors: [fieldError(`${prefix}idNumber`, 'talent.idNumberInvalid')], consentMissing: false };
    if (input.consent !== true) return { errors: [fieldError(`${prefix}consent`, 'talent.consentRequired')], consentMissing: true };
    return { errors: [], consentMissing: false };
  }

  function raise(errors: FieldError[], consentMissing: boolean): void {
    if (errors.length === 0) return;
    // a missing consent is its own code (api.md), unless other fields are wrong too
    throw new AppError(consentMissing && errors.every((e) => e.field.endsWith('consent')) ? 'consent_required' : 'validation_failed', { errors });
  }

  async function visibleTeam(id: string, user: CurrentUser, transaction?: Transaction, lock = false) {
    const team = await deps.talent.findTeam(id, transaction, { lock });
    if (!team || !(isStaff(user) || (user.companyId !== null && team.company.id === user.companyId))) throw notFound('team not visible');
    return team;
  }

  async function ownTeam(id: string, user: CurrentUser, transaction: Transaction) {
    const team = await visibleTeam(id, user, transaction, true);
    if (team.company.id !== user.companyId) throw notFound('team not the caller’s firm’s');
    return team;
  }

  async function ownMember(teamId: string, memberId: string, user: CurrentUser, transaction: Transaction) {
    await ownTeam(teamId, user, transaction);
    const found = await deps.talent.findMember(teamId, memberId, transaction, { lock: true });
    if (!found) throw notFound('member');
    return found;
  }

  const audit = (actor: Actor | null, action: string, entityId: string, after: Record<string, unknown>, transaction: Transaction, companyId?: string) =>
    deps.audit.record(
      actor ? { userId: actor.user.id, label: actor.user.email, clientIp: actor.clientIp } : { userId: null, label: 'system' },
      { action, entityType: 'team_member', entityId, companyId, after },
      transaction,
    );

  return {
    async list(user: CurrentUser, filter: { limit: number; offset: number }) {
      if (!isStaff(user) && !user.companyId) return { items: [], total: 0 };
      return deps.talent.listTeams({ ...filter, companyId: isStaff(user) ? undefined : user.companyId! });
    },

    view: (id: string, user: CurrentUser) => visibleTeam(id, user),

    async create(input: { name: string; applicationId?: string | null; members: MemberInput[] }, actor: Actor) {
      const companyId = actor.user.companyId;
      if (!companyId) throw notFound('no company');
      const errors: FieldError[] = [];
      let consentMissing = false;
      const hashes = new Map<string, number>();
      input.members.forEach((member, index) => {
        const checked = memberErrors(member, `members[${index}].`);
        errors.push(...checked.errors);
        consentMissing ||= checked.consentMissing;
        if (member.idNumber && checked.errors.length === 0) {
          const hash = deps.crypto.lookupHash(member.idNumber.toUpperCase());
          if (hashes.has(hash)) errors.push(fieldError(`members[${index}].idNumber`, 'talent.idNumberDuplicate'));
          hashes.set(hash, index);
        }
      });
      if (input.applicationId) {
        const application = await deps.talent.applicationOf(input.applicationId);
        if (!application || application.companyId !== companyId || application.programme !== 'talent-team') errors.push(fieldError('applicationId', 'talent.applicationNotTeam'));
      }
      raise(errors, consentMissing);
      const id = await deps.sequelize.transaction(async (transaction) => {
        const teamId = await deps.talent.createTeam({ companyId, applicationId: input.applicationId ?? null, name: input.name, createdBy: actor.user.id }, transaction);
        for (const member of input.members) {
          const memberId = await deps.talent.addMember(
            {
              teamId,
              name: member.name,
              role: member.role,
              email: member.email ?? null,
              idNumber: member.idNumber ? protect(member.idNumber) : null,
              consent: member.idNumber ? { method: 'firm_attestation', version: CONSENT_TEXT_VERSION } : null,
            },
            transaction,
          );
          if (member.idNumber) await audit(actor, 'talent_member.consent_given', memberId, { method: 'firm_attestation', textVersion: CONSENT_TEXT_VERSION }, transaction, companyId);
        }
        await deps.audit.record(
          { userId: actor.user.id, label: actor.user.email, clientIp: actor.clientIp },
          { action: 'talent_team.created', entityType: 'talent_team', entityId: teamId, companyId, after: { name: input.name, members: input.members.length } },
          transaction,
        );
        return teamId;
      });
      return (await deps.talent.findTeam(id))!;
    },

    async rename(id: string, name: string, actor: Actor) {
      await deps.sequelize.transaction(async (transaction) => {
        await ownTeam(id, actor.user, transaction);
        await deps.talent.renameTeam(id, name, transaction);
      });
      return (await deps.talent.findTeam(id))!;
    },

    async addMember(teamId: string, input: MemberInput, actor: Actor) {
      const checked = memberErrors(input, '');
      raise(checked.errors, checked.consentMissing);
      const memberId = await duplicateAsFieldError('idNumber', () => deps.sequelize.transaction(async (transaction) => {
        const team = await ownTeam(teamId, actor.user, transaction);
        const idNumber = input.idNumber ? protect(input.idNumber) : null;
        if (idNumber && (await deps.talent.hashTaken(teamId, idNumber.lookups, null, transaction))) throw new AppError('validation_failed', { errors: [fieldError('idNumber', 'talent.idNumberDuplicate')] });
        const id = await deps.talent.addMember(
          { teamId, name: input.name, role: input.role, email: input.email ?? null, idNumber, consent: idNumber ? { method: 'firm_attestation', version: CONSENT_TEXT_VERSION } : null },
          transaction,
        );
        await audit(actor, idNumber ? 'talent_member.consent_given' : 'talent_member.added', id, { method: idNumber ? 'firm_attestation' : null }, transaction, team.company.id);
        return id;
      }));
      return (await deps.talent.findMember(teamId, memberId))!.member;
    },

    async updateMember(teamId: string, memberId: string, input: Partial<MemberInput>, actor: Actor) {
      const checked = memberErrors({ name: '', role: 'member', ...input }, '');
      raise(checked.errors, checked.consentMissing);
      await duplicateAsFieldError('idNumber', () => deps.sequelize.transaction(async (transaction) => {
        const found = await ownMember(teamId, memberId, actor.user, transaction);
        if (input.idNumber && found.member.consentRecord.status === 'given' && found.member.consentRecord.method === 'member_confirmation') {
          // the member entered and consented to this number themselves: only they (or a withdrawal) change it
          throw new AppError('invalid_transition', { log: 'member-confirmed ID number' });
        }
        await deps.talent.updateMember(memberId, { name: input.name, role: input.role, email: input.email }, transaction);
        if (input.idNumber) {
          const idNumber = protect(input.idNumber);
          if (await deps.talent.hashTaken(teamId, idNumber.lookups, memberId, transaction)) throw new AppError('validation_failed', { errors: [fieldError('idNumber', 'talent.idNumberDuplicate')] });
          await deps.talent.setIdNumber(memberId, idNumber, { method: 'firm_attestation', version: CONSENT_TEXT_VERSION }, transaction);
          await audit(actor, 'talent_member.consent_given', memberId, { method: 'firm_attestation', textVersion: CONSENT_TEXT_VERSION }, transaction);
        }
      }));
      return (await deps.talent.findMember(teamId, memberId))!.member;
    },

    async removeMember(teamId: string, memberId: string, actor: Actor) {
      await deps.sequelize.transaction(async (transaction) => {
        await ownMember(teamId, memberId, actor.user, transaction);
        await deps.talent.erase([memberId], { everything: true, withdrawn: false }, transaction);
        await deps.talent.remove(memberId, transaction);
        await audit(actor, 'talent_member.removed', memberId, { erased: true }, transaction);
      });
    },

    async uploadConsentForm(teamId: string, memberId: string, file: { originalname: string; buffer: Buffer } | undefined, actor: Actor) {
      if (!file || file.buffer.length === 0) throw new AppError('validation_failed', { errors: [fieldError('file', 'document.fileMissing')] });
      const mediaType = await sniffMediaType(file.buffer);
      if (!mediaType) throw new AppError('unsupported_media_type', { log: 'consent form is not PDF, JPEG, PNG or OFD' });
      const sha256 = crypto.createHash('sha256').update(file.buffer).digest('hex');
      return deps.sequelize.transaction(async (transaction) => {
        await ownMember(teamId, memberId, actor.user, transaction);
        const filename = safeFilename(file.originalname);
        const id = await deps.talent.setConsentForm(memberId, { sha256, content: file.buffer, filename, mediaType }, transaction);
        await audit(actor, 'talent_member.consent_form_uploaded', memberId, { sha256, size: file.buffer.length }, transaction);
        return { id, filename };
      });
    },

    /** The signed form, for the firm and officers. */
    async consentForm(teamId: string, memberId: string, user: CurrentUser, clientIp: string) {
      const team = await visibleTeam(teamId, user);
      const found = await deps.talent.findMember(teamId, memberId);
      const content = found?.form ? await deps.talent.formContent(found.form.sha256) : null;
      if (!found?.form || !content || !found.member.consentRecord.form) throw notFound('consent form');
      if (team.company.id !== user.companyId) {
        await deps.audit.record(
          { userId: user.id, label: user.email, clientIp },
          { action: 'pii.consent_form_viewed', entityType: 'team_member', entityId: memberId, companyId: team.company.id },
        );
      }
      return { filename: found.member.consentRecord.form.filename, mediaType: found.form.mediaType, content };
    },

    async requestConsent(teamId: string, memberId: string, email: string, language: string, actor: Actor) {
      const token = crypto.randomBytes(32).toString('base64url');
      return deps.sequelize.transaction(async (transaction) => {
        const team = await ownTeam(teamId, actor.user, transaction);
        const found = await deps.talent.findMember(teamId, memberId, transaction, { lock: true });
        if (!found) throw notFound('member');
        const expiresAt = new Date(Date.now() + CONSENT_LINK_DAYS * 86_400_000);
        await deps.talent.requestConsent(memberId, tokenHash(token), expiresAt, email, transaction);
        await enqueueMail(
          deps.sequelize,
          {
            to: email,
            template: 'consent-request',
            language,
            data: { teamName: team.name, companyName: team.company.name, memberName: found.member.name, link: `${deps.publicUrl}/consent/${token}`, expiresAt: expiresAt.toISOString() },
          },
          transaction,
        );
        await audit(actor, 'talent_member.consent_requested', memberId, { expiresAt: expiresAt.toISOString() }, transaction, team.company.id);
        return { requestExpiresAt: expiresAt.toISOString() };
      });
    },

    async consentRequest(token: string) {
      const found = await deps.talent.findByConsentToken(tokenHash(token));
      if (!found) throw notFound('consent link');
      return {
        team: { name: found.teamName },
        company: { name: found.companyName },
        member: { name: found.name, role: found.role },
        // 'given': the member consented through this link and may withdraw here
        status: found.status === 'given' ? 'given' : 'requested',
        idNumberMasked: found.status === 'given' ? found.idNumberMasked : null,
        text: CONSENT_TEXT,
        textVersion: CONSENT_TEXT_VERSION,
        expiresAt: found.expiresAt,
      };
    },

    /** The member confirms and enters their own number; the link then stops working. */
    async confirmConsent(token: string, input: { agree: boolean; idNumber: string }, clientIp: string) {
      const errors = [
        ...(input.agree === true ? [] : [fieldError('agree', 'talent.agreeRequired')]),
        ...(isValidResidentId(input.idNumber) ? [] : [fieldError('idNumber', 'talent.idNumberInvalid')]),
      ];
      if (errors.length > 0) throw new AppError('validation_failed', { errors });
      return deps.sequelize.transaction(async (transaction) => {
        const found = await deps.talent.findByConsentToken(tokenHash(token), transaction, { lock: true });
        if (!found) throw notFound('consent link');
        if (found.status === 'given') throw new AppError('invalid_transition', { log: 'consent already given through this link' });
        const idNumber = protect(input.idNumber);
        if (await deps.talent.hashTaken(found.teamId, idNumber.lookups, found.memberId, transaction)) throw new AppError('validation_failed', { errors: [fieldError('idNumber', 'talent.idNumberDuplicate')] });
        await deps.talent.setIdNumber(found.memberId, idNumber, { method: 'member_confirmation', version: CONSENT_TEXT_VERSION, keepLinkDays: MEMBER_WITHDRAWAL_DAYS }, transaction);
        await deps.audit.record(
          { userId: null, label: 'member', clientIp },
          { action: 'talent_member.consent_given', entityType: 'team_member', entityId: found.memberId, after: { method: 'member_confirmation', textVersion: CONSENT_TEXT_VERSION } },
          transaction,
        );
        return { status: 'given' as const, idNumberMasked: `${'*'.repeat(14)}${idNumber.last4}` };
      });
    },

    /** The member withdraws the consent they gave through their link: the ID number is erased and the link ends. */
    async withdrawByMember(token: string, clientIp: string) {
      return deps.sequelize.transaction(async (transaction) => {
        const found = await deps.talent.findByConsentToken(tokenHash(token), transaction, { lock: true });
        if (!found || found.status !== 'given') throw notFound('consent link');
        await deps.talent.erase([found.memberId], { everything: false, withdrawn: true }, transaction);
        await deps.audit.record(
          { userId: null, label: 'member', clientIp },
          { action: 'talent_member.consent_withdrawn', entityType: 'team_member', entityId: found.memberId, after: { by: 'member', idNumberErased: true } },
          transaction,
        );
        return { status: 'withdrawn' as const };
      });
    },

    async withdrawConsent(teamId: string, memberId: string, note: string | null, actor: Actor) {
      await deps.sequelize.transaction(async (transaction) => {
        await ownMember(teamId, memberId, actor.user, transaction);
        await deps.talent.erase([memberId], { everything: false, withdrawn: true }, transaction);
        await audit(actor, 'talent_member.consent_withdrawn', memberId, { note, idNumberErased: true }, transaction);
      });
      return (await deps.talent.findMember(teamId, memberId))!.member;
    },

    /** An officer sees one full number, for a stated reason; the view itself is audited (never the number). */
    async reveal(teamId: string, memberId: string, reason: string, actor: Actor) {
      return deps.sequelize.transaction(async (transaction) => {
        const team = await visibleTeam(teamId, actor.user, transaction);
        const found = await deps.talent.findMember(teamId, memberId, transaction, { withSecret: true });
        if (!found?.encrypted) throw notFound('no ID number held');
        await deps.audit.record(
          { userId: actor.user.id, label: actor.user.email, clientIp: actor.clientIp },
          { action: 'pii.revealed', entityType: 'team_member', entityId: memberId, companyId: team.company.id, meta: { reason, field: 'idNumber' } },
          transaction,
        );
        return { idNumber: deps.crypto.decrypt(found.encrypted), revealedAt: new Date().toISOString() };
      });
    },

    /** The retention job: anonymises members whose programme closed longer ago than the retention period. */
    async applyRetention(): Promise<number> {
      return deps.sequelize.transaction(async (transaction) => {
        const due = await deps.talent.dueForRetention(deps.retentionDays, transaction);
        const erased = await deps.talent.erase(due.map((m) => m.id), { everything: true, withdrawn: false }, transaction);
        if (erased > 0) {
          await deps.audit.record(
            { userId: null, label: 'retention' },
            { action: 'pii.retention_applied', entityType: 'team_member', after: { members: erased, retentionDays: deps.retentionDays, teams: [...new Set(due.map((m) => m.teamId))] } },
            transaction,
          );
        }
        return erased;
      });
    },
  };
}

// Evidence upload: the type is judged by content (PDF, JPEG, PNG, OFD), never by the name or the
// browser's claim; content and row are stored in one transaction.
import { cleanFilename } from '../../lib/filename.ts';
import crypto from 'node:crypto';
import type { Sequelize } from 'sequelize';
import { fileTypeFromBuffer } from 'file-type';
import { AppError } from '../../errors/app-error.ts';
import type { AuditRepository } from '../audit/audit.repository.ts';
import type { CallsRepository } from '../calls/calls.repository.ts';
import type { CurrentUser } from '../identity/identity.types.ts';
import type { ProgrammeCode } from '../eligibility/rule-set.types.ts';
import { documentRequirements } from '../programmes/programme-requirements.ts';
import type { ApplicationsRepository } from './applications.repository.ts';
import { assertFirmMember } from './applications.permissions.ts';
import { EDITABLE_STATUSES } from './application-status.ts';
import { fieldError } from '../../errors/messages.ts';

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/** Evidence for an appeal: the only kind a rejected application still takes, until the appeal is filed. */
export const APPEAL_EVIDENCE = 'appeal_evidence';

/** Whether a document of this kind may be added to (or removed from) an application in this status. */
export function acceptsDocument(status: string, kind: string | null): boolean {
  if (EDITABLE_STATUSES.includes(status as (typeof EDITABLE_STATUSES)[number])) return kind !== APPEAL_EVIDENCE;
  return status === 'rejected' && (kind === null || kind === APPEAL_EVIDENCE);
}

/** OFD (GB/T 33190) is a ZIP package whose root holds OFD.xml. */
function isOfd(content: Buffer): boolean {
  return content.includes('OFD.xml');
}

export async function sniffMediaType(content: Buffer): Promise<string | null> {
  const detected = await fileTypeFromBuffer(content);
  if (!detected) return null;
  if (['application/pdf', 'image/jpeg', 'image/png'].includes(detected.mime)) return detected.mime;
  if (detected.mime === 'application/zip' && isOfd(content)) return 'application/ofd';
  return null;
}

/** Keeps the last path segment, without control characters, at most 200 characters. */
/** The stored name: cleaned (see lib/filename.ts), or a neutral one when nothing is left. */
export function safeFilename(name: string): string {
  return cleanFilename(name) || 'document';
}

export function makeUploadDocument(deps: { sequelize: Sequelize; applications: ApplicationsRepository; calls: CallsRepository; audit: AuditRepository }) {
  return async function uploadDocument(
    id: string,
    input: { kind: string; file: { originalname: string; buffer: Buffer } | undefined },
    user: CurrentUser,
    clientIp: string,
  ) {
    const application = assertFirmMember(user, await deps.applications.find(id));
    if (!acceptsDocument(application.status, null)) throw new AppError('application_locked', { extra: { status: application.status } });
    const call = (await deps.calls.findById(application.callId))!;
    const kinds = application.status === 'rejected' ? [APPEAL_EVIDENCE] : documentRequirements[call.programme as ProgrammeCode].map((d) => d.kind);
    const errors = [
      ...(kinds.includes(input.kind) ? [] : [fieldError('kind', 'document.kindNotAsked')]),
      ...(input.file && input.file.buffer.length > 0 ? [] : [fieldError('file', 'document.fileMissing')]),
    ];
    if (errors.length > 0) throw new AppError('validation_failed', { errors });
    const content = input.file!.buffer;
    const mediaType = await sniffMediaType(content);
    if (!mediaType) throw new AppError('unsupported_media_type', { log: 'upload content is not PDF, JPEG, PNG or OFD' });
    const sha256 = crypto.createHash('sha256').update(content).digest('hex');

    return deps.sequelize.transaction(async (transaction) => {
      const current = await deps.applications.find(id, { transaction, lock: true });
      if (!current || !acceptsDocument(current.status, input.kind)) throw new AppError('application_locked');
      const document = await deps.applications.addDocument(
        { applicationId: id, kind: input.kind, filename: safeFilename(input.file!.originalname), mediaType, content, sha256, uploadedBy: user.id },
        transaction,
      );
      await deps.audit.record(
        { userId: user.id, label: user.email, clientIp },
        { action: 'document.uploaded', entityType: 'application', entityId: id, companyId: application.companyId, after: { documentId: document.id, kind: document.kind, sha256, size: document.size } },
        transaction,
      );
      return document;
    });
  };
}

export function makeRemoveDocument(deps: { sequelize: Sequelize; applications: ApplicationsRepository; audit: AuditRepository }) {
  return async function removeDocument(id: string, documentId: string, user: CurrentUser, clientIp: string) {
    await deps.sequelize.transaction(async (transaction) => {
      const application = assertFirmMember(user, await deps.applications.find(id, { transaction, lock: true }));
      const document = await deps.applications.findDocument(id, documentId);
      if (!acceptsDocument(application.status, document?.kind ?? null)) throw new AppError('application_locked', { extra: { status: application.status } });
      if (!(await deps.applications.removeDocument(id, documentId, transaction))) throw new AppError('not_found', { log: 'document' });
      await deps.audit.record(
        { userId: user.id, label: user.email, clientIp },
        { action: 'document.removed', entityType: 'application', entityId: id, companyId: application.companyId, before: { documentId } },
        transaction,
      );
    });
  };
}

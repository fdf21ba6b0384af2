// Autosave: partial facts merge into the draft, guarded by the version the client last saw.
import { AppError, type FieldError } from '../../errors/app-error.ts';
import type { CallsRepository } from '../calls/calls.repository.ts';
import type { CurrentUser } from '../identity/identity.types.ts';
import { validateFacts } from '../eligibility/validate-facts.ts';
import type { ProgrammeCode } from '../eligibility/rule-set.types.ts';
import type { ApplicationsRepository } from './applications.repository.ts';
import { assertFirmMember } from './applications.permissions.ts';
import { EDITABLE_STATUSES, type ApplicationStatus } from './application-status.ts';

/** A null value removes a fact; anything else replaces it. */
/** Keys that would reach an object's prototype when assigned (refused at the edge too; never merged here). */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function mergeFacts(current: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const merged = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (PROTOTYPE_KEYS.has(key)) continue;
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  return merged;
}

/** Turns facts into what may be stored (ID numbers masked), or says which fields cannot be. */
export type ProtectFacts = (companyId: string, facts: Record<string, unknown>, previous: Record<string, unknown>) => Promise<{ facts: Record<string, unknown>; errors: FieldError[] }>;

export function makeSaveApplicationFacts(deps: { applications: ApplicationsRepository; calls: CallsRepository; protectFacts: ProtectFacts }) {
  // No transaction: the update is conditional on the version read here and on an editable status, so a
  // concurrent save or submission makes it write nothing (409), and a save costs three statements.
  return async function saveApplicationFacts(id: string, input: { facts: Record<string, unknown>; version: number }, user: CurrentUser) {
    const application = assertFirmMember(user, await deps.applications.find(id));
    assertEditable(application.status);
    if (application.version !== input.version) throw versionConflict(application.version);
    const programme = (await deps.calls.programmeOf(application.callId)) as ProgrammeCode;
    const protectedFacts = await deps.protectFacts(application.companyId, mergeFacts(application.facts, input.facts), application.facts);
    const checked = validateFacts(programme, protectedFacts.facts, 'draft');
    const errors = [...(checked.ok ? [] : checked.errors), ...protectedFacts.errors];
    if (errors.length > 0) throw new AppError('validation_failed', { errors });
    const version = await deps.applications.updateFacts(id, input.version, protectedFacts.facts, EDITABLE_STATUSES);
    if (version === null) {
      const current = (await deps.applications.find(id))!;
      assertEditable(current.status);
      throw versionConflict(current.version);
    }
    return { id, version };
  };
}

function assertEditable(status: ApplicationStatus) {
  if (!EDITABLE_STATUSES.includes(status)) throw new AppError('application_locked', { extra: { status } });
}

function versionConflict(currentVersion: number) {
  return new AppError('version_conflict', { extra: { currentVersion } });
}

// Who may see or change an application. A refusal is a 404, so ids of other firms cannot be probed.
import { notFound } from '../../errors/app-error.ts';
import type { CurrentUser } from '../identity/identity.types.ts';
import type { Application } from './applications.repository.ts';

const isStaff = (user: CurrentUser) => user.roles.includes('officer') || user.roles.includes('admin');

/** Officers see every application; a firm's members see their firm's. */
export function canSeeApplication(user: CurrentUser, application: Application): boolean {
  return isStaff(user) || (user.companyId !== null && user.companyId === application.companyId);
}

/** Only the firm's own members act for the firm. */
export function canActForFirm(user: CurrentUser, application: Application): boolean {
  return user.roles.includes('applicant') && user.companyId !== null && user.companyId === application.companyId;
}

export function assertVisible(user: CurrentUser, application: Application | null): Application {
  if (!application || !canSeeApplication(user, application)) throw notFound('application not visible');
  return application;
}

export function assertFirmMember(user: CurrentUser, application: Application | null): Application {
  if (!application || !canActForFirm(user, application)) throw notFound('application not the caller’s firm’s');
  return application;
}

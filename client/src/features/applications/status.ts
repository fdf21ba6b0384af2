import type { MessageKey } from '../../lib/i18n';
import type { ApplicationStatus } from './types';

export const STATUSES: ApplicationStatus[] = [
  'draft',
  'submitted',
  'ineligible',
  'in_review',
  'scored',
  'approved',
  'rejected',
  'returned',
  'withdrawn',
  'noticed',
  'appealed',
  'revoked',
];

export function statusLabel(status: string | null | undefined): MessageKey | null {
  if (!status) return null;
  return (STATUSES as string[]).includes(status) ? (`status.${status}` as MessageKey) : null;
}

/** The firm may change facts and documents only in these. */
export function isEditable(status: ApplicationStatus): boolean {
  return status === 'draft' || status === 'returned';
}

export function canWithdraw(status: ApplicationStatus): boolean {
  return status === 'draft' || status === 'submitted' || status === 'returned';
}

export function canReturn(status: ApplicationStatus): boolean {
  return status === 'submitted' || status === 'in_review';
}

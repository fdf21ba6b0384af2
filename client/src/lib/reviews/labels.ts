/** Message keys for the review vocabulary (assignment states, reviewer kinds, expertise fields). */
import type { MessageKey, Translate } from '../i18n';

export type ReviewStatus = 'assigned' | 'released' | 'submitted';
export type ReviewerKind = 'technical' | 'financial';
export type ReleaseReason = 'conflict' | 'unassigned' | 'returned';

const REVIEW_STATUS: Record<ReviewStatus, MessageKey> = {
  assigned: 'reviewStatus.assigned',
  released: 'reviewStatus.released',
  submitted: 'reviewStatus.submitted',
};

const REVIEWER_KIND: Record<ReviewerKind, MessageKey> = {
  technical: 'reviewerKind.technical',
  financial: 'reviewerKind.financial',
};

const RELEASE_REASON: Record<ReleaseReason, MessageKey> = {
  conflict: 'releaseReason.conflict',
  unassigned: 'releaseReason.unassigned',
  returned: 'releaseReason.returned',
};

const GAP_REASON: Record<string, MessageKey> = {
  no_financial_reviewer: 'gapReason.no_financial_reviewer',
  not_enough_technical: 'gapReason.not_enough_technical',
  not_enough_reviewers: 'gapReason.not_enough_reviewers',
};

/** HTE technology fields plus 'finance', as the API names them. */
const FIELDS: Record<string, MessageKey> = {
  electronic_information: 'reviewField.electronic_information',
  biomedicine: 'reviewField.biomedicine',
  aerospace: 'reviewField.aerospace',
  new_materials: 'reviewField.new_materials',
  high_tech_services: 'reviewField.high_tech_services',
  new_energy: 'reviewField.new_energy',
  resources_environment: 'reviewField.resources_environment',
  advanced_manufacturing: 'reviewField.advanced_manufacturing',
  finance: 'reviewField.finance',
};

/** Application statuses, as the applications feature names them (status.*). */
const APPLICATION_STATUS: Record<string, MessageKey> = {
  draft: 'status.draft',
  submitted: 'status.submitted',
  ineligible: 'status.ineligible',
  in_review: 'status.in_review',
  scored: 'status.scored',
  approved: 'status.approved',
  rejected: 'status.rejected',
  returned: 'status.returned',
  withdrawn: 'status.withdrawn',
  noticed: 'status.noticed',
  appealed: 'status.appealed',
  revoked: 'status.revoked',
};

function lookup(table: Record<string, MessageKey>, code: string | null | undefined, t: Translate): string {
  if (!code) return '—';
  const key = table[code];
  return key ? t(key) : code;
}

export function reviewStatusText(status: string, t: Translate): string {
  return lookup(REVIEW_STATUS, status, t);
}

export function applicationStatusText(status: string, t: Translate): string {
  return lookup(APPLICATION_STATUS, status, t);
}

export function reviewerKindText(kind: string, t: Translate): string {
  return lookup(REVIEWER_KIND, kind, t);
}

export function releaseReasonText(reason: string | null | undefined, t: Translate): string {
  return lookup(RELEASE_REASON, reason, t);
}

export function fieldText(field: string | null | undefined, t: Translate): string {
  return lookup(FIELDS, field, t);
}

export function fieldsText(fields: string[], t: Translate, separator: string): string {
  return fields.length > 0 ? fields.map((field) => fieldText(field, t)).join(separator) : '—';
}

/** Why an assignment run left seats open. */
export function gapReasonText(reason: string, t: Translate): string {
  return lookup(GAP_REASON, reason, t);
}

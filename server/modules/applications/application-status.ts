// The application lifecycle as one table: which event moves which status to which, and who may cause it.
// Every transition writes a history row and an audit row (see record-transition in the repository).
export const APPLICATION_STATUSES = [
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
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export type ApplicationEvent =
  | 'submit' | 'screen_out' | 'withdraw' | 'return' | 'resubmit' | 'assign' | 'score'
  | 'approve' | 'reject' | 'notice' | 'revoke' | 'appeal' | 'uphold_appeal' | 'dismiss_appeal';

type Transition = { from: ApplicationStatus[]; to: ApplicationStatus; by: 'applicant' | 'officer' | 'system' };

export const applicationTransitions: Record<ApplicationEvent, Transition> = {
  submit: { from: ['draft'], to: 'submitted', by: 'applicant' },
  // screening at submission found a failed criterion: recorded, with the reasons, as ineligible
  screen_out: { from: ['submitted'], to: 'ineligible', by: 'system' },
  withdraw: { from: ['draft', 'submitted', 'returned'], to: 'withdrawn', by: 'applicant' },
  return: { from: ['submitted', 'in_review'], to: 'returned', by: 'officer' },
  resubmit: { from: ['returned'], to: 'submitted', by: 'applicant' },
  // the first reviewer takes a seat on the panel
  assign: { from: ['submitted'], to: 'in_review', by: 'officer' },
  // the last seat of a full panel submitted its scores
  score: { from: ['in_review'], to: 'scored', by: 'system' },
  // the decision on the panel's score; approval commits the amount to the call's budget
  approve: { from: ['scored'], to: 'approved', by: 'officer' },
  reject: { from: ['scored'], to: 'rejected', by: 'officer' },
  // approvals go on public notice (公示); an upheld objection revokes the approval and releases its amount
  notice: { from: ['approved'], to: 'noticed', by: 'officer' },
  revoke: { from: ['approved', 'noticed'], to: 'revoked', by: 'officer' },
  // a rejected firm appeals within 30 days; a second panel re-reviews; the officer decides the appeal
  appeal: { from: ['rejected'], to: 'appealed', by: 'applicant' },
  uphold_appeal: { from: ['appealed'], to: 'approved', by: 'officer' },
  dismiss_appeal: { from: ['appealed'], to: 'rejected', by: 'officer' },
};

/** Where the firm may still change facts and documents. */
export const EDITABLE_STATUSES: ApplicationStatus[] = ['draft', 'returned'];

export function nextStatus(current: ApplicationStatus, event: ApplicationEvent): ApplicationStatus | null {
  const transition = applicationTransitions[event];
  return transition.from.includes(current) ? transition.to : null;
}

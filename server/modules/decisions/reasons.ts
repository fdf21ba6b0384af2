// Structured reasons for a rejection (letters print their labels; the client shows the same codes).
export const REJECTION_REASONS = {
  score_below_line: { zh: '评审得分未达资金线', en: 'The score is below the funding line' },
  budget_exhausted: { zh: '年度预算已用完', en: 'The budget is exhausted' },
  criteria_not_met: { zh: '经评审不符合申报条件', en: 'The conditions were found not to be met on review' },
  evidence_insufficient: { zh: '证明材料不足', en: 'The evidence is insufficient' },
  other: { zh: '其他', en: 'Other' },
} as const;

export type RejectionReason = keyof typeof REJECTION_REASONS;
export const REJECTION_REASON_CODES = Object.keys(REJECTION_REASONS) as RejectionReason[];

export const LETTER_TITLES = {
  approval: { zh: '立项通知书', en: 'Approval letter' },
  rejection: { zh: '不予立项通知书', en: 'Rejection letter' },
  revocation: { zh: '撤销立项决定书', en: 'Revocation of approval' },
  appeal_outcome: { zh: '复核结果通知书', en: 'Appeal outcome letter' },
  recognition: { zh: '积分制入户积分认定通知书', en: 'Residence-point recognition letter' },
} as const;

/** A rejected firm may appeal for 30 calendar days after the decision day (Beijing time), that day included. */
export const APPEAL_WINDOW_DAYS = 30;

// What each application status is called in the words the server writes itself (e-mails, exports) — the same words
// the client shows (client/src/lib/i18n, status.*), so a firm reads one name for one state everywhere.
import type { ApplicationStatus } from './application-status.ts';

export const statusNames: Record<ApplicationStatus, { zh: string; en: string }> = {
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '已提交', en: 'Submitted' },
  ineligible: { zh: '不符合条件', en: 'Ineligible' },
  in_review: { zh: '评审中', en: 'In review' },
  scored: { zh: '已评分', en: 'Scored' },
  approved: { zh: '已批准', en: 'Approved' },
  rejected: { zh: '未获批准', en: 'Not approved' },
  returned: { zh: '退回补充', en: 'Returned for more information' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
  noticed: { zh: '公示中', en: 'Public notice' },
  appealed: { zh: '申诉中', en: 'Under appeal' },
  revoked: { zh: '已撤销批准', en: 'Approval revoked' },
};

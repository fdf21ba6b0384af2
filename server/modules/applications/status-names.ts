// What each application status is called, for the words the server writes itself (e-mails, exports).
import type { ApplicationStatus } from './application-status.ts';

export const statusNames: Record<ApplicationStatus, { zh: string; en: string }> = {
  draft: { zh: '草稿', en: 'draft' },
  submitted: { zh: '已提交', en: 'submitted' },
  ineligible: { zh: '不符合条件', en: 'not eligible' },
  in_review: { zh: '评审中', en: 'in review' },
  scored: { zh: '已评分', en: 'scored' },
  approved: { zh: '拟立项', en: 'approved' },
  rejected: { zh: '不予立项', en: 'rejected' },
  returned: { zh: '已退回修改', en: 'returned for changes' },
  withdrawn: { zh: '已撤回', en: 'withdrawn' },
  noticed: { zh: '公示中', en: 'on public notice' },
  appealed: { zh: '复核中', en: 'under appeal' },
  revoked: { zh: '已撤销', en: 'revoked' },
};

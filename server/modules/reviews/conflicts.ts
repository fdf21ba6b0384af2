// Automatic conflicts of interest: a reviewer never reviews a firm they worked for or held a stake in during the
// last three years, nor one whose users write from the reviewer's own e-mail domain.
export type Affiliation = { uscc: string; name: string; relation: 'employer' | 'holding'; from: string | null; to: string | null };
export type ConflictReason = 'affiliation' | 'mail_domain';

/** Domains many unrelated people share (public mailboxes, the platform's own accounts): a shared one ties no one. */
const SHARED_MAIL_DOMAINS = new Set([
  'qq.com', 'vip.qq.com', 'foxmail.com', '163.com', '126.com', 'yeah.net', 'sina.com', 'sina.cn', 'sohu.com', 'aliyun.com',
  '139.com', '189.cn', 'wo.cn', 'gmail.com', 'outlook.com', 'hotmail.com', 'live.com', 'yahoo.com', 'icloud.com', 'me.com',
]);

export const AFFILIATION_LOOKBACK_YEARS = 3;

export function mailDomain(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).trim().toLowerCase();
}

/** `platformDomains` are the platform's own account domains (from MAIL_FROM), which tie no one to a firm. */
export function isSharedDomain(domain: string, platformDomains: string[] = []): boolean {
  return SHARED_MAIL_DOMAINS.has(domain) || platformDomains.includes(domain);
}

/** The first day an affiliation still counts: three years before `today` (YYYY-MM-DD, Beijing). */
export function lookbackStart(today: string): string {
  const year = Number(today.slice(0, 4)) - AFFILIATION_LOOKBACK_YEARS;
  return `${String(year).padStart(4, '0')}${today.slice(4)}`;
}

export function conflictBetween(
  reviewer: { email: string; affiliations: Affiliation[] },
  company: { uscc: string; userEmails: string[] },
  today: string,
  platformDomains: string[] = [],
): ConflictReason | null {
  const since = lookbackStart(today);
  const tied = reviewer.affiliations.some((a) => a.uscc === company.uscc && (a.to === null || a.to >= since));
  if (tied) return 'affiliation';
  const own = mailDomain(reviewer.email);
  if (!isSharedDomain(own, platformDomains) && company.userEmails.some((email) => mailDomain(email) === own)) return 'mail_domain';
  return null;
}

import type { MessageKey } from '../lib/i18n';
import type { Role } from '../lib/session';

export type NavItem = {
  to: string;
  label: MessageKey;
  /** Who sees the link; undefined means everyone, signed in or not. */
  roles?: readonly Role[];
  /** Other paths that show the same page, e.g. the home page is the programme list. */
  activeAlsoOn?: readonly string[];
};

/** The header's links, by role. Keep in step with the guarded routes in router.tsx. */
export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/programmes', label: 'nav.programmes', activeAlsoOn: ['/'] },
  { to: '/calls', label: 'nav.calls', roles: ['applicant', 'officer', 'admin'] },
  { to: '/applications', label: 'nav.applications', roles: ['applicant'] },
  { to: '/company', label: 'nav.company', roles: ['applicant'] },
  { to: '/teams', label: 'nav.teams', roles: ['applicant', 'officer', 'admin'] },
  { to: '/recognition', label: 'nav.recognition', roles: ['officer', 'admin'] },
  { to: '/reviews', label: 'nav.reviews', roles: ['reviewer'] },
  { to: '/officer/rule-sets', label: 'nav.ruleSets', roles: ['officer', 'admin'] },
  { to: '/insight', label: 'nav.insight', roles: ['officer', 'admin'] },
  { to: '/notices', label: 'nav.notices' },
  { to: '/verify', label: 'nav.verify' },
  { to: '/statistics', label: 'nav.statistics' },
  { to: '/mailbox', label: 'nav.mailbox', roles: ['admin'] },
];

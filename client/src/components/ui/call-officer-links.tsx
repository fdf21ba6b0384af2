import { Link } from 'react-router';
import { useI18n, type MessageKey } from '../../lib/i18n';

type Page = 'decisions' | 'notice' | 'appeals' | 'insight' | 'simulate';

const PAGES: { page: Page; path: string; label: MessageKey }[] = [
  { page: 'decisions', path: 'decisions', label: 'callLinks.decisions' },
  { page: 'notice', path: 'notice', label: 'callLinks.notice' },
  { page: 'appeals', path: 'appeals', label: 'callLinks.appeals' },
  { page: 'insight', path: 'insight', label: 'callLinks.insight' },
  { page: 'simulate', path: 'simulate', label: 'callLinks.simulate' },
];

/** The officer's pages about a call (ranking, public notice, appeals, insight, what-if simulation), as a small navigation. */
export function CallOfficerLinks({ callId, current }: { callId: string; current?: Page }) {
  const { t } = useI18n();
  return (
    <nav className="call-links" aria-label={t('callLinks.label')}>
      <ul className="call-links__list">
        {PAGES.map((entry) => (
          <li key={entry.page}>
            <Link
              className="call-links__link"
              to={`/calls/${encodeURIComponent(callId)}/${entry.path}`}
              aria-current={entry.page === current ? 'page' : undefined}
            >
              {t(entry.label)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

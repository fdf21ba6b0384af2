import { useEffect, useRef, type MouseEvent, type RefObject } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useT } from '../lib/i18n';
import { hasAnyRole, useSession } from '../lib/session';
import { LanguageSwitch } from './language-switch';
import { NAV_ITEMS, type NavItem } from './navigation';

export function Layout() {
  const t = useT();
  const mainRef = useRef<HTMLElement>(null);
  useFocusPageOnNavigation(mainRef);

  return (
    <div className="page">
      <a className="skip-link" href="#main-content" onClick={(event) => skipToMain(event, mainRef.current)}>
        {t('layout.skipLink')}
      </a>
      <header className="site-header">
        <div className="container site-header__bar">
          <Link className="brand" to="/">
            <span className="brand__name" lang="zh-CN">
              惠企
            </span>{' '}
            <span className="brand__name-en" lang="en">
              Huiqi
            </span>
            <span className="brand__tagline">{t('app.tagline')}</span>
          </Link>
          <div className="site-header__tools">
            <LanguageSwitch />
            <AccountLinks />
          </div>
        </div>
        <MainNavigation />
      </header>
      <main className="container main" id="main-content" tabIndex={-1} ref={mainRef}>
        <SessionNoticeRegion />
        <Outlet />
      </main>
      <footer className="site-footer">
        <div className="container">
          <p>{t('layout.footer')}</p>
        </div>
      </footer>
    </div>
  );
}

function MainNavigation() {
  const t = useT();
  const { user } = useSession();
  const { pathname } = useLocation();
  const items = NAV_ITEMS.filter((item) => !item.roles || hasAnyRole(user, item.roles));
  return (
    <nav className="site-nav" aria-label={t('layout.mainNav')}>
      <ul className="container site-nav__list">
        {items.map((item) => (
          <li key={item.to}>
            <Link className="site-nav__link" to={item.to} aria-current={isCurrent(item, pathname) ? 'page' : undefined}>
              {t(item.label)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function isCurrent(item: NavItem, pathname: string): boolean {
  if (item.activeAlsoOn?.includes(pathname)) return true;
  return pathname === item.to || pathname.startsWith(`${item.to}/`);
}

const SECURITY_PATH = '/account/security';

function AccountLinks() {
  const t = useT();
  const session = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();

  // Render nothing until /api/auth/me answers, rather than flash "Sign in" to a signed-in user.
  if (session.status === 'loading') return null;

  if (session.status === 'signed-out') {
    return (
      <nav className="account" aria-label={t('layout.account')}>
        <ul className="account__list">
          <li>
            <Link className="account__link" to="/login">
              {t('nav.signIn')}
            </Link>
          </li>
          <li>
            <Link className="account__link" to="/register">
              {t('nav.register')}
            </Link>
          </li>
        </ul>
      </nav>
    );
  }

  const name = session.user?.displayName || session.user?.email || '';
  const onSecurityPage = pathname === SECURITY_PATH;
  async function handleSignOut() {
    await session.signOut();
    navigate('/');
  }
  return (
    <nav className="account" aria-label={t('layout.account')}>
      <ul className="account__list">
        <li className="account__user">
          {t('nav.signedInAs', { name })}
          {session.company && <span className="account__company">{session.company.name}</span>}
        </li>
        <li>
          <Link className="account__link" to={SECURITY_PATH} aria-current={onSecurityPage ? 'page' : undefined}>
            {t('nav.accountSecurity')}
          </Link>
        </li>
        <li>
          <button className="account__button" type="button" onClick={handleSignOut}>
            {t('nav.signOut')}
          </button>
        </li>
      </ul>
    </nav>
  );
}

/**
 * A message raised by the session that outlives the page that raised it: after signing in with few recovery
 * codes left, a warning on the pages that follow, until dismissed or new codes are made. The live region is
 * always there (the layout outlives the sign-in page), so the warning is announced when it appears.
 */
function SessionNoticeRegion() {
  const t = useT();
  const { notice, dismissNotice } = useSession();
  const { pathname } = useLocation();
  // The security page shows the count itself, beside the button that makes new codes.
  const lowCodes = notice?.kind === 'recovery-codes-low' && pathname !== SECURITY_PATH ? notice : null;
  return (
    <div className="session-notice" role="status" id="session-notice">
      {lowCodes && (
        <div className="notice notice--warning">
          <p>{lowCodes.left > 0 ? t('mfa.lowCodes.few', { count: lowCodes.left }) : t('mfa.lowCodes.none')}</p>
          <div className="button-row">
            <Link className="button button--small" to={SECURITY_PATH}>
              {t('mfa.lowCodes.link')}
            </Link>
            <button className="button button--secondary button--small" type="button" id="session-notice-dismiss" onClick={dismissNotice}>
              {t('mfa.lowCodes.dismiss')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}

/**
 * After client-side navigation, move focus to the new page's heading (or <main>), as a full page
 * load would reset it; otherwise keyboard and screen-reader users stay on the old link.
 */
function useFocusPageOnNavigation(mainRef: RefObject<HTMLElement | null>) {
  const { pathname } = useLocation();
  const previousPathname = useRef(pathname);
  useEffect(() => {
    // Comparing paths (not counting renders) keeps the first load, and StrictMode's re-run, alone.
    if (previousPathname.current === pathname) return;
    previousPathname.current = pathname;
    const main = mainRef.current;
    if (!main) return;
    const heading = main.querySelector<HTMLElement>('h1');
    (heading ?? main).focus();
    window.scrollTo(0, 0);
  }, [pathname, mainRef]);
}

// Focus <main> directly: following the fragment would add "#main-content" to the URL.
function skipToMain(event: MouseEvent<HTMLAnchorElement>, main: HTMLElement | null) {
  if (!main) return;
  event.preventDefault();
  main.focus();
  main.scrollIntoView();
}

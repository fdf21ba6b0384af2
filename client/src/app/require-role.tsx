import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Loading } from '../components/ui/loading';
import { PageHeading } from '../components/ui/page-heading';
import { useT } from '../lib/i18n';
import { hasAnyRole, useSession, type Role } from '../lib/session';
import { useDocumentTitle } from '../lib/use-document-title';

/**
 * Shows its page only to a signed-in user with one of the roles. Signed-out visitors go to
 * sign in and come back. The server still checks every request; this only spares a dead end.
 */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const session = useSession();
  const location = useLocation();

  if (session.status === 'loading') return <Loading />;
  if (session.status === 'signed-out') {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (!hasAnyRole(session.user, roles)) return <Forbidden />;
  return <>{children}</>;
}

function Forbidden() {
  const t = useT();
  useDocumentTitle(t('access.forbiddenTitle'));
  return (
    <>
      <PageHeading>{t('access.forbiddenTitle')}</PageHeading>
      <p>{t('access.forbiddenBody')}</p>
    </>
  );
}

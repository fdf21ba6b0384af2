import { isRouteErrorResponse, useRouteError } from 'react-router';
import { PageHeading } from '../components/ui/page-heading';
import { useT } from '../lib/i18n';
import { useDocumentTitle } from '../lib/use-document-title';

/**
 * Replaces react-router's default error screen, which is English-only and uses inline styles.
 * `standalone` is for an error in the layout itself, when there is no <main> around this.
 */
export function RouteErrorPage({ standalone = false }: { standalone?: boolean }) {
  const error = useRouteError();
  const t = useT();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  const title = notFound ? t('notFound.title') : t('routeError.title');
  useDocumentTitle(title);

  const content = (
    <>
      <PageHeading>{title}</PageHeading>
      <p>{notFound ? t('notFound.body') : t('routeError.body')}</p>
      <p>
        {/* A full page load, so that a broken client state is left behind. */}
        <a href="/">{t('common.goHome')}</a>
      </p>
    </>
  );
  if (!standalone) return content;
  return (
    <main className="container main" id="main-content" tabIndex={-1}>
      {content}
    </main>
  );
}

import { Link } from 'react-router';
import { PageHeading } from '../components/ui/page-heading';
import { useT } from '../lib/i18n';
import { useDocumentTitle } from '../lib/use-document-title';

export function NotFoundPage() {
  const t = useT();
  useDocumentTitle(t('notFound.title'));
  return (
    <>
      <PageHeading>{t('notFound.title')}</PageHeading>
      <p>{t('notFound.body')}</p>
      <p>
        <Link to="/">{t('common.goHome')}</Link>
      </p>
    </>
  );
}

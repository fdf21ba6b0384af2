import { PageHeading } from './page-heading';
import { useT } from '../../lib/i18n';
import { useDocumentTitle } from '../../lib/use-document-title';

/** A page of a feature that is not built yet. It says so plainly and shows no made-up data. */
export function ComingSoon({ title }: { title: string }) {
  const t = useT();
  useDocumentTitle(title);
  return (
    <>
      <PageHeading>{title}</PageHeading>
      <p>
        <span className="tag">{t('common.comingSoonTag')}</span>
      </p>
      <p>{t('common.comingSoon')}</p>
    </>
  );
}

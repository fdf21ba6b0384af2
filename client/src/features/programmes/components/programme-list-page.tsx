import { Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { PageHeading } from '../../../components/ui/page-heading';
import { describeError } from '../../../lib/error-message';
import { useT } from '../../../lib/i18n';
import { useApiResource } from '../../../lib/use-api-resource';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { getProgrammes } from '../api/get-programmes';
import { ProgrammeCard } from './programme-card';

export function ProgrammeListPage() {
  const t = useT();
  useDocumentTitle(t('programmes.title'));
  const programmes = useApiResource('programmes', (signal) => getProgrammes(signal));

  return (
    <>
      <PageHeading>{t('programmes.title')}</PageHeading>
      <p className="lead">{t('programmes.intro')}</p>
      {programmes.status === 'loading' && <Loading />}
      {programmes.status === 'error' && (
        <Notice kind="error">
          <p>
            {t('programmes.loadFailed')} {describeError(programmes.error, t)}
          </p>
          <button className="button button--secondary" type="button" onClick={programmes.reload}>
            {t('common.retry')}
          </button>
        </Notice>
      )}
      {programmes.status === 'success' &&
        (programmes.data.items.length === 0 ? (
          <p>{t('programmes.empty')}</p>
        ) : (
          <ul className="card-list" data-testid="programme-list">
            {programmes.data.items.map((programme) => (
              <li key={programme.code}>
                <ProgrammeCard programme={programme} />
              </li>
            ))}
          </ul>
        ))}
    </>
  );
}

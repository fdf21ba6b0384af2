import { Link } from 'react-router';
import { Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { PageHeading } from '../../../components/ui/page-heading';
import { describeError } from '../../../lib/error-message';
import { localize, useI18n } from '../../../lib/i18n';
import { useApiResource } from '../../../lib/use-api-resource';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { getProgrammes } from '../api/get-programmes';

/** Officer: pick the programme whose rule sets to manage. */
export function RuleSetsIndexPage() {
  const { language, t } = useI18n();
  useDocumentTitle(t('ruleSets.indexTitle'));
  const programmes = useApiResource('programmes', (signal) => getProgrammes(signal));
  return (
    <>
      <PageHeading>{t('ruleSets.indexTitle')}</PageHeading>
      <p className="lead">{t('ruleSets.indexIntro')}</p>
      <p>{t('ruleSets.frozenExplained')}</p>
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
      {programmes.status === 'success' && (
        <ul className="link-list">
          {programmes.data.items.map((programme) => (
            <li key={programme.code}>
              <Link to={`/officer/rule-sets/${encodeURIComponent(programme.code)}`}>{localize(programme.name, language)}</Link>{' '}
              <code className="muted">{programme.code}</code>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

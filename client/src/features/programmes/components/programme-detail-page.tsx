import { Link, useParams } from 'react-router';
import { Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { PageHeading } from '../../../components/ui/page-heading';
import { isApiError } from '../../../lib/api';
import { describeError } from '../../../lib/error-message';
import { localize, useI18n } from '../../../lib/i18n';
import { useApiResource } from '../../../lib/use-api-resource';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { getProgramme } from '../api/get-programme';
import type { ProgrammeDetail } from '../types';
import { ServerText } from './server-text';

export function ProgrammeDetailPage() {
  const { code = '' } = useParams();
  const { language, t } = useI18n();
  const programme = useApiResource(`programme:${code}`, (signal) => getProgramme(code, signal));

  const notFound = programme.status === 'error' && isApiError(programme.error) && programme.error.status === 404;
  const title =
    programme.status === 'success'
      ? localize(programme.data.name, language)
      : notFound
        ? t('programme.notFoundTitle')
        : t('programme.detailTitle');
  useDocumentTitle(title);

  return (
    <>
      <p className="back-link">
        <Link to="/programmes">{t('common.backToProgrammes')}</Link>
      </p>
      <PageHeading>{title}</PageHeading>
      {programme.status === 'loading' && <Loading />}
      {notFound && <p>{t('programme.notFoundBody')}</p>}
      {programme.status === 'error' && !notFound && (
        <Notice kind="error">
          <p>
            {t('programme.loadFailed')} {describeError(programme.error, t)}
          </p>
          <button className="button button--secondary" type="button" onClick={programme.reload}>
            {t('common.retry')}
          </button>
        </Notice>
      )}
      {programme.status === 'success' && <ProgrammeDetails programme={programme.data} />}
    </>
  );
}

function ProgrammeDetails({ programme }: { programme: ProgrammeDetail }) {
  const { language, t } = useI18n();
  const { ruleSet, documents = [] } = programme;

  return (
    <>
      {programme.summary && <p className="lead">{localize(programme.summary, language)}</p>}
      {programme.policyBasis && (
        <p>
          <span className="card__meta-label">{t('programmes.policyBasis')}</span>
          <ServerText value={programme.policyBasis} />
        </p>
      )}

      {ruleSet && (
        <section className="section" aria-labelledby="rule-set-heading">
          <h2 id="rule-set-heading">{t('programme.ruleSet')}</h2>
          <p>{t('programme.ruleSetVersion', { version: String(ruleSet.version) })}</p>
          {ruleSet.effectiveFrom && (
            <p>
              {ruleSet.effectiveTo
                ? t('programme.effectiveBetween', { from: ruleSet.effectiveFrom, to: ruleSet.effectiveTo })
                : t('programme.effectiveFrom', { from: ruleSet.effectiveFrom })}
            </p>
          )}
        </section>
      )}

      {documents.length > 0 && (
        <section className="section" aria-labelledby="documents-heading">
          <h2 id="documents-heading">{t('programme.documents')}</h2>
          <ul className="document-list">
            {documents.map((document) => (
              <li key={document.kind}>
                <ServerText value={document.label} />{' '}
                <span className={document.required ? 'tag' : 'tag tag--muted'}>
                  {document.required ? t('programme.documentRequired') : t('programme.documentOptional')}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <Notice kind="info">{t('programme.applyComingSoon')}</Notice>
    </>
  );
}

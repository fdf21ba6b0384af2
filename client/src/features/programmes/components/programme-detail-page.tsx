import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { EvidenceLegend } from '../../../components/ui/evidence-badge';
import { Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { PageHeading } from '../../../components/ui/page-heading';
import { ParameterTable } from '../../../components/ui/parameter-table';
import { isApiError } from '../../../lib/api';
import { describeError } from '../../../lib/error-message';
import { collectEnumLabels, formatNumber } from '../../../lib/format';
import { localize, useI18n } from '../../../lib/i18n';
import { hasAnyRole, useSession } from '../../../lib/session';
import { useApiResource } from '../../../lib/use-api-resource';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { getProgramme } from '../api/get-programme';
import type { ProgrammeDetail, RuleSetSummary } from '../types';
import { ServerText } from '../../../components/ui/server-text';

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

function effectiveText(ruleSet: RuleSetSummary, t: ReturnType<typeof useI18n>['t']): string {
  if (!ruleSet.effectiveFrom) return '';
  return ruleSet.effectiveTo
    ? t('programme.effectiveBetween', { from: ruleSet.effectiveFrom, to: ruleSet.effectiveTo })
    : t('programme.effectiveFrom', { from: ruleSet.effectiveFrom });
}

function ProgrammeDetails({ programme }: { programme: ProgrammeDetail }) {
  const { language, t } = useI18n();
  const { user } = useSession();
  const { ruleSet, documents = [], awardSchemes = [], criteria = [] } = programme;
  const enumLabels = useMemo(() => collectEnumLabels(programme.factSchema), [programme.factSchema]);
  const isOfficer = hasAnyRole(user, ['officer', 'admin']);
  const code = encodeURIComponent(programme.code);

  return (
    <>
      {programme.summary && <p className="lead">{localize(programme.summary, language)}</p>}
      <dl className="summary-list">
        {programme.policyBasis && (
          <div className="summary-list__row">
            <dt>{t('programme.policyBasis')}</dt>
            <dd>
              <ServerText value={programme.policyBasis} />
            </dd>
          </div>
        )}
        {programme.planAction && (
          <div className="summary-list__row">
            <dt>{t('programme.planAction')}</dt>
            <dd>
              <ServerText value={programme.planAction} />
            </dd>
          </div>
        )}
      </dl>

      <div className="button-row">
        <Link className="button" to={`/programmes/${code}/precheck`} id="precheck-link">
          {t('programme.checkEligibility')}
        </Link>
        {isOfficer && (
          <Link className="button button--secondary" to={`/officer/rule-sets/${code}`}>
            {t('programme.manageRuleSets')}
          </Link>
        )}
      </div>
      <p className="muted">{t('programme.checkEligibilityHint')}</p>

      {ruleSet && (
        <section className="section" aria-labelledby="rule-set-heading">
          <h2 id="rule-set-heading">{t('programme.criteria')}</h2>
          <p>
            {t('programme.ruleSetVersionFull', { id: ruleSet.id, version: String(ruleSet.version) })}{' '}
            {effectiveText(ruleSet, t)}
          </p>
          <h3 className="small-heading">{t('evidence.legendTitle')}</h3>
          <EvidenceLegend />
          <ParameterTable
            id="criteria-table"
            caption={t('programme.criteriaCaption', { version: String(ruleSet.version) })}
            parameters={ruleSet.parameters ?? []}
            criteria={criteria}
            enumLabels={enumLabels}
          />
        </section>
      )}

      {programme.rubric && programme.rubric.items.length > 0 && (
        <section className="section" aria-labelledby="rubric-heading">
          <h2 id="rubric-heading">{t('programme.rubric')}</h2>
          <p>{t('programme.rubricIntro')}</p>
          <ul className="document-list">
            {programme.rubric.items.map((item) => (
              <li key={item.id}>
                <span className="criterion__id">{item.id}</span> {item.label && <ServerText value={item.label} />}{' '}
                <span className="muted">
                  {t('precheck.pointsRange', { min: formatNumber(item.min, language), max: formatNumber(item.max, language) })}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}

      {awardSchemes.length > 0 && (
        <section className="section" aria-labelledby="award-schemes-heading">
          <h2 id="award-schemes-heading">{t('programme.awardSchemes')}</h2>
          <p>{t('programme.awardSchemesIntro')}</p>
          {awardSchemes.map((scheme) => (
            <details className="details" key={`${scheme.id}-${scheme.version}`} data-award-scheme={scheme.id}>
              <summary className="details__summary">
                <code>{scheme.id}</code> {t('precheck.versionN', { version: String(scheme.version) })} — {effectiveText(scheme, t)}
              </summary>
              <ParameterTable
                caption={t('programme.awardCaption', { id: scheme.id, version: String(scheme.version) })}
                parameters={scheme.parameters ?? []}
                enumLabels={enumLabels}
              />
            </details>
          ))}
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
    </>
  );
}

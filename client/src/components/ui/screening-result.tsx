import type { RefObject } from 'react';
import { formatFixed2, formatNumber, formatYuan } from '../../lib/format';
import { localize, useI18n, type MessageKey } from '../../lib/i18n';
import { CriteriaList } from './criteria-list';
import { ResultNotes } from './result-notes';
import { ServerText } from './server-text';
import type { CriterionOutcome, Outcome, PrecheckResult, ScreeningContext } from '../../lib/facts/screening-types';

const OUTCOME_TEXT: Record<Outcome, MessageKey> = {
  eligible: 'precheck.outcome.eligible',
  ineligible: 'precheck.outcome.ineligible',
  incomplete: 'precheck.outcome.incomplete',
};

const OUTCOME_EXPLAINED: Record<Outcome, MessageKey> = {
  eligible: 'precheck.outcome.eligibleBody',
  ineligible: 'precheck.outcome.ineligibleBody',
  incomplete: 'precheck.outcome.incompleteBody',
};

const OUTCOME_ICON: Record<Outcome, string> = { eligible: '✓', ineligible: '✗', incomplete: '…' };

const CATEGORY_TEXT: Record<string, MessageKey> = {
  unicorn: 'precheck.category.unicorn',
  future_unicorn: 'precheck.category.future_unicorn',
};

type Props = {
  result: PrecheckResult;
  programme: ScreeningContext;
  headingRef: RefObject<HTMLHeadingElement | null>;
};

export function PrecheckResultView({ result, programme, headingRef }: Props) {
  const { language, t } = useI18n();
  const rubricLabel = (id: string) => {
    const item = programme.rubric?.items.find((rubricItem) => rubricItem.id === id);
    return item?.label ? localize(item.label, language) : '';
  };
  const twoDecimals = result.programme === 'residence-points';
  const points = (value: number) => (twoDecimals ? formatFixed2(value, language) : formatNumber(value, language, 2));
  const counts = countOutcomes(result);
  const pending = result.pendingReview ?? [];

  return (
    <section className="section precheck-result" id="precheck-result" data-outcome={result.outcome} aria-labelledby="precheck-result-heading">
      <h2 id="precheck-result-heading" tabIndex={-1} ref={headingRef} className="precheck-result__heading">
        {t('precheck.resultTitle')}
      </h2>

      <div className={`outcome-banner outcome-banner--${result.outcome}`}>
        <p className="outcome-banner__title">
          <span className="outcome-banner__icon" aria-hidden="true">
            {OUTCOME_ICON[result.outcome]}
          </span>
          {t(OUTCOME_TEXT[result.outcome])}
        </p>
        <p>{t(OUTCOME_EXPLAINED[result.outcome])}</p>
        <p className="outcome-banner__counts">
          {t('precheck.counts', counts)}
        </p>
      </div>

      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>{t('precheck.ruleSetUsed')}</dt>
          <dd>
            <code>{result.ruleSet.id}</code> {t('precheck.versionN', { version: String(result.ruleSet.version) })}
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>{t('precheck.judgedAsOf')}</dt>
          <dd>{result.asOf}</dd>
        </div>
        {result.category && (
          <div className="summary-list__row">
            <dt>{t('precheck.category')}</dt>
            <dd data-category={result.category}>{CATEGORY_TEXT[result.category] ? t(CATEGORY_TEXT[result.category]) : result.category}</dd>
          </div>
        )}
        {result.score !== undefined && (
          <div className="summary-list__row">
            <dt>{t('precheck.score')}</dt>
            <dd data-score={result.score}>
              {twoDecimals
                ? t('precheck.pointsTotal', { points: points(result.score) })
                : t('precheck.scoreOf100', { points: points(result.score) })}
              {result.scoreExact && result.scoreExact.includes('/') && (
                <span className="muted"> {t('precheck.exactValue', { exact: result.scoreExact })}</span>
              )}
            </dd>
          </div>
        )}
        {result.directQualification !== undefined && (
          <div className="summary-list__row">
            <dt>{t('precheck.directQualification')}</dt>
            <dd>{result.directQualification ? t('precheck.directYes') : t('precheck.directNo')}</dd>
          </div>
        )}
        {pending.length > 0 && (
          <div className="summary-list__row">
            <dt>{t('precheck.pendingReview')}</dt>
            <dd>{pending.join(language === 'en' ? ', ' : '、')}</dd>
          </div>
        )}
      </dl>

      <ResultNotes notes={result.notes} title={t('precheck.notes')} />

      <CriteriaList criteria={result.criteria} definitions={programme.criteria} heading={t('precheck.criteria')} />

      {result.scoreItems && result.scoreItems.length > 0 && (
        <>
          <h3 id="score-items-heading">{t('precheck.scoreItems')}</h3>
          <div className="table-wrap">
            <table className="table" aria-labelledby="score-items-heading">
              <thead>
                <tr>
                  <th scope="col">{t('precheck.item')}</th>
                  <th scope="col" className="table__number">
                    {t('precheck.points')}
                  </th>
                  <th scope="col">{t('precheck.basis')}</th>
                </tr>
              </thead>
              <tbody>
                {result.scoreItems.map((item) => (
                  <tr key={item.id} data-score-item={item.id}>
                    <th scope="row">
                      <span className="criterion__id">{item.id}</span> <ServerText value={item.label} />
                    </th>
                    <td className="table__number">
                      {item.max !== undefined ? t('precheck.pointsOfMax', { points: points(item.points), max: points(item.max) }) : points(item.points)}
                      {item.exact && item.exact.includes('/') && <span className="muted"> ({item.exact})</span>}
                    </td>
                    <td>
                      <ServerText value={item.basis} />
                      {item.missing && <span className="tag tag--muted"> {t('precheck.itemMissing')}</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}

      {result.rubricProposal && result.rubricProposal.length > 0 && (
        <>
          <h3 id="rubric-heading">{t('precheck.rubricProposal')}</h3>
          <p className="muted">{t('precheck.rubricProposalIntro')}</p>
          <div className="table-wrap">
            <table className="table" aria-labelledby="rubric-heading">
              <thead>
                <tr>
                  <th scope="col">{t('precheck.item')}</th>
                  <th scope="col" className="table__number">
                    {t('precheck.proposedBand')}
                  </th>
                  <th scope="col">{t('precheck.basis')}</th>
                </tr>
              </thead>
              <tbody>
                {result.rubricProposal.map((item) => (
                  <tr key={item.id} data-rubric-item={item.id}>
                    <th scope="row">
                      <span className="criterion__id">{item.id}</span> {rubricLabel(item.id)}
                    </th>
                    <td className="table__number">
                      {t('precheck.pointsRange', { min: formatNumber(item.min, language), max: formatNumber(item.max, language) })}
                    </td>
                    <td>
                      <ServerText value={item.basis} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}

      {result.award && (
        <>
          <h3 id="award-heading">{t('precheck.award')}</h3>
          <p>
            {t('precheck.awardScheme', {
              scheme: result.award.scheme,
              version: result.award.version === undefined ? '' : String(result.award.version),
            })}
          </p>
          <p className="award-amount" data-award-amount={result.award.amount}>
            {t('precheck.awardAmount', { amount: formatYuan(result.award.amount, language) })}
          </p>
          {result.award.breakdown && result.award.breakdown.length > 0 && (
            <div className="table-wrap">
              <table className="table" aria-labelledby="award-heading">
                <thead>
                  <tr>
                    <th scope="col">{t('precheck.item')}</th>
                    <th scope="col" className="table__number">
                      {t('precheck.amount')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {result.award.breakdown.map((line) => (
                    <tr key={line.item}>
                      <th scope="row">{line.label ? <ServerText value={line.label} /> : line.item}</th>
                      <td className="table__number">{formatYuan(line.amount, language)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}

      <p className="muted">{t('precheck.disclaimer')}</p>
    </section>
  );
}

function countOutcomes(result: PrecheckResult): Record<CriterionOutcome, number> {
  const counts: Record<CriterionOutcome, number> = { pass: 0, fail: 0, review: 0, missing: 0 };
  for (const criterion of result.criteria) counts[criterion.outcome] = (counts[criterion.outcome] ?? 0) + 1;
  return counts;
}

import type { RefObject } from 'react';
import { Link } from 'react-router';
import { Notice } from '../../../components/ui/notice';
import { formatNumber, formatParameterValue, formatYuan } from '../../../lib/format';
import { localize, useI18n, type MessageKey } from '../../../lib/i18n';
import { changeText, count, outcomeText } from '../labels';
import type { CriterionCounts, SimulationResult } from '../types';

const OUTCOME_ORDER = ['eligible', 'ineligible', 'incomplete'];
const COUNT_KEYS: { key: keyof CriterionCounts; label: MessageKey }[] = [
  { key: 'pass', label: 'simulate.criteria.pass' },
  { key: 'fail', label: 'simulate.criteria.fail' },
  { key: 'review', label: 'simulate.criteria.review' },
  { key: 'missing', label: 'simulate.criteria.missing' },
];

/** A run's results: totals, outcomes and criteria before and after, the budget effect and the applications that flip. */
export function SimulationResults({ result, headingRef }: { result: SimulationResult; headingRef: RefObject<HTMLHeadingElement | null> }) {
  const { language, t } = useI18n();
  const money = (value: number) => formatYuan(value, language);
  const signedMoney = (value: number) => (value > 0 ? `+${money(value)}` : value < 0 ? `−${money(-value)}` : money(0));
  const remaining = result.budget.total - result.budget.committed;

  return (
    <section className="section simulate-results" id="simulate-results" aria-labelledby="simulate-results-heading">
      <h2 className="focus-heading" id="simulate-results-heading" tabIndex={-1} ref={headingRef}>
        {t('simulate.results.heading')}
      </h2>
      <p className="muted">{t('simulate.results.duration', { seconds: formatNumber(result.durationMs / 1000, language, 1) })}</p>
      {result.cancelled && (
        <Notice kind="info">
          <p>{t('simulate.partial')}</p>
        </Notice>
      )}

      <dl className="stat-list" id="simulate-totals">
        <div className="stat" data-total="total">
          <dt className="stat__label">{t('simulate.totals.total')}</dt>
          <dd className="stat__value">{count(result.total, language)}</dd>
        </div>
        <div className="stat" data-total="changed">
          <dt className="stat__label">{t('simulate.totals.changed')}</dt>
          <dd className="stat__value">{count(result.changed.length, language)}</dd>
        </div>
        <div className="stat" data-total="unchanged">
          <dt className="stat__label">{t('simulate.totals.unchanged')}</dt>
          <dd className="stat__value">{count(result.unchanged, language)}</dd>
        </div>
      </dl>

      <h3>{t('simulate.parameters.heading')}</h3>
      {result.parameters.length === 0 ? (
        <p>{t('simulate.parameters.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table" id="simulate-parameters">
            <caption className="table__caption">{t('simulate.parameters.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('simulate.parameters.parameter')}</th>
                <th scope="col">{t('simulate.before')}</th>
                <th scope="col">{t('simulate.after')}</th>
              </tr>
            </thead>
            <tbody>
              {result.parameters.map((parameter) => (
                <tr key={parameter.id} data-parameter={parameter.id}>
                  <th scope="row">
                    {localize(parameter.label, language) || parameter.id}
                    <span className="parameter-table__id">{parameter.id}</span>
                  </th>
                  <td>{formatParameterValue(parameter.before, parameter.unit, language).join('; ')}</td>
                  <td>{formatParameterValue(parameter.after, parameter.unit, language).join('; ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h3>{t('simulate.outcomes.heading')}</h3>
      <OutcomesTable result={result} />

      <h3>{t('simulate.criteria.heading')}</h3>
      {result.criteria.length === 0 ? (
        <p>{t('simulate.criteria.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table" id="simulate-criteria">
            <caption className="table__caption">{t('simulate.criteria.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('simulate.criteria.criterion')}</th>
                {COUNT_KEYS.map((column) => (
                  <th scope="col" className="table__number" key={column.key}>
                    {t(column.label)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {result.criteria.map((criterion) => {
                const changed = COUNT_KEYS.some((column) => (criterion.before[column.key] ?? 0) !== (criterion.after[column.key] ?? 0));
                const name = localize(criterion.name, language);
                return (
                  <tr key={criterion.id} data-criterion={criterion.id} data-changed={changed || undefined}>
                    <th scope="row">
                      <span className="criterion__id">{criterion.id}</span>
                      {name && <> {name}</>}
                      {changed && (
                        <>
                          {' '}
                          <span className="tag">{t('simulate.criteria.changed')}</span>
                        </>
                      )}
                    </th>
                    {COUNT_KEYS.map((column) => (
                      <CountCell key={column.key} before={criterion.before[column.key] ?? 0} after={criterion.after[column.key] ?? 0} />
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      <h3>{t('simulate.budget.heading')}</h3>
      <dl className="summary-list" id="simulate-budget">
        <div className="summary-list__row" data-budget="before">
          <dt>{t('simulate.budget.before')}</dt>
          <dd>{money(result.budget.eligibleAwardsBefore)}</dd>
        </div>
        <div className="summary-list__row" data-budget="after">
          <dt>{t('simulate.budget.after')}</dt>
          <dd>{money(result.budget.eligibleAwardsAfter)}</dd>
        </div>
        <div className="summary-list__row" data-budget="delta">
          <dt>{t('simulate.budget.delta')}</dt>
          <dd>
            <strong>{signedMoney(result.budget.delta)}</strong>
          </dd>
        </div>
        <div className="summary-list__row" data-budget="total">
          <dt>{t('simulate.budget.total')}</dt>
          <dd>{money(result.budget.total)}</dd>
        </div>
        <div className="summary-list__row" data-budget="committed">
          <dt>{t('simulate.budget.committed')}</dt>
          <dd>{money(result.budget.committed)}</dd>
        </div>
      </dl>
      {result.budget.eligibleAwardsAfter > remaining && (
        <p id="simulate-over-budget">
          <strong>{t('simulate.budget.over', { amount: money(result.budget.eligibleAwardsAfter - remaining) })}</strong>
        </p>
      )}

      <h3>{t('simulate.flipped.heading')}</h3>
      {result.changed.length === 0 ? (
        <p id="simulate-flipped-none">{t('simulate.flipped.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table" id="simulate-flipped">
            <caption className="table__caption">{t('simulate.flipped.caption', { count: count(result.changed.length, language) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('simulate.flipped.company')}</th>
                <th scope="col">{t('simulate.flipped.change')}</th>
                <th scope="col">{t('simulate.flipped.application')}</th>
              </tr>
            </thead>
            <tbody>
              {result.changed.map((item) => (
                <tr key={item.applicationId} data-application={item.applicationId}>
                  <th scope="row">{item.companyName}</th>
                  <td>
                    {outcomeText(item.before, t)} → <strong>{outcomeText(item.after, t)}</strong>
                  </td>
                  <td>
                    <Link to={`/applications/${encodeURIComponent(item.applicationId)}`}>
                      {t('simulate.flipped.view')}
                      <span className="visually-hidden">{t('applications.forCall', { title: item.companyName })}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function OutcomesTable({ result }: { result: SimulationResult }) {
  const { language, t } = useI18n();
  const keys = [...OUTCOME_ORDER];
  for (const key of [...Object.keys(result.outcomes.before), ...Object.keys(result.outcomes.after)]) if (!keys.includes(key)) keys.push(key);
  return (
    <div className="table-wrap">
      <table className="table" id="simulate-outcomes">
        <caption className="table__caption">{t('simulate.outcomes.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('simulate.outcomes.outcome')}</th>
            <th scope="col" className="table__number">
              {t('simulate.before')}
            </th>
            <th scope="col" className="table__number">
              {t('simulate.after')}
            </th>
            <th scope="col">{t('simulate.change')}</th>
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => {
            const before = result.outcomes.before[key] ?? 0;
            const after = result.outcomes.after[key] ?? 0;
            const changed = before !== after;
            return (
              <tr key={key} data-outcome={key} data-changed={changed || undefined}>
                <th scope="row">{outcomeText(key === 'null' || key === 'unknown' ? null : key, t)}</th>
                <td className="table__number">{count(before, language)}</td>
                <td className="table__number">{count(after, language)}</td>
                <td className={changed ? 'simulate-change' : undefined}>{changed ? <strong>{changeText(before, after, language, t)}</strong> : changeText(before, after, language, t)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** One count before and after: "12" when it stays, "12 → 15 (3 more)" in bold when it changes. */
function CountCell({ before, after }: { before: number; after: number }) {
  const { language, t } = useI18n();
  if (before === after) return <td className="table__number">{count(before, language)}</td>;
  return (
    <td className="table__number simulate-change">
      {count(before, language)} → <strong>{count(after, language)}</strong>{' '}
      <span className="simulate-change__delta">({changeText(before, after, language, t)})</span>
    </td>
  );
}

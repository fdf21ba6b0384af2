import { Fragment } from 'react';
import { Link } from 'react-router';
import { stageText } from '../../../lib/decisions/labels';
import { formatFixed2, formatYuan } from '../../../lib/format';
import { localize, useI18n } from '../../../lib/i18n';
import { applicationStatusText } from '../../../lib/reviews/labels';
import type { Ranking, RankingItem } from '../types';

const COLUMNS = 7;

/** The call's applications in rank order, with the funding line drawn as a row of its own. */
export function RankingTable({ ranking }: { ranking: Ranking }) {
  const { language, t } = useI18n();
  const { items, lineAfterRank } = ranking;
  const above = items.filter((item) => item.aboveLine).length;
  const line = (
    <tr className="funding-line" data-testid="funding-line">
      <td colSpan={COLUMNS}>
        <span className="funding-line__label">{t('ranking.fundingLine')}</span> {t('ranking.fundingLineNote', { count: above })}
      </td>
    </tr>
  );
  // The line goes after the last row ranked at or above lineAfterRank (at the top when nobody is above it).
  const lastAbove = lineAfterRank === null ? -1 : items.reduce((found, item, index) => (item.rank <= lineAfterRank ? index : found), -1);

  return (
    <>
      <div className="table-wrap">
        <table className="table ranking-table" id="ranking">
          <caption className="table__caption">{t('ranking.caption', { count: items.length })}</caption>
          <thead>
            <tr>
              <th scope="col" className="table__number">
                {t('ranking.rank')}
              </th>
              <th scope="col">{t('ranking.company')}</th>
              <th scope="col" className="table__number">
                {t('ranking.score')}
              </th>
              <th scope="col" className="table__number">
                {t('ranking.amount')}
              </th>
              <th scope="col">{t('ranking.status')}</th>
              <th scope="col">{t('ranking.line')}</th>
              <th scope="col">{t('ranking.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {lastAbove === -1 && line}
            {items.map((item, index) => (
              <Fragment key={item.applicationId}>
                <RankingRow item={item} />
                {index === lastAbove && line}
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted" id="tie-break">
        {t('ranking.tieBreak', { rule: localize(ranking.tieBreak, language) })}
      </p>
    </>
  );
}

function RankingRow({ item }: { item: RankingItem }) {
  const { language, t } = useI18n();
  const decided = item.decision !== null;
  const amount = item.decision?.outcome === 'approved' && item.decision.amount !== null ? item.decision.amount : item.award.amount;
  return (
    <tr className={item.aboveLine ? 'ranking-table__row--above' : undefined} data-application={item.applicationId} data-rank={item.rank} data-above-line={item.aboveLine || undefined}>
      <td className="table__number">{item.rank}</td>
      <th scope="row">
        {item.company.name}
        <span className="panel-card__fields">{item.company.uscc}</span>
      </th>
      <td className="table__number">
        {formatFixed2(item.score, language)}
        {item.flagged && <span className="tag tag--flag ranking-table__flag">{t('ranking.flagged')}</span>}
      </td>
      <td className="table__number">
        {amount === null ? <span className="muted">{t('ranking.amountToSet')}</span> : formatYuan(amount, language)}
      </td>
      <td>
        <span className={`status status--${item.status}`} data-status={item.status}>
          {applicationStatusText(item.status, t)}
        </span>
        {item.decision?.stage === 'appeal' && <span className="muted">{stageText('appeal', t)}</span>}
      </td>
      <td>{item.aboveLine ? <strong>{t('ranking.aboveLine')}</strong> : <span className="muted">{t('ranking.notAboveLine')}</span>}</td>
      <td>
        <Link to={`/applications/${encodeURIComponent(item.applicationId)}/decision`}>
          {decided ? t('ranking.viewDecision') : t('ranking.decide')}
          <span className="visually-hidden">{t('panels.forCompany', { company: item.company.name })}</span>
        </Link>
      </td>
    </tr>
  );
}

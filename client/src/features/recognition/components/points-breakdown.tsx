import { formatFixed2, formatNumber } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { OFFICER_ITEMS, hundredths, pointsThreshold } from '../../../lib/recognition/points';
import { officerItemLabel, pointsHintText } from '../../../lib/recognition/labels';
import { CriteriaList } from '../../../components/ui/criteria-list';
import { ResultNotes } from '../../../components/ui/result-notes';
import { ServerText } from '../../../components/ui/server-text';
import type { PointsProgramme, PrecheckResult } from '../types';

type Props = {
  result: PrecheckResult;
  programme: PointsProgramme;
  /** The table's id; the total line and the conditions take it as their prefix. */
  id: string;
  /** The firm's view: a hint on how to gain points on each item, and the items only an officer enters. */
  forFirm: boolean;
};

/** A member's residence points: every item with its basis, the total against the threshold, and each condition. */
export function PointsBreakdown({ result, programme, id, forFirm }: Props) {
  const { language, t } = useI18n();
  const points = (value: number) => formatFixed2(value, language);
  const total = result.score ?? 0;
  const threshold = pointsThreshold(result);
  const met = hundredths(total) >= hundredths(threshold);
  const gap = Math.max(0, hundredths(threshold) - hundredths(total)) / 100;
  // The threshold is a condition ("100 points"), not a score: it shows as the policy states it.
  const limit = formatNumber(threshold, language);
  const totalText = met ? t('breakdown.totalMet', { threshold: limit }) : t('breakdown.totalShort', { threshold: limit, gap: points(gap) });
  const columns = forFirm ? 4 : 3;

  return (
    <>
      <p className="points-total" id={`${id}-total`} data-points={total} data-met={String(met)}>
        <strong>{t('breakdown.totalLine', { points: points(total) })}</strong>{' '}
        <span className={`mark mark--${met ? 'pass' : 'fail'}`}>
          <span className="mark__icon" aria-hidden="true">
            {met ? '✓' : '✗'}
          </span>
          {totalText}
        </span>
      </p>

      <div className="table-wrap">
        <table className="table points-table" id={id}>
          <caption className="table__caption">
            {t('breakdown.caption', { asOf: result.asOf, ruleSet: result.ruleSet.id, version: String(result.ruleSet.version) })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('breakdown.item')}</th>
              <th scope="col" className="table__number">
                {t('breakdown.points')}
              </th>
              <th scope="col">{t('breakdown.basis')}</th>
              {forFirm && <th scope="col">{t('breakdown.hint')}</th>}
            </tr>
          </thead>
          <tbody>
            {(result.scoreItems ?? []).map((item) => (
              <tr key={item.id} data-score-item={item.id} data-points={item.points}>
                <th scope="row">
                  <span className="criterion__id">{item.id}</span> <ServerText value={item.label} />
                </th>
                <td className="table__number">
                  {points(item.points)}
                  {item.exact && item.exact.includes('/') && <span className="muted"> ({item.exact})</span>}
                </td>
                <td>
                  <ServerText value={item.basis} />
                  {item.missing && <span className="tag tag--muted"> {t('breakdown.missing')}</span>}
                </td>
                {forFirm && <td className="points-table__hint">{pointsHintText(item.id, t)}</td>}
              </tr>
            ))}
            {forFirm &&
              OFFICER_ITEMS.map((item) => (
                <tr key={item} data-score-item={item}>
                  <th scope="row">
                    <span className="criterion__id">{item}</span> {officerItemLabel(item, t)}
                  </th>
                  <td className="table__number">—</td>
                  <td>{t('breakdown.byOfficer')}</td>
                  <td className="points-table__hint">{pointsHintText(item, t)}</td>
                </tr>
              ))}
          </tbody>
          <tfoot>
            <tr className="points-table__total">
              <th scope="row">{t('breakdown.total')}</th>
              <td className="table__number">{points(total)}</td>
              <td colSpan={columns - 2}>{totalText}</td>
            </tr>
          </tfoot>
        </table>
      </div>

      <CriteriaList criteria={result.criteria} definitions={programme.criteria} heading={t('breakdown.conditions')} headingId={`${id}-conditions`} />

      <ResultNotes notes={result.notes} title={t('breakdown.notes')} />
    </>
  );
}

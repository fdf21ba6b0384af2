import { formatFixed2, formatNumber } from '../../../lib/format';
import { localize, useI18n, type MessageKey } from '../../../lib/i18n';
import { OFFICER_ITEMS, hundredths, pointsThreshold } from '../../../lib/recognition/points';
import { officerItemLabel, pointsHintText } from '../../../lib/recognition/labels';
import { ServerText } from '../../../components/ui/server-text';
import type { CriterionOutcome } from '../../../lib/facts/screening-types';
import type { PointsProgramme, PrecheckResult } from '../types';

/** Icon and word for each condition's outcome: never colour alone. */
const MARKS: Record<CriterionOutcome, { icon: string; text: MessageKey }> = {
  pass: { icon: '✓', text: 'precheck.mark.pass' },
  fail: { icon: '✗', text: 'precheck.mark.fail' },
  review: { icon: '?', text: 'precheck.mark.review' },
  missing: { icon: '…', text: 'precheck.mark.missing' },
};

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
  const criterionLabel = (criterionId: string) => {
    const info = programme.criteria?.find((criterion) => criterion.id === criterionId);
    return info?.label ? localize(info.label, language) : '';
  };
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

      <h3 id={`${id}-conditions`}>{t('breakdown.conditions')}</h3>
      <ol className="criteria-list" aria-labelledby={`${id}-conditions`}>
        {result.criteria.map((criterion) => {
          const mark = MARKS[criterion.outcome] ?? MARKS.missing;
          const label = criterionLabel(criterion.id);
          return (
            <li key={criterion.id} className={`criterion criterion--${criterion.outcome}`} data-criterion={criterion.id} data-outcome={criterion.outcome}>
              <p className="criterion__head">
                <span className={`mark mark--${criterion.outcome}`}>
                  <span className="mark__icon" aria-hidden="true">
                    {mark.icon}
                  </span>
                  {t(mark.text)}
                </span>{' '}
                <span className="criterion__id">{criterion.id}</span>
                {label && <span className="criterion__label"> {label}</span>}
              </p>
              {criterion.message && (
                <p className="criterion__message">
                  <ServerText value={criterion.message} />
                </p>
              )}
              {criterion.citation && (
                <p className="criterion__citation">
                  <span className="card__meta-label">{t('precheck.citation')}</span>
                  <ServerText value={criterion.citation} />
                </p>
              )}
            </li>
          );
        })}
      </ol>

      {result.notes && result.notes.length > 0 && (
        <div className="notice notice--info">
          <h3 className="notice__title">{t('breakdown.notes')}</h3>
          <ul>
            {result.notes.map((note, index) => (
              <li key={index}>
                <ServerText value={note} />
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}

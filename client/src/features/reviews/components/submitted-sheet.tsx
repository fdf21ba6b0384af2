import { useEffect, useRef } from 'react';
import { Notice } from '../../../components/ui/notice';
import { formatDateTime } from '../../../lib/datetime';
import { localize, useI18n } from '../../../lib/i18n';
import { formatPoints, groupBySection, sectionHeading } from '../../../lib/reviews/rubric';
import type { ReviewDetail } from '../types';

/** The reviewer's own sheet after submission: read-only. */
export function SubmittedSheet({ review, justSubmitted }: { review: ReviewDetail; justSubmitted: boolean }) {
  const { language, t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  // The submit button is gone: take focus to what replaced it.
  useEffect(() => {
    if (justSubmitted) heading.current?.focus();
  }, [justSubmitted]);

  return (
    <section className="section" aria-labelledby="submitted-sheet-heading" data-testid="submitted-sheet">
      <h2 id="submitted-sheet-heading" tabIndex={-1} ref={heading} className="focus-heading">
        {t('score.submittedTitle')}
      </h2>
      {justSubmitted && (
        <Notice kind="success">
          <p>{t('score.submittedNotice')}</p>
        </Notice>
      )}
      <p>{t('score.submittedBody', { at: formatDateTime(review.submittedAt, language) })}</p>
      <div className="table-wrap">
        <table className="table" id="submitted-scores">
          <caption className="table__caption">{t('score.submittedCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('precheck.item')}</th>
              <th scope="col" className="table__number">
                {t('score.scoreColumn')}
              </th>
              <th scope="col">{t('score.commentColumn')}</th>
            </tr>
          </thead>
          {groupBySection(review.rubric).map((entry) => ({ ...entry, heading: sectionHeading(entry, language) })).map(({ section, items, heading }) => (
            <tbody key={section}>
              <tr className="parameter-table__group">
                <th scope="colgroup" colSpan={3}>
                  {heading.label ? t('score.sectionNamed', { section, label: heading.label, max: heading.max ?? '' }) : t('score.section', { section })}
                </th>
              </tr>
              {items.map((item) => (
                <tr key={item.id} data-item={item.id}>
                  <th scope="row">
                    <span className="criterion__id">{item.id}</span> {localize(item.label, language)}
                  </th>
                  <td className="table__number">
                    {t('precheck.pointsOfMax', { points: formatPoints(review.scores[item.id], language), max: formatPoints(item.max, language) })}
                  </td>
                  <td className="score-comment">{review.comments[item.id] ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          ))}
          <tfoot>
            <tr>
              <th scope="row">{t('score.total')}</th>
              <td className="table__number" data-total={review.total ?? undefined}>
                {t('precheck.pointsOfMax', { points: formatPoints(review.total, language), max: formatPoints(review.rubric.maxTotal, language) })}
              </td>
              <td />
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}

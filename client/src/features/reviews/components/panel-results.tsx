import { localize, useI18n } from '../../../lib/i18n';
import { formatPoints } from '../../../lib/reviews/rubric';
import type { PanelReview, ReviewDetail } from '../types';

/**
 * The panel's scores, shown to each reviewer only once every reviewer has submitted (blind review):
 * until then, only how many have.
 */
export function PanelResults({ review }: { review: ReviewDetail }) {
  const { t } = useI18n();
  const { panel } = review;
  const reviews = panel.reviews ?? [];
  return (
    <section className="section" aria-labelledby="panel-heading" data-testid="panel-results" data-complete={panel.complete}>
      <h2 id="panel-heading">{t('panel.title')}</h2>
      <p id="panel-progress">{t('panel.progress', { submitted: panel.submitted, size: panel.size })}</p>
      {!panel.complete || reviews.length === 0 ? (
        <p className="notice notice--info" id="panel-blind">
          {t('panel.blind')}
        </p>
      ) : (
        <PanelTable review={review} reviews={reviews} />
      )}
    </section>
  );
}

function PanelTable({ review, reviews }: { review: ReviewDetail; reviews: PanelReview[] }) {
  const { language, t } = useI18n();
  const mean = review.panel.mean;
  const name = (entry: PanelReview) => (entry.own ? t('panel.reviewerYou', { n: entry.reviewer }) : t('panel.reviewer', { n: entry.reviewer }));
  return (
    <>
      <div className="table-wrap">
        <table className="table" id="panel-scores">
          <caption className="table__caption">{t('panel.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('precheck.item')}</th>
              {reviews.map((entry) => (
                <th scope="col" className="table__number" key={entry.reviewer}>
                  {name(entry)}
                </th>
              ))}
              <th scope="col" className="table__number">
                {t('panel.mean')}
              </th>
            </tr>
          </thead>
          <tbody>
            {review.rubric.items.map((item) => (
              <tr key={item.id} data-item={item.id}>
                <th scope="row">
                  <span className="criterion__id">{item.id}</span> {localize(item.label, language)}
                </th>
                {reviews.map((entry) => (
                  <td className="table__number" key={entry.reviewer}>
                    {formatPoints(entry.scores[item.id], language)}
                  </td>
                ))}
                <td className="table__number">{formatPoints(mean?.items[item.id], language)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('score.total')}</th>
              {reviews.map((entry) => (
                <td className="table__number" key={entry.reviewer}>
                  {formatPoints(entry.total, language)}
                </td>
              ))}
              <td className="table__number" id="panel-mean-total" data-total={mean?.total}>
                {formatPoints(mean?.total, language)}
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
      <h3>{t('panel.commentsTitle')}</h3>
      {reviews.map((entry) => (
        <details className="details" key={entry.reviewer}>
          <summary className="details__summary">{t('panel.commentsOf', { name: name(entry) })}</summary>
          <dl className="summary-list">
            {review.rubric.items.map((item) => (
              <div className="summary-list__row" key={item.id}>
                <dt>
                  <span className="criterion__id">{item.id}</span> {localize(item.label, language)}
                </dt>
                <dd className="score-comment">{entry.comments[item.id] ?? '—'}</dd>
              </div>
            ))}
          </dl>
        </details>
      ))}
    </>
  );
}

import { localize, useI18n } from '../../../lib/i18n';
import { reviewerKindText } from '../../../lib/reviews/labels';
import { formatPoints, spreadOf } from '../../../lib/reviews/rubric';
import type { ApplicationScores } from '../types';

/** Items × reviewers (submitted reviews only), with each item's mean and spread, then everyone's comments. */
export function ReviewerScoreTable({ data }: { data: ApplicationScores }) {
  const { language, t } = useI18n();
  const submitted = data.reviews.filter((review) => review.status === 'submitted');
  const waiting = data.reviews.filter((review) => review.status === 'assigned');
  const separator = language === 'en' ? ', ' : '、';

  const itemMean = (itemId: string): number | null => {
    const fromServer = data.score?.mean.items[itemId];
    if (typeof fromServer === 'number') return fromServer;
    const values = submitted.map((review) => review.scores[itemId]).filter((value): value is number => typeof value === 'number');
    return values.length > 0 ? values.reduce((sum, value) => sum + value, 0) / values.length : null;
  };
  const itemSpread = (itemId: string) =>
    spreadOf(submitted.map((review) => review.scores[itemId]).filter((value): value is number => typeof value === 'number'));
  const totals = submitted.map((review) => review.total).filter((value): value is number => typeof value === 'number');

  return (
    <section className="section" aria-labelledby="reviewer-scores-heading">
      <h2 id="reviewer-scores-heading">{t('moderation.scoresTitle')}</h2>
      {waiting.length > 0 && (
        <p id="moderation-waiting">
          {t('moderation.waiting', { names: waiting.map((review) => review.reviewer.displayName).join(separator) })}
        </p>
      )}
      {submitted.length === 0 ? (
        <p>{t('moderation.noScores')}</p>
      ) : (
        <>
          <div className="table-wrap">
            <table className="table score-matrix" id="reviewer-scores">
              <thead>
                <tr>
                  <th scope="col">{t('precheck.item')}</th>
                  {submitted.map((review) => (
                    <th scope="col" className="table__number" key={review.assignmentId} data-reviewer={review.reviewer.id}>
                      {review.reviewer.displayName}
                      <span className="score-matrix__kind">{reviewerKindText(review.reviewer.kind, t)}</span>
                    </th>
                  ))}
                  <th scope="col" className="table__number">
                    {t('panel.mean')}
                  </th>
                  <th scope="col" className="table__number">
                    {t('moderation.spread')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.rubric.items.map((item) => (
                  <tr key={item.id} data-item={item.id}>
                    <th scope="row">
                      <span className="criterion__id">{item.id}</span> {localize(item.label, language)}{' '}
                      <span className="muted">({formatPoints(item.min, language)}–{formatPoints(item.max, language)})</span>
                    </th>
                    {submitted.map((review) => (
                      <td className="table__number" key={review.assignmentId}>
                        {formatPoints(review.scores[item.id], language)}
                      </td>
                    ))}
                    <td className="table__number">{formatPoints(itemMean(item.id), language)}</td>
                    <td className="table__number">{formatPoints(itemSpread(item.id), language)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t('score.total')}</th>
                  {submitted.map((review) => (
                    <td className="table__number" key={review.assignmentId}>
                      {formatPoints(review.total, language)}
                    </td>
                  ))}
                  <td className="table__number">{formatPoints(data.score?.mean.total, language)}</td>
                  <td className="table__number">{formatPoints(data.score?.spread ?? spreadOf(totals), language)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
          <h3>{t('panel.commentsTitle')}</h3>
          {submitted.map((review) => (
            <details className="details" key={review.assignmentId}>
              <summary className="details__summary">
                {t('panel.commentsOf', { name: review.reviewer.displayName })}
              </summary>
              <dl className="summary-list">
                {data.rubric.items.map((item) => (
                  <div className="summary-list__row" key={item.id}>
                    <dt>
                      <span className="criterion__id">{item.id}</span> {localize(item.label, language)}
                    </dt>
                    <dd className="score-comment">{review.comments[item.id] ?? '—'}</dd>
                  </div>
                ))}
              </dl>
            </details>
          ))}
        </>
      )}
    </section>
  );
}

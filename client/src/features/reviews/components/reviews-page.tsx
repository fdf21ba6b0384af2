import { Link } from 'react-router';
import { Loading } from '../../../components/ui/loading';
import { PageHeading } from '../../../components/ui/page-heading';
import { ReviewStatusBadge } from '../../../components/ui/review-status-badge';
import { formatDateTime } from '../../../lib/datetime';
import { localize, useI18n } from '../../../lib/i18n';
import { formatPoints } from '../../../lib/reviews/rubric';
import { useApiResource } from '../../../lib/use-api-resource';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { getReviews } from '../api/get-reviews';
import type { ReviewSummary } from '../types';
import { LoadFailed } from '../../../components/ui/load-failed';

/** Reviewer: the applications assigned to me, with where each one stands. */
export function ReviewsPage() {
  const { t } = useI18n();
  const title = t('reviews.title');
  useDocumentTitle(title);
  const list = useApiResource('reviews', (signal) => getReviews(signal));

  return (
    <>
      <PageHeading>{title}</PageHeading>
      <p className="lead">{t('reviews.intro')}</p>
      {list.status === 'loading' && <Loading />}
      {list.status === 'error' && (
        <LoadFailed message="reviews.loadFailed" error={list.error} onRetry={list.reload} />
      )}
      {list.status === 'success' && list.data.items.length === 0 && <p id="reviews-empty">{t('reviews.empty')}</p>}
      {list.status === 'success' && list.data.items.length > 0 && <ReviewsTable items={list.data.items} />}
    </>
  );
}

function ReviewsTable({ items }: { items: ReviewSummary[] }) {
  const { language, t } = useI18n();
  return (
    <div className="table-wrap">
      <table className="table" data-testid="reviews-table">
        <caption className="table__caption">{t('reviews.caption', { count: items.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reviews.call')}</th>
            <th scope="col">{t('reviews.programme')}</th>
            <th scope="col">{t('reviews.company')}</th>
            <th scope="col">{t('reviews.status')}</th>
            <th scope="col" className="table__number">
              {t('reviews.total')}
            </th>
            <th scope="col">{t('reviews.assignedAt')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id} data-review={item.id} data-status={item.status}>
              <th scope="row">
                <Link to={`/reviews/${encodeURIComponent(item.id)}`}>
                  {item.call.title}
                  <span className="visually-hidden">{t('reviews.openFor', { company: item.company?.name ?? t('reviews.identityHidden') })}</span>
                </Link>
              </th>
              <td>{localize(item.programme.name, language)}</td>
              <td>{item.company ? item.company.name : <span className="muted">{t('reviews.identityHidden')}</span>}</td>
              <td>
                <ReviewStatusBadge status={item.status} />
                {item.status === 'assigned' && item.conflict === null && (
                  <>
                    {' '}
                    <span className="tag tag--muted">{t('reviews.declarationNeeded')}</span>
                  </>
                )}
              </td>
              <td className="table__number">
                {item.total === null ? '—' : t('score.totalOf', { total: formatPoints(item.total, language), max: formatPoints(item.rubric.maxTotal, language) })}
              </td>
              <td>{formatDateTime(item.assignedAt, language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

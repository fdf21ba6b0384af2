import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { PageHeading } from '../../../components/ui/page-heading';
import { ReviewStatusBadge } from '../../../components/ui/review-status-badge';
import { isApiError } from '../../../lib/api';
import { formatDateTime } from '../../../lib/datetime';
import { localize, useI18n } from '../../../lib/i18n';
import { useApiResource } from '../../../lib/use-api-resource';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { getProgramme } from '../api/get-programme';
import { getReview } from '../api/get-review';
import type { ReviewDetail } from '../types';
import { ApplicationUnderReview } from './application-under-review';
import { ConflictForm } from './conflict-form';
import { PanelResults } from './panel-results';
import { ScoreSheet } from './score-sheet';
import { SubmittedSheet } from './submitted-sheet';
import { LoadFailed } from '../../../components/ui/load-failed';

/** Reviewer: one assignment — declare conflicts, read the application, score it, then see the panel. */
export function ReviewPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const resource = useApiResource(`review:${id}`, (signal) => getReview(id, signal));
  const notFound = resource.status === 'error' && isApiError(resource.error) && resource.error.status === 404;

  if (resource.status === 'success') return <ReviewView key={id} initial={resource.data} />;
  return (
    <StatusOnly title={notFound ? t('review.notFoundTitle') : t('review.titleGeneric')}>
      {resource.status === 'loading' && <Loading />}
      {notFound && <p>{t('review.notFoundBody')}</p>}
      {resource.status === 'error' && !notFound && (
        <LoadFailed message="review.loadFailed" error={resource.error} onRetry={resource.reload} />
      )}
    </StatusOnly>
  );
}

function StatusOnly({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useI18n();
  useDocumentTitle(title);
  return (
    <>
      <BackLink label={t('review.backToList')} />
      <PageHeading>{title}</PageHeading>
      {children}
    </>
  );
}

function BackLink({ label }: { label: string }) {
  return (
    <p className="back-link">
      <Link to="/reviews">{label}</Link>
    </p>
  );
}

function ReviewView({ initial }: { initial: ReviewDetail }) {
  const { t } = useI18n();
  const [review, setReview] = useState(initial);
  const [justSubmitted, setJustSubmitted] = useState(false);
  const programme = useApiResource(`programme:${review.programme.code}`, (signal) => getProgramme(review.programme.code, signal));
  const title = t('review.title', { title: review.call.title });
  useDocumentTitle(title);

  /** After the server says the sheet changed state elsewhere (submitted, released), show what it is now. */
  async function reloadReview() {
    try {
      setReview(await getReview(review.id));
    } catch {
      // The error already shown explains the problem; the page keeps what it has.
    }
  }

  function handleSheetChange(updated: ReviewDetail) {
    if (updated.status === 'submitted') setJustSubmitted(true);
    setReview(updated);
  }

  const declared = review.conflict === false && review.status !== 'released';
  return (
    <>
      <BackLink label={t('review.backToList')} />
      <PageHeading>{title}</PageHeading>
      <ReviewFacts review={review} />

      {review.status === 'released' && <ReleasedNotice review={review} />}
      {review.status === 'assigned' && review.conflict === null && <ConflictForm review={review} onDeclared={setReview} onStale={reloadReview} />}

      {declared && review.application && (
        <ApplicationUnderReview reviewId={review.id} application={review.application} rubric={review.rubric} programme={programme.status === 'success' ? programme.data : null} />
      )}
      {declared && !review.application && (
        <Notice kind="info">
          <p>{t('review.applicationUnavailable')}</p>
        </Notice>
      )}

      {declared && review.status === 'assigned' && <ScoreSheet review={review} onChange={handleSheetChange} onStale={reloadReview} />}
      {review.status === 'submitted' && <SubmittedSheet review={review} justSubmitted={justSubmitted} />}
      {declared && <PanelResults review={review} />}
    </>
  );
}

function ReviewFacts({ review }: { review: ReviewDetail }) {
  const { language, t } = useI18n();
  return (
    <dl className="summary-list" id="review-summary">
      <div className="summary-list__row">
        <dt>{t('reviews.programme')}</dt>
        <dd>{localize(review.programme.name, language)}</dd>
      </div>
      <div className="summary-list__row">
        <dt>{t('reviews.company')}</dt>
        <dd>{review.company ? review.company.name : <span className="muted">{t('reviews.identityHiddenLong')}</span>}</dd>
      </div>
      <div className="summary-list__row">
        <dt>{t('reviews.status')}</dt>
        <dd id="review-status">
          <ReviewStatusBadge status={review.status} />
        </dd>
      </div>
      <div className="summary-list__row">
        <dt>{t('reviews.assignedAt')}</dt>
        <dd>{formatDateTime(review.assignedAt, language)}</dd>
      </div>
      {review.submittedAt && (
        <div className="summary-list__row">
          <dt>{t('review.submittedAt')}</dt>
          <dd>{formatDateTime(review.submittedAt, language)}</dd>
        </div>
      )}
    </dl>
  );
}

function ReleasedNotice({ review }: { review: ReviewDetail }) {
  const { t } = useI18n();
  return (
    <div className="notice notice--info" id="review-released" data-testid="review-released">
      <h2 className="notice__title">{t('review.releasedTitle')}</h2>
      <p>{review.conflict ? t('review.releasedConflict') : t('review.releasedOther')}</p>
      {review.conflictNote && (
        <p>
          <span className="card__meta-label">{t('review.yourNote')}</span> {review.conflictNote}
        </p>
      )}
    </div>
  );
}

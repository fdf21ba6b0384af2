import { useRef } from 'react';
import { FactSummary } from '../../../components/ui/fact-summary';
import { PrecheckResultView } from '../../../components/ui/screening-result';
import { ServerText } from '../../../components/ui/server-text';
import { formatDateTime } from '../../../lib/datetime';
import { formatFileSize } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import type { Rubric } from '../../../lib/reviews/rubric';
import { reviewDocumentUrl } from '../api/document-url';
import type { ProgrammeForReview, ReviewDocument, ReviewedApplication } from '../types';

type Props = {
  reviewId: string;
  application: ReviewedApplication;
  rubric: Rubric;
  /** null while loading or if it failed: the facts then show under their own names. */
  programme: ProgrammeForReview | null;
};

/** What the reviewer reads before scoring: the frozen screening, the facts and the evidence files. */
export function ApplicationUnderReview({ reviewId, application, rubric, programme }: Props) {
  const { language, t } = useI18n();
  const screeningHeading = useRef<HTMLHeadingElement>(null);
  return (
    <>
      <section className="section" aria-labelledby="review-facts-heading" data-testid="review-application">
        <h2 id="review-facts-heading">{t('review.factsTitle')}</h2>
        {application.submittedAt && (
          <p className="muted">{t('review.applicationSubmittedAt', { at: formatDateTime(application.submittedAt, language) })}</p>
        )}
        <FactSummary facts={application.facts} factSchema={programme?.factSchema} notGiven={t('application.notGiven')} />
      </section>

      {application.screening ? (
        <PrecheckResultView result={application.screening} programme={{ criteria: programme?.criteria, rubric }} headingRef={screeningHeading} />
      ) : (
        <section className="section" aria-labelledby="review-screening-heading">
          <h2 id="review-screening-heading">{t('precheck.resultTitle')}</h2>
          <p>{t('review.noScreening')}</p>
        </section>
      )}

      <section className="section" aria-labelledby="review-documents-heading">
        <h2 id="review-documents-heading">{t('wizard.section.documents')}</h2>
        <ReviewDocuments reviewId={reviewId} documents={application.documents} programme={programme} />
      </section>
    </>
  );
}

function ReviewDocuments({ reviewId, documents, programme }: { reviewId: string; documents: ReviewDocument[]; programme: ProgrammeForReview | null }) {
  const { language, t } = useI18n();
  if (documents.length === 0) return <p>{t('review.noDocuments')}</p>;
  const kindLabel = (kind: string) => programme?.documents?.find((entry) => entry.kind === kind)?.label ?? kind;
  return (
    <ul className="uploaded-list review-documents" data-testid="review-documents">
      {documents.map((document) => (
        <li className="uploaded" key={document.id} data-document-id={document.id}>
          <a href={reviewDocumentUrl(reviewId, document.id)} download={document.filename}>
            {document.filename}
          </a>{' '}
          <span className="muted">
            <ServerText value={kindLabel(document.kind)} /> · {formatFileSize(document.size, language)}
          </span>
        </li>
      ))}
    </ul>
  );
}

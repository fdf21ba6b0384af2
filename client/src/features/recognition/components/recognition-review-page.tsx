import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { FactSummary } from '../../../components/ui/fact-summary';
import { LoadFailed } from '../../../components/ui/load-failed';
import { Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { PageHeading } from '../../../components/ui/page-heading';
import { isApiError } from '../../../lib/api';
import { formatDateTime } from '../../../lib/datetime';
import { letterPdfUrl, verifyPath } from '../../../lib/decisions/letters';
import { formatFixed2 } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { recognitionStatusText } from '../../../lib/recognition/labels';
import { useApiResource } from '../../../lib/use-api-resource';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useRefreshable } from '../../../lib/use-refreshable';
import { getPointsProgramme } from '../api/get-programme';
import { getRequest } from '../api/get-request';
import type { PointsProgramme, RecognitionRequest } from '../types';
import { ConfirmationForm } from './confirmation-form';
import { PointsBreakdown } from './points-breakdown';
import { RecognitionResult } from './recognition-result';

type Loaded = { request: RecognitionRequest; programme: PointsProgramme };

async function load(id: string, signal?: AbortSignal): Promise<Loaded> {
  const [request, programme] = await Promise.all([getRequest(id, signal), getPointsProgramme(signal)]);
  return { request, programme };
}

/** Officer: one member's request — who, the facts, the calculated breakdown — and the confirmation of the points. */
export function RecognitionReviewPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const resource = useApiResource(`recognition:${id}`, (signal) => load(id, signal));
  const notFound = resource.status === 'error' && isApiError(resource.error) && resource.error.status === 404;
  const name = resource.status === 'success' ? resource.data.request.member.name : '';
  const title = name ? t('recognitionReview.title', { name }) : t('recognitionReview.titleGeneric');
  useDocumentTitle(title);

  return (
    <>
      <p className="back-link">
        <Link to="/recognition">{t('recognitionReview.backToQueue')}</Link>
      </p>
      <PageHeading>{title}</PageHeading>
      {resource.status === 'loading' && <Loading />}
      {notFound && <p id="recognition-not-found">{t('recognitionReview.notFound')}</p>}
      {resource.status === 'error' && !notFound && <LoadFailed message="recognitionReview.loadFailed" error={resource.error} onRetry={resource.reload} />}
      {resource.status === 'success' && <ReviewView key={id} initial={resource.data.request} programme={resource.data.programme} />}
    </>
  );
}

function ReviewView({ initial, programme }: { initial: RecognitionRequest; programme: PointsProgramme }) {
  const { language, t } = useI18n();
  const { data: request, setData, refresh, refreshError } = useRefreshable(initial, () => getRequest(initial.id));
  const [confirmed, setConfirmed] = useState(false);
  const points = (value: number) => formatFixed2(value, language);

  // The server words the breakdown in the request's language: load it again when the language changes.
  const previousLanguage = useRef(language);
  useEffect(() => {
    if (previousLanguage.current === language) return;
    previousLanguage.current = language;
    void refresh();
  }, [language]);

  async function handleConfirmed(answer: RecognitionRequest) {
    // The answer has no letters; show it at once, then load the request again with its letter.
    setData((current) => ({ ...answer, letters: current.letters }));
    setConfirmed(true);
    await refresh();
  }

  return (
    <>
      {refreshError && (
        <Notice kind="error">
          <p>
            {t('recognitionReview.refreshFailed')} {refreshError}
          </p>
        </Notice>
      )}
      <dl className="summary-list" id="recognition-facts">
        <div className="summary-list__row">
          <dt>{t('recognitionReview.member')}</dt>
          <dd>
            {request.member.name || <span className="muted">{t('roster.nameErased')}</span>}{' '}
            {request.member.idNumberMasked ? (
              <span className="code-text id-number">{request.member.idNumberMasked}</span>
            ) : (
              <span className="muted">{t('points.idNotGiven')}</span>
            )}
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>{t('recognitionReview.team')}</dt>
          <dd>
            <Link to={`/teams/${encodeURIComponent(request.team.id)}`} id="recognition-team-link">
              {request.team.name}
            </Link>
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>{t('recognitionReview.company')}</dt>
          <dd>{request.company.name}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t('recognitionReview.status')}</dt>
          <dd>
            <span className={`status status--recognition-${request.status}`} id="recognition-status" data-status={request.status}>
              {recognitionStatusText(request.status, t)}
            </span>
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>{t('recognitionReview.submittedAt')}</dt>
          <dd>{formatDateTime(request.submittedAt, language)}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t('recognitionReview.computed')}</dt>
          <dd id="recognition-computed" data-points={request.computedPoints}>
            {t('breakdown.pointsValue', { points: points(request.computedPoints) })}
          </dd>
        </div>
      </dl>

      {confirmed && <ConfirmedNotice request={request} />}
      {request.status === 'confirmed' && <RecognitionResult request={request} />}

      <section className="section" aria-labelledby="recognition-facts-heading">
        <h2 id="recognition-facts-heading">{t('recognitionReview.factsTitle')}</h2>
        <FactSummary facts={request.facts} factSchema={programme.factSchema} notGiven={t('points.notGiven')} />
      </section>

      <section className="section" aria-labelledby="recognition-breakdown-heading">
        <h2 id="recognition-breakdown-heading">{t('recognitionReview.breakdownTitle')}</h2>
        <PointsBreakdown result={request.result} programme={programme} id="recognition-breakdown" forFirm={false} />
      </section>

      {request.status === 'submitted' && (
        <section className="section" aria-labelledby="recognition-form-heading">
          <h2 id="recognition-form-heading">{t('recognitionReview.formTitle')}</h2>
          <ConfirmationForm request={request} onConfirmed={(answer) => void handleConfirmed(answer)} />
        </section>
      )}
      {request.status === 'draft' && (
        <p className="notice notice--info" id="recognition-not-submitted">
          {t('recognitionReview.notSubmitted')}
        </p>
      )}
    </>
  );
}

/** The points were confirmed: the outcome and the letter issued, with download and verification links. */
function ConfirmedNotice({ request }: { request: RecognitionRequest }) {
  const { language, t } = useI18n();
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  const letter = (request.letters ?? []).find((candidate) => candidate.status === 'current') ?? request.letters?.[0];
  const which = letter ? t('letters.forReference', { reference: letter.reference }) : '';
  return (
    <Notice kind="success">
      <p className="notice__title focus-heading" id="recognition-done" tabIndex={-1} ref={ref}>
        {t('recognitionReview.done', { name: request.member.name, points: formatFixed2(request.confirmedPoints ?? 0, language) })}
      </p>
      {letter ? (
        <p>
          {t('recognitionReview.doneLetter', { reference: letter.reference })}{' '}
          <a href={letterPdfUrl(letter.id)} download id="recognition-letter-download">
            {t('letters.download')}
            <span className="visually-hidden">{which}</span>
          </a>
          {' · '}
          <Link to={verifyPath(letter.verifyCode)} id="recognition-letter-verify">
            {t('letters.verify')}
            <span className="visually-hidden">{which}</span>
          </Link>
        </p>
      ) : (
        <p>{t('recognitionReview.doneLetterPending')}</p>
      )}
    </Notice>
  );
}

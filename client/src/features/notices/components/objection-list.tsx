import { useEffect, useRef, useState } from 'react';
import { ConfirmStep } from '../../../components/ui/confirm-step';
import { LoadFailed } from '../../../components/ui/load-failed';
import { Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { TextAreaField } from '../../../components/ui/text-area-field';
import { isApiError } from '../../../lib/api';
import { formatDateTime } from '../../../lib/datetime';
import { describeError } from '../../../lib/error-message';
import { useI18n } from '../../../lib/i18n';
import { useApiResource } from '../../../lib/use-api-resource';
import { useRefreshable } from '../../../lib/use-refreshable';
import { getObjections } from '../api/get-objections';
import { resolveObjection } from '../api/resolve-objection';
import { objectionStatusText } from '../labels';
import type { Objection } from '../types';

/** Officer: the objections to one notice, each to be upheld (revoking the approval) or dismissed with a reason. */
export function ObjectionList({ noticeId, onResolved }: { noticeId: string; onResolved: () => Promise<void> }) {
  const { t } = useI18n();
  const objections = useApiResource(`objections:${noticeId}`, (signal) => getObjections(noticeId, signal));
  // After a resolution the list is reloaded in place, so the officer's place on the page is kept.
  const {
    data: reloaded,
    refresh,
    refreshError,
  } = useRefreshable<Objection[] | null>(null, async () => (await getObjections(noticeId)).items);
  const headingId = `objections-${noticeId}-heading`;
  const items = reloaded ?? (objections.status === 'success' ? objections.data.items : null);

  async function handleResolved() {
    await refresh();
    await onResolved();
  }

  return (
    <section className="objections" aria-labelledby={headingId}>
      <h4 id={headingId}>{t('objections.title')}</h4>
      {refreshError && (
        <Notice kind="error">
          <p>
            {t('objections.refreshFailed')} {refreshError}
          </p>
        </Notice>
      )}
      {!items && objections.status === 'loading' && <Loading />}
      {!items && objections.status === 'error' && <LoadFailed message="objections.loadFailed" error={objections.error} onRetry={objections.reload} />}
      {items && items.length === 0 && <p>{t('objections.empty')}</p>}
      {items && items.length > 0 && (
        <ul className="panel-list">
          {items.map((objection) => (
            <li key={objection.id}>
              <ObjectionCard objection={objection} onResolved={handleResolved} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ObjectionCard({ objection, onResolved }: { objection: Objection; onResolved: () => Promise<void> }) {
  const { language, t } = useI18n();
  const headingId = `objection-${objection.id}-heading`;
  // Once resolved, the buttons pressed are gone: move focus to the card's heading, which now says the outcome.
  const heading = useRef<HTMLHeadingElement>(null);
  const firstStatus = useRef(objection.status);
  useEffect(() => {
    if (objection.status !== firstStatus.current) heading.current?.focus();
  }, [objection.status]);
  return (
    <article className={`panel-card objection objection--${objection.status}`} aria-labelledby={headingId} data-objection={objection.id} data-status={objection.status}>
      <h5 className="panel-card__title focus-heading" id={headingId} tabIndex={-1} ref={heading}>
        {t('objections.reference', { reference: objection.reference })}{' '}
        <span className={`status status--objection-${objection.status}`}>{objectionStatusText(objection.status, t)}</span>
      </h5>
      <dl className="summary-list summary-list--compact">
        <div className="summary-list__row">
          <dt>{t('objections.company')}</dt>
          <dd>
            {objection.company.name} <span className="panel-card__uscc">{objection.company.uscc}</span>
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>{t('objections.by')}</dt>
          <dd>
            {objection.name}
            {objection.organisation && <span className="muted">{t('objections.organisation', { organisation: objection.organisation })}</span>}
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>{t('objections.contact')}</dt>
          <dd>{objection.contact}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t('objections.receivedAt')}</dt>
          <dd>{formatDateTime(objection.receivedAt, language)}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t('objections.content')}</dt>
          <dd className="score-comment">{objection.content}</dd>
        </div>
        {objection.resolution && (
          <div className="summary-list__row">
            <dt>{t('objections.resolution')}</dt>
            <dd className="score-comment">
              {t('objections.resolutionText', {
                outcome: objectionStatusText(objection.status, t),
                at: formatDateTime(objection.resolution.at, language),
                reason: objection.resolution.reason,
              })}
            </dd>
          </div>
        )}
      </dl>
      {objection.status === 'pending' && <ResolveForm objection={objection} onResolved={onResolved} />}
    </article>
  );
}

function ResolveForm({ objection, onResolved }: { objection: Objection; onResolved: () => Promise<void> }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState('');
  const [error, setError] = useState('');
  const [confirmingUphold, setConfirmingUphold] = useState(false);
  const [busy, setBusy] = useState(false);
  const reasonId = `resolution-reason-${objection.id}`;

  function reasonGiven(): boolean {
    if (reason.trim() !== '') return true;
    setFieldError(t('objections.errors.reason'));
    document.getElementById(reasonId)?.focus();
    return false;
  }

  async function resolve(outcome: 'upheld' | 'dismissed') {
    if (busy) return;
    setBusy(true);
    setError('');
    try {
      await resolveObjection(objection.id, outcome, reason.trim());
      setConfirmingUphold(false);
      await onResolved();
    } catch (failure) {
      const problem = isApiError(failure) ? failure.errors.find((entry) => entry.field === 'reason') : undefined;
      if (problem) setFieldError(problem.message);
      else setError(describeError(failure, t));
      setConfirmingUphold(false);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form objection-resolve" noValidate onSubmit={(event) => event.preventDefault()} aria-busy={busy || undefined}>
      <TextAreaField
        id={reasonId}
        label={t('objections.reasonLabel', { reference: objection.reference })}
        hint={t('objections.reasonHint')}
        value={reason}
        onChange={(value) => {
          setReason(value);
          if (value.trim()) setFieldError('');
        }}
        error={fieldError}
        required
        rows={3}
      />
      {error && (
        <Notice kind="error">
          <p>{error}</p>
        </Notice>
      )}
      {confirmingUphold ? (
        <ConfirmStep
          id={`uphold-confirm-${objection.id}`}
          title={t('objections.upholdConfirmTitle', { reference: objection.reference })}
          confirmLabel={t('objections.upholdConfirm')}
          busyLabel={t('objections.resolving')}
          cancelLabel={t('objections.cancel')}
          busy={busy}
          danger
          onConfirm={() => void resolve('upheld')}
          onCancel={() => setConfirmingUphold(false)}
        >
          <p>{t('objections.upholdConfirmBody', { company: objection.company.name })}</p>
        </ConfirmStep>
      ) : (
        <div className="button-row">
          <button className="button button--danger" type="button" data-testid={`uphold-${objection.id}`} onClick={() => reasonGiven() && setConfirmingUphold(true)}>
            {t('objections.uphold')}
            <span className="visually-hidden">{t('objections.forReference', { reference: objection.reference })}</span>
          </button>
          <button className="button button--secondary" type="button" data-testid={`dismiss-${objection.id}`} onClick={() => reasonGiven() && void resolve('dismissed')} aria-disabled={busy || undefined}>
            {busy ? t('objections.resolving') : t('objections.dismiss')}
            <span className="visually-hidden">{t('objections.forReference', { reference: objection.reference })}</span>
          </button>
        </div>
      )}
    </form>
  );
}

import { useState, type FormEvent } from 'react';
import { ErrorSummary, type ErrorSummaryItem } from '../../../components/ui/error-summary';
import { Notice } from '../../../components/ui/notice';

import { errorSummaryItems } from '../../../lib/error-message';
import { useI18n } from '../../../lib/i18n';
import { formatPoints } from '../../../lib/reviews/rubric';
import { moderateScore } from '../api/moderate-score';

type Props = { applicationId: string; maxTotal: number; currentTotal: number | null; onModerated: () => Promise<void> };

const FIELD_IDS: Record<string, string> = { total: 'moderation-total', reason: 'moderation-reason' };

/** Sets a moderated final total with a reason; each one is kept in the history. */
export function ModerationForm({ applicationId, maxTotal, currentTotal, onModerated }: Props) {
  const { language, t } = useI18n();
  const [total, setTotal] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<ErrorSummaryItem[]>([]);
  const [attempts, setAttempts] = useState(0);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const fieldError = (id: string) => errors.find((item) => item.fieldId === id)?.message;

  function fail(items: ErrorSummaryItem[]) {
    setErrors(items);
    setAttempts((n) => n + 1);
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setDone(false);
    const value = Number(total.trim());
    const problems: ErrorSummaryItem[] = [];
    if (total.trim() === '' || !Number.isFinite(value) || value < 0 || value > maxTotal) {
      problems.push({ fieldId: FIELD_IDS.total, message: t('moderation.errors.total', { max: formatPoints(maxTotal, language) }) });
    }
    if (reason.trim() === '') problems.push({ fieldId: FIELD_IDS.reason, message: t('moderation.errors.reason') });
    if (problems.length > 0) return fail(problems);

    setBusy(true);
    try {
      await moderateScore(applicationId, value, reason.trim());
      setErrors([]);
      setTotal('');
      setReason('');
      setDone(true);
      await onModerated();
    } catch (error) {
      const items = errorSummaryItems(error, (field) => FIELD_IDS[field], t);
      fail(items);
    } finally {
      setBusy(false);
    }
  }

  const totalError = fieldError(FIELD_IDS.total);
  const reasonError = fieldError(FIELD_IDS.reason);
  return (
    <section className="section" aria-labelledby="moderation-form-heading">
      <h2 id="moderation-form-heading">{t('moderation.formTitle')}</h2>
      <p>{t('moderation.formIntro')}</p>
      {done && (
        <Notice kind="success">
          <p id="moderation-done">{t('moderation.done')}</p>
        </Notice>
      )}
      <ErrorSummary title={t('errors.summaryTitle')} items={errors} focusSignal={attempts} />
      <form className="form narrow" id="moderation-form" noValidate onSubmit={(event) => void handleSubmit(event)} aria-busy={busy || undefined}>
        <div className={totalError ? 'field field--error' : 'field'}>
          <label className="field__label" htmlFor={FIELD_IDS.total}>
            {t('moderation.totalLabel')}
          </label>
          <p className="field__hint" id="moderation-total-hint">
            {t('moderation.totalHint', { max: formatPoints(maxTotal, language), current: formatPoints(currentTotal, language) })}
          </p>
          {totalError && (
            <p className="field__error" id="moderation-total-error">
              <span className="visually-hidden">{t('common.errorPrefix')}</span>
              {totalError}
            </p>
          )}
          <input
            className="field__input field__input--short"
            id={FIELD_IDS.total}
            name="total"
            type="number"
            inputMode="decimal"
            min={0}
            max={maxTotal}
            step="any"
            value={total}
            onChange={(event) => setTotal(event.target.value)}
            aria-invalid={totalError ? true : undefined}
            aria-describedby={['moderation-total-hint', totalError ? 'moderation-total-error' : ''].filter(Boolean).join(' ')}
          />
        </div>
        <div className={reasonError ? 'field field--error' : 'field'}>
          <label className="field__label" htmlFor={FIELD_IDS.reason}>
            {t('moderation.reasonLabel')}
          </label>
          {reasonError && (
            <p className="field__error" id="moderation-reason-error">
              <span className="visually-hidden">{t('common.errorPrefix')}</span>
              {reasonError}
            </p>
          )}
          <textarea
            className="field__input field__textarea"
            id={FIELD_IDS.reason}
            name="reason"
            rows={3}
            required
            aria-required="true"
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            aria-invalid={reasonError ? true : undefined}
            aria-describedby={reasonError ? 'moderation-reason-error' : undefined}
          />
        </div>
        <button className="button" type="submit" id="moderation-submit">
          {busy ? t('moderation.saving') : t('moderation.submit')}
        </button>
      </form>
    </section>
  );
}

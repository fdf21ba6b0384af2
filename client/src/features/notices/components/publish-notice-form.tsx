import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ErrorSummary, type ErrorSummaryItem } from '../../../components/ui/error-summary';
import { Notice } from '../../../components/ui/notice';

import { errorSummaryItems } from '../../../lib/error-message';
import { useI18n } from '../../../lib/i18n';
import { publishNotice } from '../api/publish-notice';
import type { PublicNotice } from '../types';
import { periodText } from './notice-period';

const IDS = { workingDays: 'notice-working-days', startsOn: 'notice-starts-on' } as const;

/** Officer: publish the call's approved applications for public notice; the server computes the period. */
export function PublishNoticeForm({ callId, onPublished }: { callId: string; onPublished: () => Promise<void> }) {
  const { language, t } = useI18n();
  const [workingDays, setWorkingDays] = useState('10');
  const [startsOn, setStartsOn] = useState('');
  const [errors, setErrors] = useState<ErrorSummaryItem[]>([]);
  const [attempts, setAttempts] = useState(0);
  const [busy, setBusy] = useState(false);
  const [published, setPublished] = useState<PublicNotice | null>(null);
  const fieldError = (id: string) => errors.find((item) => item.fieldId === id)?.message;

  function fail(items: ErrorSummaryItem[]) {
    setErrors(items);
    setAttempts((n) => n + 1);
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const days = Number(workingDays.trim());
    const problems: ErrorSummaryItem[] = [];
    if (!Number.isInteger(days) || days < 1 || days > 30) problems.push({ fieldId: IDS.workingDays, message: t('publishNotice.errors.workingDays') });
    if (startsOn && !/^\d{4}-\d{2}-\d{2}$/.test(startsOn)) problems.push({ fieldId: IDS.startsOn, message: t('publishNotice.errors.startsOn') });
    if (problems.length > 0) return fail(problems);
    setErrors([]);
    setPublished(null);
    setBusy(true);
    try {
      setPublished(await publishNotice(callId, { workingDays: days, startsOn: startsOn || undefined }));
      await onPublished();
    } catch (error) {
      const fields: Record<string, string> = { workingDays: IDS.workingDays, startsOn: IDS.startsOn };
      const items = errorSummaryItems(error, (field) => fields[field], t);
      fail(items);
    } finally {
      setBusy(false);
    }
  }

  const daysError = fieldError(IDS.workingDays);
  const startError = fieldError(IDS.startsOn);
  return (
    <section className="section" aria-labelledby="publish-notice-heading">
      <h2 id="publish-notice-heading">{t('publishNotice.title')}</h2>
      <p>{t('publishNotice.intro')}</p>
      {published && (
        <Notice kind="success">
          <p className="notice__title" id="publish-notice-done">
            {t('publishNotice.done', { count: published.items.length, period: periodText(published, language, t) })}
          </p>
          <p>
            <Link to={`/notices/${encodeURIComponent(published.id)}`}>{t('publishNotice.viewPublic')}</Link>
          </p>
        </Notice>
      )}
      <ErrorSummary title={t('errors.summaryTitle')} items={errors} focusSignal={attempts} />
      <form className="form narrow" id="publish-notice-form" noValidate onSubmit={(event) => void handleSubmit(event)} aria-busy={busy || undefined}>
        <div className={daysError ? 'field field--error' : 'field'}>
          <label className="field__label" htmlFor={IDS.workingDays}>
            {t('publishNotice.workingDays')}
          </label>
          <p className="field__hint" id={`${IDS.workingDays}-hint`}>
            {t('publishNotice.workingDaysHint')}
          </p>
          {daysError && (
            <p className="field__error" id={`${IDS.workingDays}-error`}>
              <span className="visually-hidden">{t('common.errorPrefix')}</span>
              {daysError}
            </p>
          )}
          <input
            className="field__input field__input--short"
            id={IDS.workingDays}
            name="workingDays"
            type="number"
            inputMode="numeric"
            min={1}
            max={30}
            step={1}
            value={workingDays}
            onChange={(event) => setWorkingDays(event.target.value)}
            aria-invalid={daysError ? true : undefined}
            aria-describedby={[`${IDS.workingDays}-hint`, daysError ? `${IDS.workingDays}-error` : ''].filter(Boolean).join(' ')}
          />
        </div>
        <div className={startError ? 'field field--error' : 'field'}>
          <label className="field__label" htmlFor={IDS.startsOn}>
            {t('publishNotice.startsOn')}
          </label>
          <p className="field__hint" id={`${IDS.startsOn}-hint`}>
            {t('publishNotice.startsOnHint')}
          </p>
          {startError && (
            <p className="field__error" id={`${IDS.startsOn}-error`}>
              <span className="visually-hidden">{t('common.errorPrefix')}</span>
              {startError}
            </p>
          )}
          <input
            className="field__input field__input--date"
            id={IDS.startsOn}
            name="startsOn"
            type="date"
            value={startsOn}
            onChange={(event) => setStartsOn(event.target.value)}
            aria-invalid={startError ? true : undefined}
            aria-describedby={[`${IDS.startsOn}-hint`, startError ? `${IDS.startsOn}-error` : ''].filter(Boolean).join(' ')}
          />
        </div>
        <button className="button" type="submit" id="publish-notice">
          {busy ? t('publishNotice.publishing') : t('publishNotice.submit')}
        </button>
      </form>
    </section>
  );
}

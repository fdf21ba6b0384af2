import { useState, type FormEvent } from 'react';
import { ErrorSummary, type ErrorSummaryItem } from '../../../components/ui/error-summary';
import { isApiError } from '../../../lib/api';
import { errorSummaryItems } from '../../../lib/error-message';
import { useI18n } from '../../../lib/i18n';
import { declareConflict } from '../api/declare-conflict';
import type { ReviewDetail } from '../types';

type Choice = '' | 'none' | 'conflict';

/**
 * The declaration every reviewer makes before seeing the application. "No conflict" opens it;
 * a conflict (with a note saying what it is) releases the assignment for good.
 */
export function ConflictForm({ review, onDeclared, onStale }: { review: ReviewDetail; onDeclared: (review: ReviewDetail) => void; onStale: () => Promise<void> }) {
  const { t } = useI18n();
  const [choice, setChoice] = useState<Choice>('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<ErrorSummaryItem[]>([]);
  const [attempts, setAttempts] = useState(0);
  const [busy, setBusy] = useState(false);

  function fail(items: ErrorSummaryItem[]) {
    setSummary(items);
    setErrors(Object.fromEntries(items.filter((item) => item.fieldId).map((item) => [item.fieldId!, item.message])));
    setAttempts((n) => n + 1);
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    if (choice === '') return fail([{ fieldId: 'conflict-none', message: t('conflict.errors.choose') }]);
    if (choice === 'conflict' && note.trim() === '') return fail([{ fieldId: 'conflict-note', message: t('conflict.errors.noteRequired') }]);
    setBusy(true);
    try {
      const updated = await declareConflict(review.id, choice === 'conflict', choice === 'conflict' ? note.trim() : undefined);
      onDeclared(updated);
    } catch (error) {
      const items = errorSummaryItems(error, (field) => field === 'note' ? 'conflict-note' : undefined, t);
      fail(items);
      if (isApiError(error) && error.code === 'conflict_already_declared') await onStale();
    } finally {
      setBusy(false);
    }
  }

  const choiceError = errors['conflict-none'];
  const noteError = errors['conflict-note'];
  return (
    <section className="section" aria-labelledby="conflict-heading" data-testid="conflict-declaration">
      <h2 id="conflict-heading">{t('conflict.title')}</h2>
      <p>{t('conflict.intro')}</p>
      <ErrorSummary title={t('errors.summaryTitle')} items={summary} focusSignal={attempts} />
      <form className="form narrow" noValidate onSubmit={(event) => void handleSubmit(event)} aria-busy={busy || undefined}>
        <fieldset className={choiceError ? 'fieldset fieldset--choice field--error' : 'fieldset fieldset--choice'} aria-describedby={choiceError ? 'conflict-choice-error' : undefined}>
          <legend className="field__label">{t('conflict.legend')}</legend>
          {choiceError && (
            <p className="field__error" id="conflict-choice-error">
              <span className="visually-hidden">{t('common.errorPrefix')}</span>
              {choiceError}
            </p>
          )}
          <div className="choice">
            <input className="choice__input" type="radio" id="conflict-none" name="conflict" value="none" checked={choice === 'none'} onChange={() => setChoice('none')} />
            <label className="choice__label" htmlFor="conflict-none">
              {t('conflict.none')}
            </label>
          </div>
          <div className="choice">
            <input className="choice__input" type="radio" id="conflict-yes" name="conflict" value="conflict" checked={choice === 'conflict'} onChange={() => setChoice('conflict')} aria-describedby="conflict-yes-hint" />
            <label className="choice__label" htmlFor="conflict-yes">
              {t('conflict.yes')}
            </label>
            <p className="choice__hint muted" id="conflict-yes-hint">
              {t('conflict.yesHint')}
            </p>
          </div>
        </fieldset>
        {choice === 'conflict' && (
          <div className={noteError ? 'field field--error' : 'field'}>
            <label className="field__label" htmlFor="conflict-note">
              {t('conflict.noteLabel')}
            </label>
            <p className="field__hint" id="conflict-note-hint">
              {t('conflict.noteHint')}
            </p>
            {noteError && (
              <p className="field__error" id="conflict-note-error">
                <span className="visually-hidden">{t('common.errorPrefix')}</span>
                {noteError}
              </p>
            )}
            <textarea
              className="field__input field__textarea"
              id="conflict-note"
              name="note"
              rows={3}
              required
              aria-required="true"
              value={note}
              onChange={(event) => setNote(event.target.value)}
              aria-invalid={noteError ? true : undefined}
              aria-describedby={['conflict-note-hint', noteError ? 'conflict-note-error' : ''].filter(Boolean).join(' ')}
            />
          </div>
        )}
        <button className="button" type="submit" id="conflict-submit">
          {busy ? t('conflict.submitting') : t('conflict.submit')}
        </button>
      </form>
    </section>
  );
}

import { useEffect, useRef, useState } from 'react';
import { ErrorSummary, type ErrorSummaryItem } from '../../../components/ui/error-summary';
import { isApiError } from '../../../lib/api';
import { formatDateTime } from '../../../lib/datetime';
import { describeError } from '../../../lib/error-message';
import { useI18n, type Language, type Translate } from '../../../lib/i18n';
import { formatPoints, groupBySection, sectionHeading } from '../../../lib/reviews/rubric';
import { saveScores } from '../api/save-scores';
import { submitScores } from '../api/submit-scores';
import { checkSheet, commentFieldId, fieldIdForServerField, scoreFieldId, runningTotal, toRequest, valuesFromReview, type SheetProblem, type SheetValues } from '../score-sheet';
import type { ReviewDetail } from '../types';
import { ScoreItem } from './score-item';

type SaveState =
  | { kind: 'idle' }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'error'; message: string };

type Problems = { fields: Record<string, string>; items: ErrorSummaryItem[] };

const NO_PROBLEMS: Problems = { fields: {}, items: [] };

/** Server states that mean the sheet can no longer be edited here: reload to show what it is now. */
const STALE_CODES = new Set(['review_submitted', 'assignment_released', 'conflict_not_declared']);

type Props = {
  review: ReviewDetail;
  onChange: (review: ReviewDetail) => void;
  onStale: () => Promise<void>;
};

/** The reviewer's score sheet: one score and comment per rubric item, saved as a draft, then submitted. */
export function ScoreSheet({ review, onChange, onStale }: Props) {
  const { language, t } = useI18n();
  const { rubric } = review;
  const [values, setValues] = useState<SheetValues>(() => valuesFromReview(review));
  const [save, setSave] = useState<SaveState>(review.savedAt ? { kind: 'saved', at: review.savedAt } : { kind: 'idle' });
  const [problems, setProblems] = useState<Problems>(NO_PROBLEMS);
  const [attempts, setAttempts] = useState(0);
  const [confirming, setConfirming] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const proposals = new Map(review.proposal.map((entry) => [entry.id, entry]));
  const { total, scored } = runningTotal(rubric, values);
  const busy = save.kind === 'saving' || submitting;

  function edit(change: (current: SheetValues) => SheetValues) {
    setValues(change);
    setSave((current) => (current.kind === 'saving' ? current : { kind: 'dirty' }));
  }

  function showProblems(next: Problems) {
    setProblems(next);
    setAttempts((n) => n + 1);
  }

  function fromClient(list: SheetProblem[]): Problems {
    const fields: Record<string, string> = {};
    const items = list.map((problem) => {
      const message = t(problem.key, problem.values);
      fields[problem.fieldId] ??= message;
      return { fieldId: problem.fieldId, message };
    });
    return { fields, items };
  }

  function fromServer(error: unknown): Problems {
    if (!isApiError(error) || error.errors.length === 0) return { fields: {}, items: [{ message: describeError(error, t) }] };
    const fields: Record<string, string> = {};
    const items = error.errors.map((problem): ErrorSummaryItem => {
      const target = fieldIdForServerField(rubric, problem.field);
      if (!target) return { message: problem.message };
      fields[target.fieldId] ??= problem.message;
      const message = problem.message.includes(target.itemId) ? problem.message : `${target.itemId}: ${problem.message}`;
      return { fieldId: target.fieldId, message };
    });
    return { fields, items };
  }

  /** Saves the sheet; true when the server has it. */
  async function saveDraft(): Promise<boolean> {
    setSave({ kind: 'saving' });
    try {
      const updated = await saveScores(review.id, toRequest(rubric, values));
      setSave({ kind: 'saved', at: updated.savedAt ?? new Date().toISOString() });
      onChange(updated);
      return true;
    } catch (error) {
      setSave({ kind: 'error', message: describeError(error, t) });
      showProblems(fromServer(error));
      if (isApiError(error) && STALE_CODES.has(error.code)) await onStale();
      return false;
    }
  }

  async function handleSaveDraft() {
    if (busy) return;
    setConfirming(false);
    const found = checkSheet(rubric, values, 'draft');
    if (found.length > 0) return showProblems(fromClient(found));
    setProblems(NO_PROBLEMS);
    await saveDraft();
  }

  function handleSubmitStart() {
    if (busy) return;
    const found = checkSheet(rubric, values, 'submit');
    if (found.length > 0) {
      setConfirming(false);
      return showProblems(fromClient(found));
    }
    setProblems(NO_PROBLEMS);
    setConfirming(true);
  }

  async function handleSubmitConfirmed() {
    if (busy) return;
    setSubmitting(true);
    try {
      // The submission takes what the server holds, so the sheet on screen is saved first.
      if (!(await saveDraft())) return;
      const updated = await submitScores(review.id);
      setConfirming(false);
      onChange(updated);
    } catch (error) {
      showProblems(fromServer(error));
      if (isApiError(error) && STALE_CODES.has(error.code)) await onStale();
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <section className="section score-sheet" aria-labelledby="score-sheet-heading" data-testid="score-sheet">
      <h2 id="score-sheet-heading">{t('score.title')}</h2>
      <p>{t('score.intro')}</p>
      <div className="score-bar">
        <p className="score-bar__total" id="score-total" data-total={total}>
          {t('score.runningTotal', { total: formatPoints(total, language), max: formatPoints(rubric.maxTotal, language) })}{' '}
          <span className="muted">{t('score.itemsScored', { scored, count: rubric.items.length })}</span>
        </p>
        <p className="score-bar__status" id="save-status" role="status" aria-live="polite" data-state={save.kind}>
          {saveText(save, language, t)}
        </p>
      </div>
      <ErrorSummary title={t('errors.summaryTitle')} items={problems.items} focusSignal={attempts} />
      <form className="form score-form" id="score-form" noValidate onSubmit={(event) => event.preventDefault()} aria-busy={busy || undefined}>
        {groupBySection(rubric).map((entry) => ({ ...entry, heading: sectionHeading(entry, language) })).map(({ section, items, heading }) => (
          <section className="score-section" key={section} aria-labelledby={`score-section-${section}`} data-section={section}>
            <h3 id={`score-section-${section}`}>{heading.label ? t('score.sectionNamed', { section, label: heading.label, max: heading.max ?? '' }) : t('score.section', { section })}</h3>
            {items.map((item) => (
              <ScoreItem
                key={item.id}
                item={item}
                proposal={proposals.get(item.id)}
                score={values.scores[item.id] ?? ''}
                comment={values.comments[item.id] ?? ''}
                scoreError={problems.fields[scoreFieldId(item.id)]}
                commentError={problems.fields[commentFieldId(item.id)]}
                onScore={(text, unreadable) =>
                  edit((current) => ({ ...current, scores: { ...current.scores, [item.id]: text }, unreadable: { ...current.unreadable, [item.id]: unreadable } }))
                }
                onComment={(text) => edit((current) => ({ ...current, comments: { ...current.comments, [item.id]: text } }))}
              />
            ))}
          </section>
        ))}
        <div className="button-row">
          <button className="button button--secondary" type="button" id="save-draft" onClick={() => void handleSaveDraft()} aria-disabled={busy || undefined}>
            {save.kind === 'saving' && !submitting ? t('score.saving') : t('score.saveDraft')}
          </button>
          <button className="button" type="button" id="submit-scores" onClick={handleSubmitStart} aria-disabled={busy || undefined}>
            {t('score.submit')}
          </button>
        </div>
      </form>
      {confirming && (
        <SubmitConfirm
          total={formatPoints(total, language)}
          max={formatPoints(rubric.maxTotal, language)}
          submitting={submitting}
          onConfirm={() => void handleSubmitConfirmed()}
          onCancel={() => setConfirming(false)}
        />
      )}
    </section>
  );
}

function saveText(save: SaveState, language: Language, t: Translate): string {
  switch (save.kind) {
    case 'idle':
      return t('score.save.idle');
    case 'dirty':
      return t('score.save.dirty');
    case 'saving':
      return t('score.save.saving');
    case 'saved':
      return t('score.save.saved', { time: formatDateTime(save.at, language) });
    case 'error':
      return t('score.save.failed', { message: save.message });
  }
}

type ConfirmProps = { total: string; max: string; submitting: boolean; onConfirm: () => void; onCancel: () => void };

/** The last step before a final submission: it takes focus, so the question is read out. */
function SubmitConfirm({ total, max, submitting, onConfirm, onCancel }: ConfirmProps) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div className="confirm-box score-confirm" role="group" aria-labelledby="submit-confirm-title" aria-describedby="submit-confirm-body" tabIndex={-1} ref={ref} id="submit-confirm">
      <p className="notice__title" id="submit-confirm-title">
        {t('score.confirmTitle')}
      </p>
      <p id="submit-confirm-body">{t('score.confirmBody', { total, max })}</p>
      <div className="button-row">
        <button className="button" type="button" id="confirm-submit" onClick={onConfirm} aria-disabled={submitting || undefined}>
          {submitting ? t('score.submitting') : t('score.confirm')}
        </button>
        <button className="button button--secondary" type="button" id="cancel-submit" onClick={onCancel}>
          {t('score.cancel')}
        </button>
      </div>
    </div>
  );
}

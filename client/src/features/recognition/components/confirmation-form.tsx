import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { ConfirmStep } from '../../../components/ui/confirm-step';
import { ErrorSummary, type ErrorSummaryItem } from '../../../components/ui/error-summary';
import { TextField } from '../../../components/ui/text-field';
import { isApiError } from '../../../lib/api';
import { describeError } from '../../../lib/error-message';
import { formatFixed2 } from '../../../lib/format';
import { localize, useI18n, type MessageKey } from '../../../lib/i18n';
import { officerItemLabel, recognitionOutcomeText } from '../../../lib/recognition/labels';
import { OFFICER_ITEMS, confirmedTotal, expectedOutcome, hundredths, parsePoints, type PointsProblem } from '../../../lib/recognition/points';
import { confirmRequest } from '../api/confirm-request';
import type { Adjustment, RecognitionRequest } from '../types';

/** The server asks for a reason of at least this many characters. */
const MIN_REASON = 2;

const PROBLEM: Record<PointsProblem, MessageKey> = {
  notNumber: 'recognitionReview.errors.notNumber',
  negative: 'recognitionReview.errors.negative',
  tooLarge: 'recognitionReview.errors.tooLarge',
  decimals: 'recognitionReview.errors.decimals',
};

export const pointsFieldId = (item: string) => `adjust-${item}-points`;
export const reasonFieldId = (item: string) => `adjust-${item}-reason`;

type Entry = { points: string; reason: string };
/** One line of the form: a calculated item (with its points) or one the officer enters (computed null). */
type Line = { item: string; label: string; computed: number | null };

type Props = {
  request: RecognitionRequest;
  onConfirmed: (request: RecognitionRequest) => void;
};

/**
 * Officer: the confirmed value of each item (empty keeps the calculated one), a reason for each change, the
 * officer-entered tax and honours items, and the confirmed total as it will be recorded.
 */
export function ConfirmationForm({ request, onConfirmed }: Props) {
  const { language, t } = useI18n();
  const { result } = request;
  const lines = useMemo<Line[]>(
    () => [
      ...(result.scoreItems ?? []).map((item) => ({ item: item.id, label: localize(item.label, language), computed: item.points })),
      ...OFFICER_ITEMS.map((item) => ({ item, label: officerItemLabel(item, t), computed: null })),
    ],
    [result, language, t],
  );
  const [entries, setEntries] = useState<Record<string, Entry>>({});
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [failed, setFailed] = useState(0);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  // After "cancel", focus returns to the button that asked.
  const [cancelled, setCancelled] = useState(0);
  useEffect(() => {
    if (cancelled > 0) document.getElementById('recognition-confirm')?.focus();
  }, [cancelled]);

  const points = (value: number) => formatFixed2(value, language);
  const entry = (item: string): Entry => entries[item] ?? { points: '', reason: '' };

  /** The adjustment a line stands for now: a readable value that differs from the calculated one (or any value, for an officer item). */
  function adjustmentOf(line: Line): Adjustment | null {
    const parsed = parsePoints(entry(line.item).points);
    if (!parsed || !('value' in parsed)) return null;
    if (line.computed !== null && hundredths(parsed.value) === hundredths(line.computed)) return null;
    return { item: line.item, points: parsed.value, reason: entry(line.item).reason.trim() };
  }

  const adjustments = lines.flatMap((line) => {
    const adjustment = adjustmentOf(line);
    return adjustment ? [adjustment] : [];
  });
  const total = confirmedTotal(result, adjustments);
  const outcome = expectedOutcome(result, total);

  function update(item: string, change: Partial<Entry>) {
    // The question asked about other values: a change takes it back.
    setAsking(false);
    setEntries((current) => ({ ...current, [item]: { ...(current[item] ?? { points: '', reason: '' }), ...change } }));
  }

  function validate(): Record<string, string> {
    const errors: Record<string, string> = {};
    for (const line of lines) {
      const parsed = parsePoints(entry(line.item).points);
      if (parsed && 'problem' in parsed) {
        errors[pointsFieldId(line.item)] = t(PROBLEM[parsed.problem], { item: line.item });
        continue;
      }
      const adjustment = adjustmentOf(line);
      if (adjustment && adjustment.reason.length < MIN_REASON) errors[reasonFieldId(line.item)] = t('recognitionReview.errors.reason', { item: line.item });
    }
    return errors;
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const errors = validate();
    setGeneral([]);
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) {
      setAsking(false);
      setFailed((n) => n + 1);
      return;
    }
    setAsking(true);
  }

  /** The server names fields by their place in what was sent: `adjustments[2].reason`. */
  function mapServerErrors(error: unknown, sent: Adjustment[]) {
    const fields: Record<string, string> = {};
    const rest: string[] = [];
    if (isApiError(error) && error.errors.length > 0) {
      for (const { field, message } of error.errors) {
        const match = /^adjustments\[(\d+)\]\.(item|points|reason)$/.exec(field);
        const item = match ? sent[Number(match[1])]?.item : undefined;
        const id = item ? (match![2] === 'reason' ? reasonFieldId(item) : pointsFieldId(item)) : undefined;
        if (id && !fields[id]) fields[id] = message;
        else rest.push(message);
      }
    } else {
      rest.push(describeError(error, t));
    }
    setFieldErrors(fields);
    setGeneral(rest);
    setFailed((n) => n + 1);
  }

  async function handleConfirm() {
    if (busy) return;
    const sent = adjustments;
    setBusy(true);
    try {
      const confirmed = await confirmRequest(request.id, sent);
      onConfirmed(confirmed);
    } catch (error) {
      setAsking(false);
      mapServerErrors(error, sent);
    } finally {
      setBusy(false);
    }
  }

  const ids = lines.flatMap((line) => [pointsFieldId(line.item), reasonFieldId(line.item)]);
  const summary: ErrorSummaryItem[] = [
    ...general.map((message) => ({ message })),
    ...ids.flatMap((id) => (fieldErrors[id] ? [{ fieldId: id, message: fieldErrors[id] }] : [])),
  ];
  const changed = new Set(adjustments.map((adjustment) => adjustment.item));

  return (
    <>
      <ErrorSummary title={t('errors.summaryTitle')} items={summary} focusSignal={failed} />
      <form className="form confirmation-form" id="recognition-form" noValidate onSubmit={handleSubmit} aria-busy={busy || undefined}>
        <p>{t('recognitionReview.formIntro')}</p>
        {lines.map((line) => (
          <fieldset className="fieldset adjust-item" key={line.item} data-item={line.item} data-changed={changed.has(line.item) ? 'true' : undefined}>
            <legend className="adjust-item__legend">
              <span className="criterion__id">{line.item}</span> {line.label}
              <span className="adjust-item__computed">
                {line.computed === null ? t('recognitionReview.officerEntered') : t('recognitionReview.computedValue', { points: points(line.computed) })}
              </span>
              {changed.has(line.item) && <span className="tag adjust-item__tag">{t('recognitionReview.changed')}</span>}
            </legend>
            <div className="adjust-item__fields">
              <TextField
                id={pointsFieldId(line.item)}
                label={t('recognitionReview.itemPoints', { item: line.item })}
                hint={line.computed === null ? t('recognitionReview.officerPointsHint') : t('recognitionReview.itemPointsHint', { points: points(line.computed) })}
                value={entry(line.item).points}
                onChange={(value) => update(line.item, { points: value })}
                error={fieldErrors[pointsFieldId(line.item)]}
                inputMode="decimal"
                autoComplete="off"
                spellCheck={false}
                className="field__input--short"
              />
              <TextField
                id={reasonFieldId(line.item)}
                label={t('recognitionReview.itemReason', { item: line.item })}
                hint={line.computed === null ? t('recognitionReview.officerReasonHint') : t('recognitionReview.itemReasonHint')}
                value={entry(line.item).reason}
                onChange={(value) => update(line.item, { reason: value })}
                error={fieldErrors[reasonFieldId(line.item)]}
                autoComplete="off"
              />
            </div>
          </fieldset>
        ))}

        <div className="confirm-total" role="status">
          <p className="confirm-total__value" id="recognition-total" data-total={total}>
            {t('recognitionReview.total', { points: points(total), computed: points(result.score ?? 0) })}
          </p>
          <p id="recognition-expected" data-outcome={outcome}>
            {t('recognitionReview.expected', { outcome: recognitionOutcomeText(outcome, t), count: adjustments.length })}
          </p>
        </div>

        {asking ? (
          <ConfirmStep
            id="recognition-confirm-step"
            title={t('recognitionReview.confirmTitle', { name: request.member.name, points: points(total) })}
            confirmLabel={t('recognitionReview.confirmConfirm')}
            busyLabel={t('recognitionReview.confirmBusy')}
            cancelLabel={t('recognitionReview.cancel')}
            busy={busy}
            onConfirm={() => void handleConfirm()}
            onCancel={() => {
              setAsking(false);
              setCancelled((n) => n + 1);
            }}
          >
            <p>{t('recognitionReview.confirmBody', { count: adjustments.length, outcome: recognitionOutcomeText(outcome, t) })}</p>
          </ConfirmStep>
        ) : (
          <div className="button-row">
            <button className="button" type="submit" id="recognition-confirm">
              {t('recognitionReview.submit')}
            </button>
          </div>
        )}
      </form>
    </>
  );
}

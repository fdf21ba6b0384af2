import { useState, type FormEvent } from 'react';
import { ConfirmStep } from '../../../components/ui/confirm-step';
import { ErrorSummary, type ErrorSummaryItem } from '../../../components/ui/error-summary';
import { TextAreaField } from '../../../components/ui/text-area-field';

import { REJECT_REASONS, reasonText } from '../../../lib/decisions/labels';
import { errorSummaryItems } from '../../../lib/error-message';
import { formatYuan } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { decideApplication } from '../api/decide-application';
import type { DecisionInput, DecisionResult } from '../types';

const IDS = {
  approve: 'decision-outcome-approved',
  reject: 'decision-outcome-rejected',
  amount: 'decision-amount',
  amountReason: 'decision-amount-reason',
  reasons: `reason-${REJECT_REASONS[0]}`,
  note: 'decision-note',
};

/** Where each field the server names is on the form. */
const SERVER_FIELDS: Record<string, string> = {
  outcome: IDS.approve,
  amount: IDS.amount,
  amountReason: IDS.amountReason,
  reasons: IDS.reasons,
  note: IDS.note,
};

type Outcome = '' | 'approved' | 'rejected';

type Props = {
  applicationId: string;
  company: string;
  /** The computed award; null when none could be computed and the officer types the amount. */
  awardAmount: number | null;
  /** What is left of the call's budget. */
  remaining: number;
  appeal: boolean;
  onDecided: (result: DecisionResult) => Promise<void>;
};

/** Parses a whole number of yuan, allowing thousands separators; null when it is not one. */
function parseYuan(text: string): number | null {
  const cleaned = text.replace(/[\s,，]/g, '');
  if (!/^\d+$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return Number.isSafeInteger(value) ? value : null;
}

/** The officer's decision: approve (with an amount) or reject (with reasons), confirmed before it is sent. */
export function DecisionForm({ applicationId, company, awardAmount, remaining, appeal, onDecided }: Props) {
  const { language, t } = useI18n();
  const [outcome, setOutcome] = useState<Outcome>('');
  const [amount, setAmount] = useState(awardAmount === null ? '' : String(awardAmount));
  const [amountReason, setAmountReason] = useState('');
  const [reasons, setReasons] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<ErrorSummaryItem[]>([]);
  const [attempts, setAttempts] = useState(0);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const fieldError = (id: string) => errors.find((item) => item.fieldId === id)?.message;

  const parsedAmount = parseYuan(amount);
  const lowered = outcome === 'approved' && awardAmount !== null && parsedAmount !== null && parsedAmount < awardAmount;

  function fail(items: ErrorSummaryItem[]) {
    setConfirming(false);
    setErrors(items);
    setAttempts((n) => n + 1);
  }

  function check(): ErrorSummaryItem[] {
    const problems: ErrorSummaryItem[] = [];
    if (!outcome) problems.push({ fieldId: IDS.approve, message: t('decisionForm.errors.outcome') });
    if (outcome === 'approved') {
      if (parsedAmount === null || parsedAmount <= 0) problems.push({ fieldId: IDS.amount, message: t('decisionForm.errors.amount') });
      else if (parsedAmount > remaining) problems.push({ fieldId: IDS.amount, message: t('decisionForm.errors.overBudget', { remaining: formatYuan(remaining, language) }) });
      if (lowered && amountReason.trim() === '') problems.push({ fieldId: IDS.amountReason, message: t('decisionForm.errors.amountReason') });
    }
    if (outcome === 'rejected' && reasons.length === 0) problems.push({ fieldId: IDS.reasons, message: t('decisionForm.errors.reasons') });
    if (outcome === 'rejected' && reasons.includes('other') && note.trim() === '') problems.push({ fieldId: IDS.note, message: t('decisionForm.errors.note') });
    return problems;
  }

  function input(): DecisionInput {
    const trimmedNote = note.trim() || undefined;
    if (outcome === 'approved') {
      return { outcome, amount: parsedAmount ?? undefined, amountReason: lowered ? amountReason.trim() : undefined, reasons: [], note: trimmedNote };
    }
    return { outcome: 'rejected', reasons, note: trimmedNote };
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const problems = check();
    if (problems.length > 0) return fail(problems);
    setErrors([]);
    setConfirming(true);
  }

  async function handleConfirm() {
    setBusy(true);
    try {
      const result = await decideApplication(applicationId, input());
      setConfirming(false);
      await onDecided(result);
    } catch (error) {
      const items = errorSummaryItems(error, (field) => SERVER_FIELDS[field], t);
      fail(items);
    } finally {
      setBusy(false);
    }
  }

  function toggleReason(code: string, checked: boolean) {
    setReasons((current) => (checked ? [...current, code] : current.filter((entry) => entry !== code)));
  }

  const amountError = fieldError(IDS.amount);
  const reasonsError = fieldError(IDS.reasons);
  const outcomeError = fieldError(IDS.approve);
  const amountHint =
    awardAmount === null
      ? t('decisionForm.amountHintNoAward', { remaining: formatYuan(remaining, language) })
      : t('decisionForm.amountHint', { award: formatYuan(awardAmount, language), remaining: formatYuan(remaining, language) });

  return (
    <>
      <ErrorSummary title={t('errors.summaryTitle')} items={errors} focusSignal={attempts} />
      <form className="form narrow decision-form" id="decision-form" noValidate onSubmit={handleSubmit} aria-busy={busy || undefined}>
        <fieldset className={outcomeError ? 'field field--error fieldset fieldset--choice' : 'field fieldset fieldset--choice'} aria-describedby={outcomeError ? 'decision-outcome-error' : undefined}>
          <legend className="field__label">{appeal ? t('decisionForm.outcomeAppeal') : t('decisionForm.outcome')}</legend>
          {outcomeError && (
            <p className="field__error" id="decision-outcome-error">
              <span className="visually-hidden">{t('common.errorPrefix')}</span>
              {outcomeError}
            </p>
          )}
          <div className="choices">
            {(['approved', 'rejected'] as const).map((value) => {
              const id = value === 'approved' ? IDS.approve : IDS.reject;
              return (
                <div className="choice" key={value}>
                  <input className="choice__input" type="radio" id={id} name="outcome" value={value} checked={outcome === value} onChange={() => setOutcome(value)} />
                  <label className="choice__label" htmlFor={id}>
                    {value === 'approved' ? t('decisionForm.approve') : t('decisionForm.reject')}
                  </label>
                </div>
              );
            })}
          </div>
        </fieldset>

        {outcome === 'approved' && (
          <>
            <div className={amountError ? 'field field--error' : 'field'}>
              <label className="field__label" htmlFor={IDS.amount}>
                {t('decisionForm.amount')}
              </label>
              <p className="field__hint" id={`${IDS.amount}-hint`}>
                {amountHint}
              </p>
              {amountError && (
                <p className="field__error" id={`${IDS.amount}-error`}>
                  <span className="visually-hidden">{t('common.errorPrefix')}</span>
                  {amountError}
                </p>
              )}
              <div className="field__with-unit">
                <input
                  className="field__input field__input--number"
                  id={IDS.amount}
                  name="amount"
                  type="text"
                  inputMode="numeric"
                  autoComplete="off"
                  spellCheck={false}
                  value={amount}
                  onChange={(event) => setAmount(event.target.value)}
                  aria-invalid={amountError ? true : undefined}
                  aria-describedby={[`${IDS.amount}-hint`, `${IDS.amount}-unit`, amountError ? `${IDS.amount}-error` : ''].filter(Boolean).join(' ')}
                />
                <span className="field__unit" id={`${IDS.amount}-unit`}>
                  {t('decisionForm.yuan')}
                </span>
                {parsedAmount !== null && parsedAmount >= 10000 && (
                  <span className="field__preview" aria-hidden="true">
                    = {formatYuan(parsedAmount, language)}
                  </span>
                )}
              </div>
            </div>
            {lowered && (
              <TextAreaField
                id={IDS.amountReason}
                label={t('decisionForm.amountReason')}
                hint={t('decisionForm.amountReasonHint')}
                value={amountReason}
                onChange={setAmountReason}
                error={fieldError(IDS.amountReason)}
                required
                rows={3}
              />
            )}
          </>
        )}

        {outcome === 'rejected' && (
          <fieldset className={reasonsError ? 'field field--error fieldset' : 'field fieldset'} aria-describedby={['decision-reasons-hint', reasonsError ? 'decision-reasons-error' : ''].filter(Boolean).join(' ')}>
            <legend className="field__label">{t('decisionForm.reasons')}</legend>
            <p className="field__hint" id="decision-reasons-hint">
              {t('decisionForm.reasonsHint')}
            </p>
            {reasonsError && (
              <p className="field__error" id="decision-reasons-error">
                <span className="visually-hidden">{t('common.errorPrefix')}</span>
                {reasonsError}
              </p>
            )}
            {REJECT_REASONS.map((code) => (
              <div className="choice" key={code}>
                <input
                  className="choice__input"
                  type="checkbox"
                  id={`reason-${code}`}
                  name="reasons"
                  value={code}
                  checked={reasons.includes(code)}
                  onChange={(event) => toggleReason(code, event.target.checked)}
                />
                <label className="choice__label" htmlFor={`reason-${code}`}>
                  {reasonText(code, t)}
                </label>
              </div>
            ))}
          </fieldset>
        )}

        {outcome && (
          <TextAreaField
            id={IDS.note}
            label={t('decisionForm.note')}
            hint={t('decisionForm.noteHint')}
            value={note}
            onChange={setNote}
            error={fieldError(IDS.note)}
            required={reasons.includes('other') && outcome === 'rejected'}
            rows={3}
          />
        )}

        {!confirming && (
          <button className="button" type="submit" id="decision-submit">
            {t('decisionForm.submit')}
          </button>
        )}
      </form>
      {confirming && (
        <ConfirmStep
          id="decision-confirm"
          title={outcome === 'approved' ? t('decisionForm.confirmApproveTitle', { company }) : t('decisionForm.confirmRejectTitle', { company })}
          confirmLabel={t('decisionForm.confirm')}
          busyLabel={t('decisionForm.deciding')}
          cancelLabel={t('decisionForm.cancel')}
          busy={busy}
          danger={outcome === 'rejected'}
          onConfirm={() => void handleConfirm()}
          onCancel={() => setConfirming(false)}
        >
          {outcome === 'approved' ? (
            <p>{t('decisionForm.confirmApproveBody', { amount: formatYuan(parsedAmount ?? 0, language) })}</p>
          ) : (
            <>
              <p>{t('decisionForm.confirmRejectBody')}</p>
              <ul>
                {reasons.map((code) => (
                  <li key={code}>{reasonText(code, t)}</li>
                ))}
              </ul>
            </>
          )}
        </ConfirmStep>
      )}
    </>
  );
}

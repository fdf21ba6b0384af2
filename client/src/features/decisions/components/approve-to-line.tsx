import { useEffect, useRef, useState } from 'react';
import { ConfirmStep } from '../../../components/ui/confirm-step';
import { Notice } from '../../../components/ui/notice';
import { isApiError } from '../../../lib/api';
import { describeError } from '../../../lib/error-message';
import { formatYuan } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { approveToLine } from '../api/approve-to-line';
import type { ApproveToLineResult, Ranking } from '../types';

/** Conflicts after which the ranking on screen is out of date and must be loaded again. */
const STALE_CODES = new Set(['ranking_changed', 'budget_exceeded']);

type Props = { callId: string; ranking: Ranking; onChanged: () => Promise<void> };

/** Approves every application above the funding line in one go, after a confirmation step. */
export function ApproveToLine({ callId, ranking, onChanged }: Props) {
  const { language, t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [result, setResult] = useState<ApproveToLineResult | null>(null);
  const above = ranking.items.filter((item) => item.aboveLine);
  const total = above.reduce((sum, item) => sum + (item.award.amount ?? 0), 0);
  const companies = new Map(ranking.items.map((item) => [item.applicationId, item.company.name]));
  // The button pressed is gone after approving: move focus to what happened (or what went wrong).
  const outcomeRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (result || error) outcomeRef.current?.focus();
  }, [result, error]);

  async function handleConfirm() {
    setBusy(true);
    setError('');
    setResult(null);
    try {
      const done = await approveToLine(callId, above.map((item) => item.applicationId));
      setResult(done);
      setConfirming(false);
      await onChanged();
    } catch (failure) {
      setError(describeError(failure, t));
      setConfirming(false);
      if (isApiError(failure) && STALE_CODES.has(failure.code)) await onChanged();
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="section" aria-labelledby="approve-line-heading">
      <h2 id="approve-line-heading">{t('approveLine.title')}</h2>
      {result && (
        <Notice kind="success">
          <p className="notice__title focus-heading" id="approve-line-done" tabIndex={-1} ref={outcomeRef}>
            {t('approveLine.done', { count: result.approved.length, remaining: formatYuan(result.budget.remaining, language) })}
          </p>
          <ul className="plain-list" id="approve-line-letters">
            {result.approved.map((entry) => (
              <li key={entry.applicationId} data-application={entry.applicationId}>
                {t('approveLine.doneLine', {
                  company: companies.get(entry.applicationId) ?? entry.applicationId,
                  reference: entry.reference,
                  amount: formatYuan(entry.amount, language),
                })}
              </li>
            ))}
          </ul>
        </Notice>
      )}
      {error && (
        <Notice kind="error">
          <p id="approve-line-error" className="focus-heading" tabIndex={-1} ref={outcomeRef}>
            {error}
          </p>
        </Notice>
      )}
      {above.length === 0 ? (
        <p id="approve-line-none">{t('approveLine.none')}</p>
      ) : (
        <>
          <p>{t('approveLine.explain', { count: above.length, amount: formatYuan(total, language), remaining: formatYuan(ranking.budget.remaining, language) })}</p>
          {!confirming ? (
            <button className="button" type="button" id="approve-line" onClick={() => setConfirming(true)}>
              {t('approveLine.button', { count: above.length })}
            </button>
          ) : (
            <ConfirmStep
              id="approve-line-confirm"
              title={t('approveLine.confirmTitle', { count: above.length })}
              confirmLabel={t('approveLine.confirm')}
              busyLabel={t('approveLine.approving')}
              cancelLabel={t('approveLine.cancel')}
              busy={busy}
              onConfirm={() => void handleConfirm()}
              onCancel={() => setConfirming(false)}
            >
              <ul>
                {above.map((item) => (
                  <li key={item.applicationId}>
                    {t('approveLine.confirmLine', {
                      rank: item.rank,
                      company: item.company.name,
                      amount: item.award.amount === null ? t('ranking.amountToSet') : formatYuan(item.award.amount, language),
                    })}
                  </li>
                ))}
              </ul>
              <p>{t('approveLine.confirmBody', { amount: formatYuan(total, language) })}</p>
            </ConfirmStep>
          )}
        </>
      )}
    </section>
  );
}

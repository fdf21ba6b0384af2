import { formatDate, formatDateTime } from '../../lib/datetime';
import { outcomeText, reasonText, stageText } from '../../lib/decisions/labels';
import type { Decision } from '../../lib/decisions/types';
import { formatYuan } from '../../lib/format';
import { localize, useI18n } from '../../lib/i18n';
import { Notice } from './notice';

/** What was decided: outcome, amount, reasons, the payment schedule and any revocation, in words. */
export function DecisionSummary({ decision }: { decision: Decision }) {
  const { language, t } = useI18n();
  const separator = language === 'en' ? '; ' : '；';
  const lowered = decision.outcome === 'approved' && decision.awardAmount !== null && decision.amount !== null && decision.amount < decision.awardAmount;
  const shownOutcome = decision.revoked ? 'revoked' : decision.outcome;
  return (
    <div className="decision-summary" data-testid="decision-summary" data-outcome={shownOutcome}>
      {decision.revoked && (
        <Notice kind="error">
          <p>{t('decision.revokedNote', { at: formatDateTime(decision.revoked.at, language), reason: decision.revoked.reason })}</p>
        </Notice>
      )}
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>{t('decision.outcome')}</dt>
          <dd>
            <span className={`status status--${shownOutcome}`} id="decision-outcome" data-outcome={shownOutcome}>
              {outcomeText(shownOutcome, t)}
            </span>
            <span className="muted">{stageText(decision.stage, t)}</span>
          </dd>
        </div>
        {decision.outcome === 'approved' && decision.amount !== null && (
          <div className="summary-list__row">
            <dt>{t('decision.amount')}</dt>
            <dd data-amount={decision.amount}>
              <strong>{formatYuan(decision.amount, language)}</strong>
              {lowered && <span className="muted"> {t('decision.awardWas', { amount: formatYuan(decision.awardAmount!, language) })}</span>}
            </dd>
          </div>
        )}
        {decision.amountReason && (
          <div className="summary-list__row">
            <dt>{t('decision.amountReason')}</dt>
            <dd className="score-comment">{decision.amountReason}</dd>
          </div>
        )}
        {decision.reasons.length > 0 && (
          <div className="summary-list__row">
            <dt>{t('decision.reasons')}</dt>
            <dd>{decision.reasons.map((code) => reasonText(code, t)).join(separator)}</dd>
          </div>
        )}
        {decision.note && (
          <div className="summary-list__row">
            <dt>{t('decision.note')}</dt>
            <dd className="score-comment">{decision.note}</dd>
          </div>
        )}
        <div className="summary-list__row">
          <dt>{t('decision.decidedAt')}</dt>
          <dd>{formatDateTime(decision.decidedAt, language)}</dd>
        </div>
        {decision.appealDeadline && (
          <div className="summary-list__row">
            <dt>{t('decision.appealDeadline')}</dt>
            <dd>
              <time dateTime={decision.appealDeadline}>{formatDate(decision.appealDeadline, language)}</time>
            </dd>
          </div>
        )}
      </dl>
      {decision.paymentSchedule.length > 0 && (
        <div className="table-wrap">
          <table className="table" id="payment-schedule">
            <caption className="table__caption">{t('decision.paymentSchedule')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('decision.paymentStage')}</th>
                <th scope="col" className="table__number">
                  {t('decision.paymentAmount')}
                </th>
                <th scope="col">{t('decision.paymentWhen')}</th>
              </tr>
            </thead>
            <tbody>
              {decision.paymentSchedule.map((line, index) => (
                <tr key={index}>
                  <th scope="row">{localize(line.label, language)}</th>
                  <td className="table__number">{formatYuan(line.amount, language)}</td>
                  <td>{localize(line.when, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

import { formatDateTime } from '../../lib/datetime';
import { useI18n } from '../../lib/i18n';
import { formatPoints } from '../../lib/reviews/rubric';
import type { ModeratedBy, PanelScore } from '../../lib/reviews/score';

function byName(by: ModeratedBy): string {
  return typeof by === 'string' ? by : by.displayName;
}

/** Rows for a summary list: the panel's mean, spread, final total and any moderation. */
export function ScoreSummary({ score }: { score: PanelScore }) {
  const { language, t } = useI18n();
  return (
    <>
      <div className="summary-list__row">
        <dt>{t('moderation.meanTotal')}</dt>
        <dd data-mean-total={score.mean.total}>{formatPoints(score.mean.total, language)}</dd>
      </div>
      <div className="summary-list__row">
        <dt>{t('moderation.spread')}</dt>
        <dd data-spread={score.spread}>
          {formatPoints(score.spread, language)}
          {score.flagged && <span className="tag tag--flag"> {t('panels.flagged')}</span>}
        </dd>
      </div>
      <div className="summary-list__row">
        <dt>{t('moderation.finalTotal')}</dt>
        <dd data-final-total={score.final}>
          <strong>{formatPoints(score.final, language)}</strong>
          {score.moderated && (
            <span className="muted">
              {' '}
              {t('moderation.moderatedNote', {
                by: byName(score.moderated.by),
                at: formatDateTime(score.moderated.at, language),
                reason: score.moderated.reason,
              })}
            </span>
          )}
        </dd>
      </div>
    </>
  );
}

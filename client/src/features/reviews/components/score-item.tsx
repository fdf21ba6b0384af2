import { ServerText } from '../../../components/ui/server-text';
import { localize, useI18n } from '../../../lib/i18n';
import { formatPoints, type RubricItem } from '../../../lib/reviews/rubric';
import { commentFieldId, overlaps, scoreFieldId } from '../score-sheet';
import type { Proposal } from '../types';

type Props = {
  item: RubricItem;
  proposal: Proposal | undefined;
  score: string;
  comment: string;
  scoreError?: string;
  commentError?: string;
  onScore: (text: string, unreadable: boolean) => void;
  onComment: (text: string) => void;
};

/**
 * One rubric item: its range, the expert bands, the band the platform proposes from the firm's figures
 * (marked in words, not only colour), a score and a required comment.
 */
export function ScoreItem({ item, proposal, score, comment, scoreError, commentError, onScore, onComment }: Props) {
  const { language, t } = useI18n();
  const scoreId = scoreFieldId(item.id);
  const commentId = commentFieldId(item.id);
  const rangeId = `${scoreId}-range`;
  const proposalId = `${scoreId}-proposal`;
  const range = t('precheck.pointsRange', { min: formatPoints(item.min, language), max: formatPoints(item.max, language) });
  const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;

  return (
    <fieldset
      className={scoreError || commentError ? 'score-item score-item--error' : 'score-item'}
      id={`item-${item.id}`}
      data-testid={`score-item-${item.id}`}
      data-item={item.id}
    >
      <legend className="score-item__legend">
        <span className="criterion__id">{item.id}</span> {localize(item.label, language)}
      </legend>
      <p className="score-item__range" id={rangeId}>
        {t('score.range', { range })}
      </p>
      {item.bands && item.bands.length > 0 && (
        <ul className="band-list" aria-label={t('score.bandsLabel', { id: item.id })}>
          {item.bands.map((band) => {
            const proposed = proposal !== undefined && overlaps(band, proposal);
            return (
              <li className={proposed ? 'band band--proposed' : 'band'} key={band.code} data-band={band.code} data-proposed={proposed || undefined}>
                <span className="band__code">{band.code}</span> {formatPoints(band.min, language)}–{formatPoints(band.max, language)}
                {proposed && <span className="band__mark"> {t('score.proposedMark')}</span>}
              </li>
            );
          })}
        </ul>
      )}
      {proposal && (
        <div className="proposal" id={proposalId} data-testid={`proposal-${item.id}`}>
          <p className="proposal__title">
            {t('score.proposal', {
              range: t('precheck.pointsRange', { min: formatPoints(proposal.min, language), max: formatPoints(proposal.max, language) }),
            })}
          </p>
          <p className="proposal__basis">
            <ServerText value={proposal.basis} />
          </p>
        </div>
      )}
      <div className={scoreError ? 'field field--error score-item__field' : 'field score-item__field'}>
        <label className="field__label" htmlFor={scoreId}>
          {t('score.scoreLabel', { id: item.id })}
        </label>
        {scoreError && (
          <p className="field__error" id={`${scoreId}-error`}>
            <span className="visually-hidden">{t('common.errorPrefix')}</span>
            {scoreError}
          </p>
        )}
        <input
          className="field__input field__input--score"
          id={scoreId}
          name={scoreId}
          type="number"
          inputMode="decimal"
          min={item.min}
          max={item.max}
          step="any"
          autoComplete="off"
          value={score}
          onChange={(event) => onScore(event.target.value, event.target.validity.badInput)}
          aria-invalid={scoreError ? true : undefined}
          aria-describedby={describedBy(rangeId, proposal && proposalId, scoreError && `${scoreId}-error`)}
        />
      </div>
      <div className={commentError ? 'field field--error score-item__field' : 'field score-item__field'}>
        <label className="field__label" htmlFor={commentId}>
          {t('score.commentLabel', { id: item.id })}
        </label>
        {commentError && (
          <p className="field__error" id={`${commentId}-error`}>
            <span className="visually-hidden">{t('common.errorPrefix')}</span>
            {commentError}
          </p>
        )}
        <textarea
          className="field__input field__textarea"
          id={commentId}
          name={commentId}
          rows={3}
          required
          aria-required="true"
          value={comment}
          onChange={(event) => onComment(event.target.value)}
          aria-invalid={commentError ? true : undefined}
          aria-describedby={describedBy(commentError && `${commentId}-error`)}
        />
      </div>
    </fieldset>
  );
}

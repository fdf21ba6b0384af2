import { LetterList } from '../../../components/ui/letter-list';
import { ServerText } from '../../../components/ui/server-text';
import { formatDateTime } from '../../../lib/datetime';
import { formatFixed2 } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { officerItemLabel, recognitionOutcomeText } from '../../../lib/recognition/labels';
import type { RecognitionRequest } from '../types';

/** A confirmed request: the confirmed points and outcome, the officer's changes with reasons, and the recognition letter. */
export function RecognitionResult({ request }: { request: RecognitionRequest }) {
  const { language, t } = useI18n();
  const points = (value: number) => formatFixed2(value, language);
  const items = new Map((request.result.scoreItems ?? []).map((item) => [item.id, item]));
  const letters = request.letters ?? [];

  return (
    <section className="section" id="recognition-result" aria-labelledby="recognition-result-heading">
      <h2 id="recognition-result-heading">{t('confirmed.title')}</h2>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>{t('confirmed.points')}</dt>
          <dd id="recognition-confirmed-points" data-points={request.confirmedPoints ?? undefined}>
            <strong>{request.confirmedPoints === null ? '—' : t('breakdown.pointsValue', { points: points(request.confirmedPoints) })}</strong>{' '}
            <span className="muted">{t('confirmed.computedNote', { points: points(request.computedPoints) })}</span>
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>{t('confirmed.outcome')}</dt>
          <dd>
            <span className={`status status--recognition-${request.confirmedOutcome ?? 'none'}`} id="recognition-confirmed-outcome" data-outcome={request.confirmedOutcome ?? undefined}>
              {recognitionOutcomeText(request.confirmedOutcome, t)}
            </span>
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>{t('confirmed.at')}</dt>
          <dd>{formatDateTime(request.confirmedAt, language)}</dd>
        </div>
      </dl>

      {request.adjustments.length === 0 ? (
        <p id="recognition-adjustments-none">{t('confirmed.noAdjustments')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table" id="recognition-adjustments">
            <caption className="table__caption">{t('confirmed.adjustmentsCaption', { count: request.adjustments.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('breakdown.item')}</th>
                <th scope="col" className="table__number">
                  {t('confirmed.computed')}
                </th>
                <th scope="col" className="table__number">
                  {t('confirmed.confirmed')}
                </th>
                <th scope="col">{t('confirmed.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {request.adjustments.map((adjustment) => {
                const item = items.get(adjustment.item);
                return (
                  <tr key={adjustment.item} data-adjustment={adjustment.item}>
                    <th scope="row">
                      <span className="criterion__id">{adjustment.item}</span> {item ? <ServerText value={item.label} /> : officerItemLabel(adjustment.item, t)}
                    </th>
                    <td className="table__number">{item ? points(item.points) : '—'}</td>
                    <td className="table__number">{points(adjustment.points)}</td>
                    <td>{adjustment.reason}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      <h3 id="recognition-letters-heading">{t('confirmed.lettersTitle')}</h3>
      {letters.length === 0 ? (
        <p id="recognition-letters-empty">{t('confirmed.noLetter')}</p>
      ) : (
        <div id="recognition-letters">
          <p className="muted">{t('letters.applicantHint')}</p>
          <LetterList letters={letters} caption={t('confirmed.lettersCaption', { count: letters.length })} />
        </div>
      )}
    </section>
  );
}

import { formatDateTime } from '../../../lib/datetime';
import { formatParameterValue } from '../../../lib/format';
import { useI18n, type MessageKey } from '../../../lib/i18n';
import { statusLabel } from '../status';
import type { HistoryEntry } from '../types';

const EVENTS: Record<string, MessageKey> = {
  start: 'timeline.event.start',
  submit: 'timeline.event.submit',
  screen_out: 'timeline.event.screen_out',
  withdraw: 'timeline.event.withdraw',
  return: 'timeline.event.return',
  resubmit: 'timeline.event.resubmit',
  assign: 'timeline.event.assign',
  score: 'timeline.event.score',
  approve: 'timeline.event.approve',
  reject: 'timeline.event.reject',
  notice: 'timeline.event.notice',
  revoke: 'timeline.event.revoke',
  appeal: 'timeline.event.appeal',
};

/** Changed facts of a resubmission: `{ changedFacts: [names] }` (what the server sends), `{ name: { from, to } }` or a list of names. */
function changeLines(changes: unknown, labelOf: (name: string) => string, language: 'zh-CN' | 'en'): string[] {
  if (!changes) return [];
  if (Array.isArray(changes)) return changes.map((item) => (typeof item === 'string' ? labelOf(item) : JSON.stringify(item)));
  if (typeof changes !== 'object') return [String(changes)];
  const source = changes as Record<string, unknown>;
  if (Array.isArray(source.changedFacts)) return source.changedFacts.map((name) => labelOf(String(name)));
  const facts = typeof source.facts === 'object' && source.facts !== null ? (source.facts as Record<string, unknown>) : source;
  return Object.entries(facts).map(([name, change]) => {
    if (change && typeof change === 'object' && !Array.isArray(change) && ('from' in change || 'to' in change)) {
      const { from, to } = change as { from?: unknown; to?: unknown };
      return `${labelOf(name)}: ${formatParameterValue(from, undefined, language).join(', ')} → ${formatParameterValue(to, undefined, language).join(', ')}`;
    }
    return `${labelOf(name)}: ${formatParameterValue(change, undefined, language).join(', ')}`;
  });
}

export function Timeline({ history, labelOf }: { history: HistoryEntry[]; labelOf: (name: string) => string }) {
  const { language, t } = useI18n();
  if (history.length === 0) return <p>{t('timeline.empty')}</p>;
  const label = (status: string | null) => {
    const key = statusLabel(status);
    return key ? t(key) : status ?? '—';
  };
  return (
    <ol className="timeline" id="timeline">
      {history.map((entry, index) => {
        const lines = changeLines(entry.changes, labelOf, language);
        return (
          <li className="timeline__item" key={index} data-event={entry.event}>
            <p className="timeline__head">
              <time dateTime={entry.at}>{formatDateTime(entry.at, language)}</time>{' '}
              <strong>{EVENTS[entry.event] ? t(EVENTS[entry.event]) : entry.event}</strong>
            </p>
            <p>
              {entry.from ? t('timeline.fromTo', { from: label(entry.from), to: label(entry.to) }) : t('timeline.to', { to: label(entry.to) })}
              {entry.by && <> · {t('timeline.by', { name: entry.by })}</>}
            </p>
            {entry.note && <p className="timeline__note">{t('timeline.note', { note: entry.note })}</p>}
            {lines.length > 0 && (
              <div>
                <p className="small-heading">{t('timeline.changes')}</p>
                <ul className="plain-list">
                  {lines.map((line, i) => (
                    <li key={i}>{line}</li>
                  ))}
                </ul>
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}

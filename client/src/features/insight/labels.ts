import { statusLabel } from '../applications/status';
import { formatNumber, formatQuantity } from '../../lib/format';
import type { Language, MessageKey, Translate } from '../../lib/i18n';
import type { ScreeningOutcome } from './types';

/** An application status in words (the status code itself when the client does not know it). */
export function statusText(status: string, t: Translate): string {
  const key = statusLabel(status);
  return key ? t(key) : status;
}

const OUTCOMES: Record<ScreeningOutcome, MessageKey> = {
  eligible: 'insight.outcome.eligible',
  ineligible: 'insight.outcome.ineligible',
  incomplete: 'insight.outcome.incomplete',
};

/** A screening outcome in words; null is an application not screened yet. */
export function outcomeText(outcome: string | null, t: Translate): string {
  if (outcome === null) return t('insight.outcome.none');
  const key = OUTCOMES[outcome as ScreeningOutcome];
  return key ? t(key) : outcome;
}

/** "label: figure" pairs as one sentence part, for a chart's summary. */
export function listText(pairs: [string, string][], language: Language): string {
  return pairs.map(([label, figure]) => `${label}${language === 'en' ? ': ' : '：'}${figure}`).join(language === 'en' ? '; ' : '；');
}

export function count(value: number, language: Language): string {
  return formatNumber(value, language, 0);
}

/** Days to one decimal place ("12.5 天" / "12.5 days"), or the words for no figure. */
export function days(value: number | null, language: Language, t: Translate): string {
  if (value === null || !Number.isFinite(value)) return t('insight.processing.none');
  return formatQuantity(Math.round(value * 10) / 10, 'days', language);
}

/** A change in a count as words that do not rely on colour: "+2", "−3", "no change". */
export function changeText(before: number, after: number, language: Language, t: Translate): string {
  const delta = after - before;
  if (delta === 0) return t('simulate.change.none');
  return delta > 0 ? t('simulate.change.more', { n: count(delta, language) }) : t('simulate.change.fewer', { n: count(-delta, language) });
}

/** A label cut to `length` characters with an ellipsis, for chart axes (the table beside the chart has it whole). */
export function shorten(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

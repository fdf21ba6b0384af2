import { parseNumber } from '../../lib/facts/form-values';
import { clean, formatNumber, formatQuantity, formatYuan } from '../../lib/format';
import type { Language } from '../../lib/i18n';

/**
 * A number as an input shows it: ratios as a percentage ("0.3" → "30"), everything else as it is, without
 * thousands separators so the browser's number input takes it.
 */
export function toInputText(value: number, unit: string | undefined): string {
  return String(unit === 'ratio' ? clean(value * 100) : clean(value));
}

/** What the officer typed, back as the number to send: a percentage becomes the exact fraction ("30" → 0.3). */
export function fromInputText(text: string, unit: string | undefined): number | null {
  return parseNumber(text, unit === 'ratio' ? 'ratio' : undefined);
}

/** A plan target's figure in its unit: a count, yuan, or a ratio as a percentage. */
export function formatTargetFigure(value: number, unit: string, language: Language): string {
  switch (unit) {
    case 'ratio':
      return `${formatNumber(clean(value * 100), language, 2)}%`;
    case 'yuan':
      return formatYuan(value, language);
    case 'count':
      return formatNumber(value, language);
    default:
      return formatQuantity(value, unit, language);
  }
}

/** A share as a percentage to one decimal place: "42.5%". */
export function formatShare(ratio: number, language: Language): string {
  return `${formatNumber(clean(ratio * 100), language, 1)}%`;
}

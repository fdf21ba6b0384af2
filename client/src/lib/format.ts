/**
 * How numbers, money and rule-set parameter values appear on screen, in either language.
 * Ratios are shown as percentages, yuan with thousands separators (万元 in Chinese from 10,000 up).
 */
import type { Language, Localized } from './i18n';

type UnitWords = { zh: string; en: string };

/** The word shown after a number of each unit (empty for units that format themselves). */
const UNIT_WORDS: Record<string, UnitWords> = {
  count: { zh: '个', en: '' },
  years: { zh: '年', en: 'years' },
  months: { zh: '个月', en: 'months' },
  hours: { zh: '小时', en: 'hours' },
  points: { zh: '分', en: 'points' },
  days: { zh: '天', en: 'days' },
};

/** Removes binary-float noise (0.07 * 100 = 7.000000000000001) without rounding real digits away. */
export function clean(value: number): number {
  return Number.isFinite(value) ? Number(value.toPrecision(12)) : value;
}

export function formatNumber(value: number, language: Language, maximumFractionDigits = 6): string {
  return new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'zh-CN', { maximumFractionDigits }).format(clean(value));
}

/** Two decimals always, e.g. residence points "97.50". */
export function formatFixed2(value: number, language: Language): string {
  return new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'zh-CN', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(value);
}

export function formatPercent(ratio: number, language: Language): string {
  return `${formatNumber(clean(ratio * 100), language, 4)}%`;
}

export function formatYuan(amount: number, language: Language): string {
  if (language === 'en') return `${formatNumber(amount, language, 2)} yuan`;
  if (Math.abs(amount) >= 10000) return `${formatNumber(clean(amount / 10000), language, 4)} 万元`;
  return `${formatNumber(amount, language, 2)} 元`;
}

export function formatUsd(amount: number, language: Language): string {
  if (language === 'en') return `US$${formatNumber(amount, language, 2)}`;
  if (Math.abs(amount) >= 100000000) return `${formatNumber(clean(amount / 100000000), language, 4)} 亿美元`;
  if (Math.abs(amount) >= 10000) return `${formatNumber(clean(amount / 10000), language, 4)} 万美元`;
  return `${formatNumber(amount, language, 2)} 美元`;
}

/** A number in a unit: "60%", "5,000 万元", "3 年", "25 points". */
export function formatQuantity(value: number, unit: string | undefined, language: Language): string {
  switch (unit) {
    case 'ratio':
      return formatPercent(value, language);
    case 'yuan':
      return formatYuan(value, language);
    case 'usd':
      return formatUsd(value, language);
    default: {
      const words = unit ? UNIT_WORDS[unit] : undefined;
      const word = words ? (language === 'en' ? words.en : words.zh) : '';
      const number = formatNumber(value, language);
      if (!word) return number;
      return language === 'en' ? `${number} ${word}` : `${number} ${word}`;
    }
  }
}

/** The unit as a word for beside an input ("元", "%", "years"); empty when it has none. */
export function unitWord(unit: string | undefined, language: Language): string {
  switch (unit) {
    case 'ratio':
      return '%';
    case 'yuan':
      return language === 'en' ? 'yuan' : '元';
    case 'usd':
      return language === 'en' ? 'US$' : '美元';
    case 'count':
      return language === 'en' ? 'number' : '个（人）';
    default: {
      const words = unit ? UNIT_WORDS[unit] : undefined;
      return words ? (language === 'en' ? words.en : words.zh) : '';
    }
  }
}

export type Band = { atLeast?: number; above?: number; min?: number; max?: number; points?: number; amount?: number };

export function isBand(value: unknown): value is Band {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return (
    keys.length > 0 &&
    keys.every((key) => ['atLeast', 'above', 'min', 'max', 'points', 'amount'].includes(key)) &&
    Object.values(value).every((v) => typeof v === 'number')
  );
}

/**
 * One band of a table. With `points` or `amount`, `max` is the band's upper edge ("18–30 → 30 points");
 * without them, `min`–`max` is the range the band gives ("≥ 5 → 5–6").
 */
export function formatBand(band: Band, language: Language): string {
  const gives = band.points !== undefined || band.amount !== undefined;
  const lower =
    band.atLeast !== undefined
      ? formatNumber(band.atLeast, language)
      : band.above !== undefined
        ? formatNumber(band.above, language)
        : undefined;
  let condition: string;
  if (gives && band.max !== undefined && band.atLeast !== undefined) condition = `${lower}–${formatNumber(band.max, language)}`;
  else if (band.atLeast !== undefined) condition = `≥ ${lower}`;
  else if (band.above !== undefined) condition = `> ${lower}`;
  else condition = language === 'en' ? 'otherwise' : '其他';
  const results: string[] = [];
  if (!gives && (band.min !== undefined || band.max !== undefined)) {
    results.push(`${formatNumber(band.min ?? 0, language)}–${formatNumber(band.max ?? band.min ?? 0, language)}`);
  }
  if (band.points !== undefined) results.push(formatQuantity(band.points, 'points', language));
  if (band.amount !== undefined) results.push(formatYuan(band.amount, language));
  return `${condition} → ${results.join(', ')}`;
}

/** Labels for enum codes (e.g. "invention" → "发明专利（Ⅰ类）"), collected from a fact schema. */
export type EnumLabels = Record<string, Localized>;

export function collectEnumLabels(schema: unknown, into: EnumLabels = {}): EnumLabels {
  if (Array.isArray(schema)) {
    for (const item of schema) collectEnumLabels(item, into);
  } else if (typeof schema === 'object' && schema !== null) {
    for (const [key, value] of Object.entries(schema)) {
      if (key === 'x-enumLabels' && typeof value === 'object' && value !== null) {
        for (const [code, label] of Object.entries(value as Record<string, unknown>)) {
          if (isLocalized(label) && !into[code]) into[code] = label;
        }
      } else {
        collectEnumLabels(value, into);
      }
    }
  }
  return into;
}

function isLocalized(value: unknown): value is Localized {
  return typeof value === 'object' && value !== null && typeof (value as Localized).zh === 'string';
}

/** A structured parameter value as lines of text (bands, lists, maps), or one line for a scalar. */
export function formatParameterValue(
  value: unknown,
  unit: string | undefined,
  language: Language,
  enumLabels: EnumLabels = {},
): string[] {
  if (value === null || value === undefined) return ['—'];
  if (typeof value === 'number') return [formatQuantity(value, unit, language)];
  if (typeof value === 'boolean') return [value ? (language === 'en' ? 'Yes' : '是') : language === 'en' ? 'No' : '否'];
  if (typeof value === 'string') return [labelOf(value, language, enumLabels)];
  if (Array.isArray(value)) {
    if (value.length === 0) return ['—'];
    if (value.every(isBand)) return value.map((band) => formatBand(band, language));
    if (value.every((item) => typeof item === 'string')) {
      return [value.map((item) => labelOf(item as string, language, enumLabels)).join(language === 'en' ? '; ' : '；')];
    }
    if (value.every((item) => typeof item === 'number')) {
      return [value.map((item) => formatQuantity(item as number, unit, language)).join(', ')];
    }
    return [JSON.stringify(value)];
  }
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).map(([key, item]) => {
      const text = typeof item === 'number' ? formatQuantity(item, unit, language) : JSON.stringify(item);
      return `${labelOf(key, language, enumLabels)}: ${text}`;
    });
  }
  return [String(value)];
}

function labelOf(code: string, language: Language, enumLabels: EnumLabels): string {
  const label = enumLabels[code];
  if (!label) return code;
  return language === 'en' ? label.en || label.zh : label.zh || label.en;
}

/** A file size for people: "812 B", "34.5 KB", "2.1 MB". */
export function formatFileSize(bytes: number, language: Language): string {
  if (bytes >= 1024 * 1024) return `${formatNumber(bytes / (1024 * 1024), language, 1)} MB`;
  if (bytes >= 1024) return `${formatNumber(bytes / 1024, language, 1)} KB`;
  return `${formatNumber(bytes, language, 1)} B`;
}

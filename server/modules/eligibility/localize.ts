// Results carry every text in both languages; the HTTP answer carries the caller's.
import type { Language } from '../../i18n/language.ts';

function isBilingual(value: unknown): value is { zh: string; en: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 2 && typeof (value as { zh?: unknown }).zh === 'string' && typeof (value as { en?: unknown }).en === 'string';
}

/** Replaces every { zh, en } pair in a value by the string in `language`. */
export function localizeDeep<T>(value: T, language: Language): unknown {
  if (isBilingual(value)) return language === 'en' ? value.en : value.zh;
  if (Array.isArray(value)) return value.map((item) => localizeDeep(item, language));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, localizeDeep(item, language)]));
  }
  return value;
}

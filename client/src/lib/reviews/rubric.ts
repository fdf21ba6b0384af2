/**
 * The expert rubric as the review API sends it, and the small sums both the reviewer's score sheet
 * and the officer's moderation page need. Shared here because features do not import each other.
 */
import { formatNumber } from '../format';
import type { Language, Localized } from '../i18n';

/** An expert band of an item, e.g. { code: 'A', min: 7, max: 8 }. */
export type RubricBand = { code: string; min: number; max: number };

export type RubricItem = {
  id: string;
  label: Localized;
  section: string;
  min: number;
  max: number;
  bands?: RubricBand[];
};

export type Rubric = { maxTotal: number; items: RubricItem[] };

/** Item scores or comments keyed by rubric item id. */
export type ItemMap<T> = { [itemId: string]: T };

export type RubricSection = { section: string; items: RubricItem[] };

/** The rubric's items grouped by section, in the order the sections first appear. */
export function groupBySection(rubric: Rubric): RubricSection[] {
  const sections: RubricSection[] = [];
  for (const item of rubric.items) {
    const last = sections.find((entry) => entry.section === item.section);
    if (last) last.items.push(item);
    else sections.push({ section: item.section, items: [item] });
  }
  return sections;
}

/** Points as shown on screen: up to two decimals ("7.5", "82"), "—" for none. */
export function formatPoints(value: number | null | undefined, language: Language): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return formatNumber(value, language, 2);
}

/** The difference between the highest and lowest of the values; null when there are fewer than two. */
export function spreadOf(values: number[]): number | null {
  if (values.length < 2) return null;
  return Math.max(...values) - Math.min(...values);
}

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

/** A group of items whose sum is capped (HTE section A counts at most 30 with the A5 bonus). */
export type RubricSectionInfo = { id: string; label: Localized; max: number };

export type Rubric = { maxTotal: number; sections?: RubricSectionInfo[]; items: RubricItem[] };

/** Item scores or comments keyed by rubric item id. */
export type ItemMap<T> = { [itemId: string]: T };

export type RubricSection = { section: string; info: RubricSectionInfo | null; items: RubricItem[] };

/** The rubric's items grouped by section, in the order the sections first appear, with the section's label and cap. */
export function groupBySection(rubric: Rubric): RubricSection[] {
  const sections: RubricSection[] = [];
  for (const item of rubric.items) {
    const last = sections.find((entry) => entry.section === item.section);
    if (last) last.items.push(item);
    else sections.push({ section: item.section, info: rubric.sections?.find((s) => s.id === item.section) ?? null, items: [item] });
  }
  return sections;
}

/** A section's heading: "A 知识产权（不超过 30 分）", or the bare id when the rubric names no sections. */
export function sectionHeading(entry: RubricSection, language: Language): { id: string; label: string | null; max: number | null } {
  return { id: entry.section, label: entry.info ? (language === 'en' ? entry.info.label.en : entry.info.label.zh) : null, max: entry.info?.max ?? null };
}

/** Adds item scores per section, each section capped at its maximum, as the server totals a sheet. */
export function cappedTotal(rubric: Rubric, scores: { [itemId: string]: number }): number {
  let hundredths = 0;
  for (const entry of groupBySection(rubric)) {
    const sum = entry.items.reduce((acc, item) => acc + Math.round((scores[item.id] ?? 0) * 100), 0);
    hundredths += entry.info ? Math.min(sum, Math.round(entry.info.max * 100)) : sum;
  }
  return hundredths / 100;
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

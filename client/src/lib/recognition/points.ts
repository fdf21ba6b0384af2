/**
 * Residence points as the officer confirms them, computed the way the server does
 * (server/modules/talent/recognition.ts): in hundredths, the calculated total with each
 * adjusted item replaced and the officer-entered items added.
 */
import type { PrecheckResult } from '../facts/screening-types';
import type { Adjustment } from './types';

/** Items no calculation gives: the officer enters them (policy not yet confirmed, [TBC]). */
export const OFFICER_ITEMS = ['PT-P5', 'PT-P6'] as const;

/** The largest value the API takes for one item. */
export const MAX_ITEM_POINTS = 200;

/** The total-points condition (PT-E04) when the result does not say. */
const DEFAULT_THRESHOLD = 100;

export const hundredths = (value: number) => Math.round(value * 100);

export function pointsThreshold(result: PrecheckResult): number {
  const required = Number(result.criteria.find((criterion) => criterion.id === 'PT-E04')?.required);
  return Number.isFinite(required) ? required : DEFAULT_THRESHOLD;
}

export function confirmedTotal(result: PrecheckResult, adjustments: Pick<Adjustment, 'item' | 'points'>[]): number {
  const items = new Map((result.scoreItems ?? []).map((item) => [item.id, hundredths(item.points)]));
  let total = hundredths(result.score ?? 0);
  for (const adjustment of adjustments) total += hundredths(adjustment.points) - (items.get(adjustment.item) ?? 0);
  return total / 100;
}

/** The outcome the confirmation will record: every other condition holds and the total reaches the threshold. */
export function expectedOutcome(result: PrecheckResult, total: number): 'eligible' | 'ineligible' {
  const others = result.criteria.filter((criterion) => criterion.id !== 'PT-E04');
  const othersHold = others.every((criterion) => criterion.outcome === 'pass' || criterion.outcome === 'review');
  return othersHold && hundredths(total) >= hundredths(pointsThreshold(result)) ? 'eligible' : 'ineligible';
}

export type PointsProblem = 'notNumber' | 'negative' | 'tooLarge' | 'decimals';

/** An officer's typed value: null when empty, else the number or what is wrong with it. */
export function parsePoints(text: string): null | { value: number } | { problem: PointsProblem } {
  const cleaned = text.trim().replace(/[\s,，]/g, '');
  if (cleaned === '') return null;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(cleaned)) return { problem: 'notNumber' };
  const value = Number(cleaned);
  if (!Number.isFinite(value)) return { problem: 'notNumber' };
  if (value < 0) return { problem: 'negative' };
  if (value > MAX_ITEM_POINTS) return { problem: 'tooLarge' };
  if (!/^[-+]?\d*(\.\d{0,2})?$/.test(cleaned)) return { problem: 'decimals' };
  return { value };
}

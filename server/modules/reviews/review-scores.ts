// Score sheets against a rubric: bounds, completeness, section caps, and the panel's result.
// Scores are handled in hundredths (integers), so means and spreads are exact to the cent of a point.
import type { FieldError } from '../../errors/app-error.ts';
import { fieldError } from '../../errors/messages.ts';
import type { Rubric } from '../programmes/programme-requirements.ts';

export type Sheet = { scores: Record<string, number>; comments: Record<string, string> };
export type PanelResult = {
  reviewers: number;
  mean: { items: Record<string, number>; total: number };
  totals: number[];
  spread: number;
  flagged: boolean;
  margin: number;
};

const hundredths = (value: number) => Math.round(value * 100);
const fromHundredths = (value: number) => value / 100;
/** Mean of hundredths, rounded half up to a hundredth. */
const meanOf = (values: number[]) => Math.floor((2 * values.reduce((a, b) => a + b, 0) + values.length) / (2 * values.length));

/** Draft: every given score must be a known item within its range, with at most two decimals. Final: all items scored and commented. */
export function checkSheet(rubric: Rubric, sheet: Sheet, mode: 'draft' | 'final'): FieldError[] {
  const errors: FieldError[] = [];
  const ids = new Set(rubric.items.map((item) => item.id));
  for (const id of Object.keys(sheet.scores)) if (!ids.has(id)) errors.push(fieldError(`scores.${id}`, 'review.unknownItem'));
  for (const id of Object.keys(sheet.comments)) if (!ids.has(id)) errors.push(fieldError(`comments.${id}`, 'review.unknownItem'));
  for (const item of rubric.items) {
    const score = sheet.scores[item.id];
    if (score === undefined) {
      if (mode === 'final') errors.push(fieldError(`scores.${item.id}`, 'review.scoreRequired'));
    } else if (!Number.isFinite(score) || score < item.min || score > item.max) {
      errors.push(fieldError(`scores.${item.id}`, 'review.outOfRange', { min: item.min, max: item.max }));
    } else if (Math.abs(score * 100 - hundredths(score)) > 1e-6) {
      errors.push(fieldError(`scores.${item.id}`, 'review.tooPrecise'));
    }
    if (mode === 'final' && !(sheet.comments[item.id] ?? '').trim()) errors.push(fieldError(`comments.${item.id}`, 'review.commentRequired'));
  }
  return errors;
}

/** A sheet's total in hundredths: item scores summed per section, each section capped (HTE A ≤ 30 with the bonus). */
function totalHundredths(rubric: Rubric, scores: Record<string, number>): number {
  return rubric.sections.reduce((sum, section) => {
    const raw = rubric.items.filter((item) => item.section === section.id).reduce((s, item) => s + hundredths(scores[item.id] ?? 0), 0);
    return sum + Math.min(raw, hundredths(section.max));
  }, 0);
}

export function sheetTotal(rubric: Rubric, scores: Record<string, number>): number {
  return fromHundredths(totalHundredths(rubric, scores));
}

/** The panel's mean per item and of the totals, and how far the reviewers' totals spread. */
export function panelResult(rubric: Rubric, sheets: Sheet[], margin: number): PanelResult {
  const totals = sheets.map((sheet) => totalHundredths(rubric, sheet.scores));
  const items = Object.fromEntries(
    rubric.items.map((item) => [item.id, fromHundredths(meanOf(sheets.map((sheet) => hundredths(sheet.scores[item.id] ?? 0))))]),
  );
  const spread = totals.length > 0 ? Math.max(...totals) - Math.min(...totals) : 0;
  return {
    reviewers: sheets.length,
    mean: { items, total: totals.length > 0 ? fromHundredths(meanOf(totals)) : 0 },
    totals: totals.map(fromHundredths),
    spread: fromHundredths(spread),
    flagged: spread > hundredths(margin),
    margin,
  };
}

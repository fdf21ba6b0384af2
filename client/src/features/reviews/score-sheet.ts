/**
 * The score sheet's form state and checks, kept apart from the components: the text in each input,
 * what the server is sent, the running total, and which input a server error belongs to.
 */
import type { MessageKey } from '../../lib/i18n';
import { cappedTotal, type ItemMap, type Rubric, type RubricItem } from '../../lib/reviews/rubric';
import type { ReviewDetail, ScoreSheetRequest } from './types';

export type SheetValues = {
  /** The text of each score input, as typed. */
  scores: ItemMap<string>;
  comments: ItemMap<string>;
  /** Inputs whose text the browser could not read as a number (its value is then empty). */
  unreadable: ItemMap<boolean>;
};

export type SheetProblem = {
  itemId: string;
  fieldId: string;
  key: MessageKey;
  values: Record<string, string | number>;
};

export function scoreFieldId(itemId: string): string {
  return `score-${itemId}`;
}

export function commentFieldId(itemId: string): string {
  return `comment-${itemId}`;
}

export function valuesFromReview(review: ReviewDetail): SheetValues {
  const scores: ItemMap<string> = {};
  const comments: ItemMap<string> = {};
  for (const item of review.rubric.items) {
    const score = review.scores[item.id];
    scores[item.id] = typeof score === 'number' ? String(score) : '';
    comments[item.id] = review.comments[item.id] ?? '';
  }
  return { scores, comments, unreadable: {} };
}

export function parseScore(text: string | undefined): number | null {
  const trimmed = (text ?? '').trim();
  if (trimmed === '') return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}

function inRange(item: RubricItem, value: number): boolean {
  return value >= item.min && value <= item.max;
}

/**
 * What is wrong with the sheet. A draft may leave items blank; a submission needs every score and
 * comment. In both, a score must be a number within the item's range.
 */
export function checkSheet(rubric: Rubric, values: SheetValues, mode: 'draft' | 'submit'): SheetProblem[] {
  const problems: SheetProblem[] = [];
  for (const item of rubric.items) {
    const text = (values.scores[item.id] ?? '').trim();
    const scoreId = scoreFieldId(item.id);
    const range = { id: item.id, min: item.min, max: item.max };
    if (values.unreadable[item.id] || (text !== '' && parseScore(text) === null)) {
      problems.push({ itemId: item.id, fieldId: scoreId, key: 'score.errors.notNumber', values: range });
    } else if (text === '') {
      if (mode === 'submit') problems.push({ itemId: item.id, fieldId: scoreId, key: 'score.errors.scoreMissing', values: range });
    } else if (!inRange(item, parseScore(text)!)) {
      problems.push({ itemId: item.id, fieldId: scoreId, key: 'score.errors.outOfRange', values: range });
    }
    if (mode === 'submit' && (values.comments[item.id] ?? '').trim() === '') {
      problems.push({ itemId: item.id, fieldId: commentFieldId(item.id), key: 'score.errors.commentMissing', values: range });
    }
  }
  return problems;
}

/** The request body: every readable score and every non-blank comment, trimmed. */
export function toRequest(rubric: Rubric, values: SheetValues): ScoreSheetRequest {
  const scores: ItemMap<number> = {};
  const comments: ItemMap<string> = {};
  for (const item of rubric.items) {
    const score = parseScore(values.scores[item.id]);
    if (score !== null && !values.unreadable[item.id]) scores[item.id] = score;
    const comment = (values.comments[item.id] ?? '').trim();
    if (comment !== '') comments[item.id] = comment;
  }
  return { scores, comments };
}

/** The sum of the readable, in-range scores so far (sections capped), and how many items have one. */
export function runningTotal(rubric: Rubric, values: SheetValues): { total: number; scored: number } {
  const valid: { [itemId: string]: number } = {};
  for (const item of rubric.items) {
    const score = parseScore(values.scores[item.id]);
    if (score === null || values.unreadable[item.id] || !inRange(item, score)) continue;
    valid[item.id] = score;
  }
  return { total: cappedTotal(rubric, valid), scored: Object.keys(valid).length };
}

/** "scores.A1" → the A1 score input's id; "comments.A1" → its comment's; anything else → undefined. */
export function fieldIdForServerField(rubric: Rubric, field: string): { itemId: string; fieldId: string } | undefined {
  const match = /^(scores|comments)[./]([^./[\]]+)$/.exec(field);
  if (!match) return undefined;
  const itemId = match[2];
  if (!rubric.items.some((item) => item.id === itemId)) return undefined;
  return { itemId, fieldId: match[1] === 'scores' ? scoreFieldId(itemId) : commentFieldId(itemId) };
}

/** Whether a proposed band and an expert band overlap, so the expert band can be marked. */
export function overlaps(a: { min: number; max: number }, b: { min: number; max: number }): boolean {
  return a.min <= b.max && b.min <= a.max;
}

// Defensive readers: an evaluator sees facts that passed validation, but reads them as if they had not,
// so that nothing a caller passes can make it throw.
import { parseDate, type CalendarDate } from './dates.ts';

export function readNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export function readBoolean(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}

export function readString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function readDate(value: unknown): CalendarDate | undefined {
  return parseDate(value);
}

/** A non-empty list of finite numbers, else undefined (missing). */
export function readNumberList(value: unknown): number[] | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  return value.every((entry) => readNumber(entry) !== undefined) ? (value as number[]) : undefined;
}

export function readObject(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** A list of objects; entries that are not objects are dropped. */
export function readObjectList(value: unknown): Record<string, unknown>[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.map(readObject).filter((entry): entry is Record<string, unknown> => entry !== undefined);
}

/**
 * Resident identity card number (居民身份证号码), GB 11643-1999: six digits of area, the birth date as
 * YYYYMMDD, three digits of sequence, and a check character (0–9 or X) over the first 17. The server is
 * authoritative; this only spares the user a round trip for a mistyped number.
 */
import type { MessageKey, Translate } from './i18n';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';

export type IdNumberProblem = 'length' | 'charset' | 'birthDate' | 'check';

/** Removes spaces and upper-cases a final x, as people often type it. */
export function normalizeIdNumber(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}

export function idNumberCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARACTERS[sum % 11];
}

function birthDateValid(number: string, today: Date): boolean {
  const year = Number(number.slice(6, 10));
  const month = Number(number.slice(10, 12));
  const day = Number(number.slice(12, 14));
  const date = new Date(Date.UTC(year, month - 1, day));
  const real = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real && year >= 1900 && date.getTime() <= today.getTime();
}

/** Returns what is wrong with a normalised number, or null when it is well formed. */
export function findIdNumberProblem(number: string, today: Date = new Date()): IdNumberProblem | null {
  if (number.length !== 18) return 'length';
  if (!/^\d{17}[\dX]$/.test(number)) return 'charset';
  if (!birthDateValid(number, today)) return 'birthDate';
  return idNumberCheckCharacter(number.slice(0, 17)) === number[17] ? null : 'check';
}

const PROBLEM_MESSAGES: Record<IdNumberProblem, MessageKey> = {
  length: 'idNumber.errors.length',
  charset: 'idNumber.errors.charset',
  birthDate: 'idNumber.errors.birthDate',
  check: 'idNumber.errors.check',
};

/** The sentence for the user about a mistyped number. */
export function idNumberProblemMessage(problem: IdNumberProblem, t: Translate): string {
  return t(PROBLEM_MESSAGES[problem]);
}

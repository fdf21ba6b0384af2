/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters from a 31-character set,
 * the last one a check character over the first 17. The server is authoritative; this only spares
 * the user a round trip for a mistyped code.
 */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type UsccProblem = 'length' | 'charset' | 'check';

/** Trims, removes inner spaces and upper-cases what the user typed. */
export function normalizeUscc(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}

export function usccCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += CHARSET.indexOf(first17[i]) * WEIGHTS[i];
  return CHARSET[(31 - (sum % 31)) % 31];
}

/** Returns what is wrong with a normalised code, or null when it is well formed. */
export function findUsccProblem(code: string): UsccProblem | null {
  if (code.length !== 18) return 'length';
  for (const char of code) if (!CHARSET.includes(char)) return 'charset';
  return usccCheckCharacter(code.slice(0, 17)) === code[17] ? null : 'check';
}

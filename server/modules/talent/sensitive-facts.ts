// ID numbers inside application facts (the talent-team leader and core members) are never stored: a full number is
// accepted only when the firm's team roster holds that person with their consent (the number itself lives there,
// encrypted), and the facts keep the masked form. A masked value may only stay where it already was.
import { fieldError } from '../../errors/messages.ts';
import type { FieldError } from '../../errors/app-error.ts';
import { isValidResidentId } from '../../lib/resident-id.ts';

export const MASKED_ID_NUMBER = /^\*{14}[0-9X]{4}$/;
export const maskIdNumber = (idNumber: string) => `${'*'.repeat(14)}${idNumber.toUpperCase().slice(-4)}`;

/** Whether the roster holds a consented person under any of these hashes (one per configured key). */
type Lookup = (idNumberHashes: string[]) => Promise<boolean>;

function valueAt(root: unknown, path: (string | number)[]): unknown {
  return path.reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>)[key] : undefined), root);
}

const fieldName = (path: (string | number)[]) => path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : `${acc}.${key}`), 'facts');

/** Returns the facts with every `idNumber` masked, or the fields that cannot be stored. */
/** No fact schema nests deeper than this; anything deeper is refused rather than stored unexamined. */
const MAX_DEPTH = 40;

export async function protectIdNumbers(
  facts: Record<string, unknown>,
  previous: Record<string, unknown>,
  consented: Lookup,
  hashes: (idNumber: string) => string[],
): Promise<{ facts: Record<string, unknown>; errors: FieldError[] }> {
  const errors: FieldError[] = [];
  // Facts arrive validated (at most 32 levels deep, no prototype keys); the guards below hold even if they did not.
  const walk = async (node: unknown, path: (string | number)[]): Promise<unknown> => {
    if (path.length > MAX_DEPTH) {
      errors.push(fieldError(fieldName(path), 'input.tooDeep', { limit: MAX_DEPTH }));
      return null;
    }
    if (Array.isArray(node)) return Promise.all(node.map((item, index) => walk(item, [...path, index])));
    if (node === null || typeof node !== 'object') return node;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      const here = [...path, key];
      if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
      if (key !== 'idNumber' || typeof value !== 'string') {
        out[key] = await walk(value, here);
      } else if (MASKED_ID_NUMBER.test(value)) {
        if (valueAt(previous, here) !== value) errors.push(fieldError(fieldName(here), 'talent.idNumberInvalid'));
        out[key] = value;
      } else if (!isValidResidentId(value)) {
        out[key] = value; // the fact schema reports the bad format on this field
      } else if (!(await consented(hashes(value.toUpperCase())))) {
        errors.push(fieldError(fieldName(here), 'talent.idNumberNotOnRoster'));
        out[key] = value;
      } else {
        out[key] = maskIdNumber(value);
      }
    }
    return out;
  };
  const protectedFacts = (await walk(facts, [])) as Record<string, unknown>;
  return { facts: protectedFacts, errors };
}

// Building blocks of the fact schemas (JSON Schema draft-07). Labels, units, help and enum labels are
// extension keywords (x-label, x-unit, x-help, x-enumLabels) that a form builder reads; ajv ignores them.
import type { Bilingual } from '../rule-set.types.ts';

export type JsonSchema = Record<string, unknown>;

/** Largest whole yuan amount that stays exact as a JavaScript number. */
export const MAX_YUAN = Number.MAX_SAFE_INTEGER;

function described(schema: JsonSchema, label: Bilingual, unit?: string, help?: Bilingual): JsonSchema {
  return { ...schema, 'x-label': label, ...(unit ? { 'x-unit': unit } : {}), ...(help ? { 'x-help': help } : {}) };
}

export function yuan(label: Bilingual, help?: Bilingual, options: { negative?: boolean } = {}): JsonSchema {
  return described({ type: 'integer', minimum: options.negative ? -MAX_YUAN : 0, maximum: MAX_YUAN }, label, 'yuan', help);
}

export function usd(label: Bilingual, help?: Bilingual): JsonSchema {
  return described({ type: 'number', minimum: 0, maximum: 1e15 }, label, 'usd', help);
}

/** Per-year amounts, oldest year first, 1 to 3 years. */
export function yuanByYear(label: Bilingual, help?: Bilingual, options: { negative?: boolean } = {}): JsonSchema {
  return described(
    {
      type: 'array',
      minItems: 1,
      maxItems: 3,
      items: { type: 'integer', minimum: options.negative ? -MAX_YUAN : 0, maximum: MAX_YUAN },
      'x-order': 'oldest-first',
    },
    label,
    'yuan',
    help,
  );
}

export function count(label: Bilingual, unit = 'count', help?: Bilingual, maximum = 10_000_000): JsonSchema {
  return described({ type: 'integer', minimum: 0, maximum }, label, unit, help);
}

/** A non-negative quantity that may have decimals (an annual average headcount, hours). */
export function quantity(label: Bilingual, unit: string, help?: Bilingual, maximum = 10_000_000): JsonSchema {
  return described({ type: 'number', minimum: 0, maximum }, label, unit, help);
}

export function flag(label: Bilingual, help?: Bilingual): JsonSchema {
  return described({ type: 'boolean' }, label, undefined, help);
}

export function date(label: Bilingual, help?: Bilingual): JsonSchema {
  return described({ type: 'string', format: 'date' }, label, 'date', help);
}

export function text(label: Bilingual, maxLength = 200, help?: Bilingual): JsonSchema {
  return described({ type: 'string', minLength: 1, maxLength }, label, undefined, help);
}

/** An enum with a label for each value, in the order given. */
export function choice(label: Bilingual, options: Record<string, Bilingual>, help?: Bilingual): JsonSchema {
  return described({ type: 'string', enum: Object.keys(options), 'x-enumLabels': options }, label, 'enum', help);
}

export function object(properties: Record<string, JsonSchema>, label: Bilingual, required: string[] = [], help?: Bilingual): JsonSchema {
  return described({ type: 'object', additionalProperties: false, properties, ...(required.length ? { required } : {}) }, label, undefined, help);
}

export function list(items: JsonSchema, label: Bilingual, maxItems: number, help?: Bilingual): JsonSchema {
  return described({ type: 'array', maxItems, items }, label, undefined, help);
}

export function factSchema(id: string, title: Bilingual, properties: Record<string, JsonSchema>): JsonSchema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: `urn:huiqi:facts:${id}`,
    type: 'object',
    'x-label': title,
    additionalProperties: false,
    properties,
  };
}

export function zhEn(zh: string, en: string): Bilingual {
  return { zh, en };
}

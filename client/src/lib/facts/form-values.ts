/**
 * The pre-check form's state: a tree shaped like the fact schema whose leaves are the text the user
 * typed ('' = not given). It turns into the `facts` of the request, keeps itself in sessionStorage,
 * and places the server's field errors (`facts.ipItems[0].type`) on inputs (`fact-ipItems-0-type`).
 */
import type { MessageKey } from '../i18n';
import type { FieldNode, ObjectNode } from './fact-schema';

export type FormObject = { [key: string]: FormValue };
export type FormValue = string | FormValue[] | FormObject;

/** A list of objects the user says is empty ("I have none"), sent as []; an empty array is "not given". */
export const NONE_GIVEN = '__none__';

export type Path = (string | number)[];

export function fieldId(path: Path): string {
  return `fact-${path.join('-')}`;
}

export function emptyValue(node: FieldNode): FormValue {
  switch (node.kind) {
    case 'object':
      return Object.fromEntries(node.fields.map((field) => [field.name, emptyValue(field)]));
    case 'numberList':
      return [''];
    case 'objectList':
      return [];
    default:
      return '';
  }
}

/** Brings stored (or otherwise untrusted) state into the shape of the schema. */
export function normalize(node: FieldNode, raw: unknown): FormValue {
  switch (node.kind) {
    case 'object': {
      const source = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
      return Object.fromEntries(node.fields.map((field) => [field.name, normalize(field, source[field.name])]));
    }
    case 'numberList': {
      if (!Array.isArray(raw) || raw.length === 0) return [''];
      return raw.slice(0, node.maxItems).map((item) => (typeof item === 'string' ? item : ''));
    }
    case 'objectList': {
      if (raw === NONE_GIVEN) return NONE_GIVEN;
      if (!Array.isArray(raw)) return [];
      return raw.slice(0, node.maxItems).map((item) => normalize(node.item, item));
    }
    default:
      return typeof raw === 'string' ? raw : '';
  }
}

export function setIn(value: FormValue, path: Path, next: FormValue): FormValue {
  if (path.length === 0) return next;
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = [...value];
    copy[Number(head)] = setIn(copy[Number(head)] ?? '', rest, next);
    return copy;
  }
  if (typeof value === 'object') {
    return { ...value, [head]: setIn(value[String(head)] ?? '', rest, next) };
  }
  return value;
}

export function getIn(value: FormValue, path: Path): FormValue | undefined {
  let current: FormValue | undefined = value;
  for (const key of path) {
    if (current === undefined || typeof current === 'string') return undefined;
    current = Array.isArray(current) ? current[Number(key)] : current[String(key)];
  }
  return current;
}

/** Removes values that must not outlive the tab's memory (x-sensitive, e.g. ID numbers). */
export function withoutSensitive(node: FieldNode, value: FormValue): FormValue {
  switch (node.kind) {
    case 'string':
      return node.sensitive ? '' : value;
    case 'object': {
      if (typeof value !== 'object' || Array.isArray(value)) return value;
      return Object.fromEntries(node.fields.map((field) => [field.name, withoutSensitive(field, value[field.name] ?? '')]));
    }
    case 'objectList':
      return Array.isArray(value) ? value.map((row) => withoutSensitive(node.item, row)) : value;
    default:
      return value;
  }
}

export type ClientError = { fieldId: string; key: MessageKey; values?: Record<string, string | number> };

const NUMBER_PATTERN = /^[-+]?(\d+\.?\d*|\.\d+)$/;

/** "1,234.5" → 1234.5; a ratio typed as a percentage ("5") → 0.05, parsed from text so 5% is exactly 0.05. */
export function parseNumber(text: string, unit: string | undefined): number | null {
  const cleaned = text.replace(/[\s,，_]/g, '').replace(/%$/, '');
  if (!NUMBER_PATTERN.test(cleaned)) return null;
  const value = Number(unit === 'ratio' ? `${cleaned}e-2` : cleaned);
  return Number.isFinite(value) ? value : null;
}

type Built = { value?: unknown; errors: ClientError[] };

function buildLeaf(node: FieldNode, text: string, path: Path): Built {
  const trimmed = text.trim();
  if (trimmed === '') return { errors: [] };
  const id = fieldId(path);
  switch (node.kind) {
    case 'number': {
      const value = parseNumber(trimmed, node.unit);
      if (value === null) return { errors: [{ fieldId: id, key: 'precheck.errors.notNumber' }] };
      if (node.integer && !Number.isInteger(value)) return { errors: [{ fieldId: id, key: 'precheck.errors.notWhole' }] };
      if (node.minimum !== undefined && value < node.minimum) {
        return { errors: [{ fieldId: id, key: 'precheck.errors.tooSmall', values: { min: node.minimum } }] };
      }
      return { value, errors: [] };
    }
    case 'boolean':
      return { value: trimmed === 'true', errors: [] };
    case 'date':
      if (!/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) return { errors: [{ fieldId: id, key: 'precheck.errors.notDate' }] };
      return { value: trimmed, errors: [] };
    default:
      return { value: node.kind === 'string' ? text : trimmed, errors: [] };
  }
}

function build(node: FieldNode, value: FormValue | undefined, path: Path): Built {
  switch (node.kind) {
    case 'object': {
      const source = typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {};
      const result: Record<string, unknown> = {};
      const errors: ClientError[] = [];
      for (const field of node.fields) {
        const built = build(field, source[field.name], [...path, field.name]);
        errors.push(...built.errors);
        if (built.value !== undefined) result[field.name] = built.value;
      }
      return { value: Object.keys(result).length > 0 ? result : undefined, errors };
    }
    case 'numberList': {
      const entries = Array.isArray(value) ? value.map((item) => (typeof item === 'string' ? item : '')) : [];
      if (entries.every((entry) => entry.trim() === '')) return { errors: [] };
      const errors: ClientError[] = [];
      const numbers: number[] = [];
      entries.forEach((entry, index) => {
        const entryPath = [...path, index];
        if (entry.trim() === '') {
          errors.push({ fieldId: fieldId(entryPath), key: 'precheck.errors.yearEmpty', values: { n: index + 1 } });
          return;
        }
        const built = buildLeaf(node.item, entry, entryPath);
        errors.push(...built.errors);
        if (typeof built.value === 'number') numbers.push(built.value);
      });
      return { value: errors.length === 0 ? numbers : undefined, errors };
    }
    case 'objectList': {
      if (value === NONE_GIVEN) return { value: [], errors: [] };
      if (!Array.isArray(value) || value.length === 0) return { errors: [] };
      const errors: ClientError[] = [];
      const rows = value.map((row, index) => {
        const built = build(node.item, row, [...path, index]);
        errors.push(...built.errors);
        return built.value ?? {};
      });
      return { value: rows, errors };
    }
    default:
      return buildLeaf(node, typeof value === 'string' ? value : '', path);
  }
}

/** The request's facts (empty fields left out, meaning "not given") and any input that cannot be read. */
export function toFacts(root: ObjectNode, values: FormValue): { facts: Record<string, unknown>; errors: ClientError[] } {
  const source = typeof values === 'object' && !Array.isArray(values) ? values : {};
  const facts: Record<string, unknown> = {};
  const errors: ClientError[] = [];
  for (const field of root.fields) {
    const built = build(field, source[field.name], [field.name]);
    errors.push(...built.errors);
    if (built.value !== undefined) facts[field.name] = built.value;
  }
  return { facts, errors };
}

/** Every input id the form renders for these values, in form order. */
export function inputIds(node: FieldNode, value: FormValue | undefined, path: Path): string[] {
  switch (node.kind) {
    case 'object': {
      const source = typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {};
      return node.fields.flatMap((field) => inputIds(field, source[field.name], [...path, field.name]));
    }
    case 'numberList':
      return (Array.isArray(value) ? value : ['']).map((_, index) => fieldId([...path, index]));
    case 'objectList': {
      if (!Array.isArray(value) || value.length === 0) return [fieldId([...path, 'none'])];
      return value.flatMap((row, index) => inputIds(node.item, row, [...path, index]));
    }
    default:
      return [fieldId(path)];
  }
}

/**
 * The server's name for a field ("facts.rdExpense[1]", "facts.leader.idNumber", "/facts/ipItems/0/type",
 * "asOf") as a path, without the leading "facts".
 */
export function serverFieldPath(field: string): { inFacts: boolean; path: string[] } {
  const parts = field
    .replace(/\[(\d+)\]/g, '.$1')
    .split(/[./]/)
    .filter((part) => part !== '');
  if (parts[0] === 'facts') return { inFacts: true, path: parts.slice(1) };
  return { inFacts: false, path: parts };
}

/** The rendered input nearest to a server path: itself, else the first input inside it, else its parent's. */
export function nearestInputId(path: string[], ids: string[]): string | undefined {
  for (let length = path.length; length > 0; length--) {
    const id = fieldId(path.slice(0, length));
    if (ids.includes(id)) return id;
    const inside = ids.find((candidate) => candidate.startsWith(`${id}-`));
    if (inside) return inside;
  }
  return undefined;
}

const STORAGE_PREFIX = 'huiqi.precheck.';

export type StoredForm = { values: unknown; asOf: string };

export function loadStored(code: string): StoredForm | null {
  try {
    const text = window.sessionStorage.getItem(STORAGE_PREFIX + code);
    if (!text) return null;
    const parsed = JSON.parse(text) as Partial<StoredForm>;
    return { values: parsed.values, asOf: typeof parsed.asOf === 'string' ? parsed.asOf : '' };
  } catch {
    return null;
  }
}

export function saveStored(code: string, form: StoredForm): void {
  try {
    window.sessionStorage.setItem(STORAGE_PREFIX + code, JSON.stringify(form));
  } catch {
    // Storage full or unavailable: the form still works, it just will not survive a reload.
  }
}

export function clearStored(code: string): void {
  try {
    window.sessionStorage.removeItem(STORAGE_PREFIX + code);
  } catch {
    // Nothing to do.
  }
}

/** Saved facts (numbers, booleans, lists) back into the form's text tree; the inverse of toFacts. */
export function fromFacts(node: FieldNode, value: unknown): FormValue {
  switch (node.kind) {
    case 'object': {
      const source = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
      return Object.fromEntries(node.fields.map((field) => [field.name, fromFacts(field, source[field.name])]));
    }
    case 'numberList': {
      if (!Array.isArray(value) || value.length === 0) return [''];
      return value.slice(0, node.maxItems).map((item) => fromFacts(node.item, item)) as FormValue[];
    }
    case 'objectList': {
      if (!Array.isArray(value)) return [];
      if (value.length === 0) return NONE_GIVEN;
      return value.slice(0, node.maxItems).map((item) => fromFacts(node.item, item));
    }
    case 'boolean':
      return typeof value === 'boolean' ? String(value) : '';
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return '';
      return node.unit === 'ratio' ? String(Number((value * 100).toPrecision(12))) : String(value);
    }
    default:
      return typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value);
  }
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The top-level facts that differ between what the server holds and what the form now says:
 * changed or new ones with their value, cleared ones as null. Facts whose input cannot be read
 * (in `unreadable`, top-level names) are left alone until the user corrects them.
 */
export function diffFacts(saved: Record<string, unknown>, next: Record<string, unknown>, names: string[], unreadable: Set<string>): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const name of names) {
    if (unreadable.has(name)) continue;
    const before = saved[name];
    const after = next[name];
    if (after === undefined) {
      if (before !== undefined && before !== null) changes[name] = null;
    } else if (!sameJson(before, after)) {
      changes[name] = after;
    }
  }
  return changes;
}

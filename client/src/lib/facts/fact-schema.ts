/**
 * Reads a programme's fact schema (JSON Schema draft-07 with the x-label, x-unit, x-help, x-enumLabels,
 * x-order and x-sensitive extension keywords) into the field tree the pre-check form renders.
 */
import type { Localized } from '../i18n';

type Raw = Record<string, unknown>;

type Common = {
  /** The fact's name, or the array index as text. */
  name: string;
  label: Localized;
  help?: Localized;
  unit?: string;
  required: boolean;
};

export type NumberNode = Common & { kind: 'number'; integer: boolean; minimum?: number; maximum?: number };
export type BooleanNode = Common & { kind: 'boolean' };
export type EnumNode = Common & { kind: 'enum'; options: { value: string; label: Localized }[] };
export type DateNode = Common & { kind: 'date' };
export type StringNode = Common & { kind: 'string'; maxLength?: number; format?: string; sensitive: boolean };
/** Per-year amounts and the like: 1–3 numbers, oldest first. */
export type NumberListNode = Common & {
  kind: 'numberList';
  item: NumberNode;
  minItems: number;
  maxItems: number;
  oldestFirst: boolean;
};
export type ObjectNode = Common & { kind: 'object'; fields: FieldNode[] };
export type ObjectListNode = Common & { kind: 'objectList'; item: ObjectNode; maxItems: number };

export type FieldNode = NumberNode | BooleanNode | EnumNode | DateNode | StringNode | NumberListNode | ObjectNode | ObjectListNode;

function isRecord(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function localized(value: unknown, fallback: string): Localized {
  if (isRecord(value) && (typeof value.zh === 'string' || typeof value.en === 'string')) {
    return { zh: String(value.zh ?? value.en ?? ''), en: String(value.en ?? value.zh ?? '') };
  }
  if (typeof value === 'string') return { zh: value, en: value };
  return { zh: fallback, en: fallback };
}

function optionalLocalized(value: unknown): Localized | undefined {
  return value === undefined ? undefined : localized(value, '');
}

function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function typeOf(schema: Raw): string | undefined {
  const type = schema.type;
  if (typeof type === 'string') return type;
  // ["integer", "null"] and the like: take the first non-null type.
  if (Array.isArray(type)) return type.find((item): item is string => typeof item === 'string' && item !== 'null');
  if (Array.isArray(schema.enum)) return 'string';
  if (isRecord(schema.properties)) return 'object';
  return undefined;
}

function parseNode(name: string, schema: Raw, required: boolean, inheritedUnit?: string): FieldNode | null {
  const common = {
    name,
    label: localized(schema['x-label'], name),
    help: optionalLocalized(schema['x-help']),
    unit: typeof schema['x-unit'] === 'string' ? (schema['x-unit'] as string) : inheritedUnit,
    required,
  };
  const type = typeOf(schema);

  if (Array.isArray(schema.enum)) {
    const labels = isRecord(schema['x-enumLabels']) ? schema['x-enumLabels'] : {};
    return {
      ...common,
      kind: 'enum',
      options: schema.enum.map((value) => ({ value: String(value), label: localized(labels[String(value)], String(value)) })),
    };
  }
  switch (type) {
    case 'number':
    case 'integer':
      return { ...common, kind: 'number', integer: type === 'integer', minimum: num(schema.minimum), maximum: num(schema.maximum) };
    case 'boolean':
      return { ...common, kind: 'boolean' };
    case 'string':
      if (schema.format === 'date') return { ...common, kind: 'date' };
      return {
        ...common,
        kind: 'string',
        maxLength: num(schema.maxLength),
        format: typeof schema.format === 'string' ? schema.format : undefined,
        sensitive: schema['x-sensitive'] === true,
      };
    case 'object': {
      const properties = isRecord(schema.properties) ? schema.properties : {};
      const requiredNames = Array.isArray(schema.required) ? schema.required.map(String) : [];
      const fields = Object.entries(properties).flatMap(([key, child]) => {
        if (!isRecord(child)) return [];
        const node = parseNode(key, child, requiredNames.includes(key));
        return node ? [node] : [];
      });
      return { ...common, kind: 'object', fields };
    }
    case 'array': {
      const items = isRecord(schema.items) ? schema.items : {};
      const itemType = typeOf(items);
      const maxItems = num(schema.maxItems) ?? 100;
      if (itemType === 'number' || itemType === 'integer') {
        const item = parseNode('0', items, false, common.unit);
        if (!item || item.kind !== 'number') return null;
        return {
          ...common,
          kind: 'numberList',
          item,
          minItems: num(schema.minItems) ?? 1,
          maxItems,
          oldestFirst: schema['x-order'] === 'oldest-first',
        };
      }
      if (itemType === 'object') {
        const item = parseNode('0', items, false);
        if (!item || item.kind !== 'object') return null;
        return { ...common, kind: 'objectList', item, maxItems };
      }
      return null;
    }
    default:
      return null;
  }
}

/** The top-level facts of a schema, in the schema's order; kinds the form cannot show are left out. */
export function parseFactSchema(schema: unknown): ObjectNode {
  const root = isRecord(schema) ? parseNode('', schema, false) : null;
  if (root && root.kind === 'object') return root;
  return { name: '', label: { zh: '', en: '' }, required: false, kind: 'object', fields: [] };
}

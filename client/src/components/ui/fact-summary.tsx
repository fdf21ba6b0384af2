import { useMemo } from 'react';
import { parseFactSchema, type FieldNode } from '../../lib/facts/fact-schema';
import { collectEnumLabels, formatParameterValue, type EnumLabels } from '../../lib/format';
import { localize, useI18n, type Language } from '../../lib/i18n';

type Props = {
  facts: Record<string, unknown>;
  /** The programme's fact schema, for labels, units and enum names; without it the raw names show. */
  factSchema?: unknown;
  /** Text for a fact that was not given. */
  notGiven: string;
};

type Row = { name: string; label: string; node?: FieldNode };

/**
 * An application's facts, read-only, as a definition list in the schema's order. Facts the schema
 * does not describe are listed after, under their own names, so nothing the firm sent is hidden.
 */
export function FactSummary({ facts, factSchema, notGiven }: Props) {
  const { language, t } = useI18n();
  const schema = useMemo(() => parseFactSchema(factSchema), [factSchema]);
  const enumLabels = useMemo(() => collectEnumLabels(factSchema), [factSchema]);
  const known = new Set(schema.fields.map((field) => field.name));
  const rows: Row[] = [
    ...schema.fields.map((field) => ({ name: field.name, label: localize(field.label, language), node: field })),
    ...Object.keys(facts)
      .filter((name) => !known.has(name))
      .map((name) => ({ name, label: name })),
  ];
  const none = t('precheck.noneGiven');

  return (
    <dl className="summary-list fact-summary">
      {rows.map((row) => {
        const lines = describe(row.node, facts[row.name], language, enumLabels, notGiven, none);
        return (
          <div className="summary-list__row" key={row.name} data-fact={row.name}>
            <dt>{row.label}</dt>
            <dd>
              {lines.length > 1 ? (
                <ul className="plain-list">
                  {lines.map((line, index) => (
                    <li key={index}>{line}</li>
                  ))}
                </ul>
              ) : (
                lines[0]
              )}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

/**
 * A fact as lines of text. Groups and lists of groups (e.g. insurance years, patents) are worded with their
 * fields' own labels, one line per listed item, rather than as raw names.
 */
function describe(node: FieldNode | undefined, value: unknown, language: Language, enumLabels: EnumLabels, notGiven: string, none: string): string[] {
  if (value === undefined || value === null) return [notGiven];
  const separator = language === 'en' ? '; ' : '；';
  const pair = (label: string, text: string) => (language === 'en' ? `${label}: ${text}` : `${label}：${text}`);
  if (node?.kind === 'object' && typeof value === 'object' && !Array.isArray(value)) {
    const source = value as Record<string, unknown>;
    const parts = node.fields
      .filter((field) => source[field.name] !== undefined && source[field.name] !== null)
      .map((field) => pair(localize(field.label, language), describe(field, source[field.name], language, enumLabels, notGiven, none).join(separator)));
    return [parts.length > 0 ? parts.join(separator) : notGiven];
  }
  if (node?.kind === 'objectList' && Array.isArray(value)) {
    if (value.length === 0) return [none];
    const itemLabel = localize(node.item.label, language);
    return value.map((item, index) => pair(`${itemLabel} ${index + 1}`, describe(node.item, item, language, enumLabels, notGiven, none).join(separator)));
  }
  const unit = node && (node.kind === 'number' || node.kind === 'numberList') ? node.unit : undefined;
  return [formatParameterValue(value, unit, language, enumLabels).join(separator)];
}

import { useMemo } from 'react';
import { parseFactSchema } from '../../lib/facts/fact-schema';
import { collectEnumLabels, formatParameterValue } from '../../lib/format';
import { localize, useI18n } from '../../lib/i18n';

type Props = {
  facts: Record<string, unknown>;
  /** The programme's fact schema, for labels, units and enum names; without it the raw names show. */
  factSchema?: unknown;
  /** Text for a fact that was not given. */
  notGiven: string;
};

/**
 * An application's facts, read-only, as a definition list in the schema's order. Facts the schema
 * does not describe are listed after, under their own names, so nothing the firm sent is hidden.
 */
export function FactSummary({ facts, factSchema, notGiven }: Props) {
  const { language } = useI18n();
  const schema = useMemo(() => parseFactSchema(factSchema), [factSchema]);
  const enumLabels = useMemo(() => collectEnumLabels(factSchema), [factSchema]);
  const known = new Set(schema.fields.map((field) => field.name));
  const rows = [
    ...schema.fields.map((field) => ({
      name: field.name,
      label: localize(field.label, language),
      unit: field.kind === 'number' || field.kind === 'numberList' ? field.unit : undefined,
    })),
    ...Object.keys(facts)
      .filter((name) => !known.has(name))
      .map((name) => ({ name, label: name, unit: undefined })),
  ];

  return (
    <dl className="summary-list fact-summary">
      {rows.map((row) => {
        const value = facts[row.name];
        const text =
          value === undefined || value === null
            ? notGiven
            : formatParameterValue(value, row.unit, language, enumLabels).join(language === 'en' ? '; ' : '；');
        return (
          <div className="summary-list__row" key={row.name} data-fact={row.name}>
            <dt>{row.label}</dt>
            <dd>{text}</dd>
          </div>
        );
      })}
    </dl>
  );
}

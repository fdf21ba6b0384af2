import { formatParameterValue, type EnumLabels } from '../../lib/format';
import { localize, useI18n, type Localized } from '../../lib/i18n';
import { EvidenceBadge } from './evidence-badge';

export type ParameterRow = {
  id: string;
  criterion: string;
  label?: Localized | string;
  value: unknown;
  unit?: string;
  source?: string;
  evidence?: string;
};

type CriterionHeading = { id: string; label?: Localized | string; citation?: string };

type Props = {
  parameters: ParameterRow[];
  /** Criteria in the order to show; parameters of criteria not listed follow, in their own order. */
  criteria?: CriterionHeading[];
  caption: string;
  enumLabels?: EnumLabels;
  /** The table element's id. */
  id?: string;
};

const HAS_CHINESE = /[\u3400-\u9fff]/;

/** A rule set's thresholds grouped by criterion: value with its unit, source clause and evidence level. */
export function ParameterTable({ parameters, criteria = [], caption, enumLabels, id }: Props) {
  const { language, t } = useI18n();
  const order: string[] = criteria.map((criterion) => criterion.id);
  for (const parameter of parameters) if (!order.includes(parameter.criterion)) order.push(parameter.criterion);
  const groups = order
    .map((criterionId) => ({
      criterion: criteria.find((criterion) => criterion.id === criterionId) ?? { id: criterionId },
      rows: parameters.filter((parameter) => parameter.criterion === criterionId),
    }))
    .filter((group) => group.rows.length > 0 || criteria.length > 0);

  const zhText = (text: string) =>
    language !== 'zh-CN' && HAS_CHINESE.test(text) ? <span lang="zh-CN">{text}</span> : text;

  return (
    <div className="table-wrap">
      <table className="table parameter-table" id={id}>
        <caption className="table__caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('parameters.parameter')}</th>
            <th scope="col">{t('parameters.value')}</th>
            <th scope="col">{t('parameters.source')}</th>
            <th scope="col">{t('parameters.evidence')}</th>
          </tr>
        </thead>
        {groups.map(({ criterion, rows }) => {
          const label = criterion.label ? localize(criterion.label, language) : '';
          return (
            <tbody key={criterion.id} data-criterion={criterion.id}>
              <tr className="parameter-table__group">
                <th scope="colgroup" colSpan={4}>
                  <span className="criterion__id">{criterion.id}</span>
                  {label && <> {zhText(label)}</>}
                </th>
              </tr>
              {rows.length === 0 && (
                <tr>
                  <td colSpan={2} className="muted">
                    {t('parameters.noParameters')}
                  </td>
                  <td>{criterion.citation ? zhText(criterion.citation) : '—'}</td>
                  <td>—</td>
                </tr>
              )}
              {rows.map((parameter) => {
                const lines = formatParameterValue(parameter.value, parameter.unit, language, enumLabels);
                return (
                  <tr key={parameter.id} data-parameter={parameter.id}>
                    <th scope="row" className="parameter-table__name">
                      {parameter.label ? zhText(localize(parameter.label, language)) : parameter.id}
                      <span className="parameter-table__id">{parameter.id}</span>
                    </th>
                    <td>
                      {lines.length === 1 ? (
                        zhText(lines[0])
                      ) : (
                        <ul className="plain-list">
                          {lines.map((line, index) => (
                            <li key={index}>{zhText(line)}</li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td>{parameter.source ? zhText(parameter.source) : '—'}</td>
                    <td>
                      <EvidenceBadge level={parameter.evidence} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          );
        })}
      </table>
    </div>
  );
}

import { localize, useI18n, type MessageKey } from '../../lib/i18n';
import { ServerText } from './server-text';
import type { CriterionInfo, CriterionOutcome, PrecheckResult } from '../../lib/facts/screening-types';

/** Icon and word for each criterion outcome: never colour alone. */
const MARKS: Record<CriterionOutcome, { icon: string; text: MessageKey }> = {
  pass: { icon: '✓', text: 'precheck.mark.pass' },
  fail: { icon: '✗', text: 'precheck.mark.fail' },
  review: { icon: '?', text: 'precheck.mark.review' },
  missing: { icon: '…', text: 'precheck.mark.missing' },
};

type Props = {
  /** The screening's outcome for each criterion, in the order the server gives. */
  criteria: PrecheckResult['criteria'];
  /** The programme's criteria, for their names; a criterion not found here shows its id only. */
  definitions?: CriterionInfo[];
  /** The list's heading. */
  heading: string;
  /** The heading's id; given, the list is labelled by it. */
  headingId?: string;
};

/** Each criterion of a screening with its outcome (icon and word), id, name, message and citation. */
export function CriteriaList({ criteria, definitions, heading, headingId }: Props) {
  const { language, t } = useI18n();
  const criterionLabel = (id: string) => {
    const info = definitions?.find((criterion) => criterion.id === id);
    return info?.label ? localize(info.label, language) : '';
  };

  return (
    <>
      <h3 id={headingId}>{heading}</h3>
      <ol className="criteria-list" aria-labelledby={headingId}>
        {criteria.map((criterion) => {
          const mark = MARKS[criterion.outcome] ?? MARKS.missing;
          const label = criterionLabel(criterion.id);
          return (
            <li key={criterion.id} className={`criterion criterion--${criterion.outcome}`} data-criterion={criterion.id} data-outcome={criterion.outcome}>
              <p className="criterion__head">
                <span className={`mark mark--${criterion.outcome}`}>
                  <span className="mark__icon" aria-hidden="true">
                    {mark.icon}
                  </span>
                  {t(mark.text)}
                </span>{' '}
                <span className="criterion__id">{criterion.id}</span>
                {label && <span className="criterion__label"> {label}</span>}
              </p>
              {criterion.message && (
                <p className="criterion__message">
                  <ServerText value={criterion.message} />
                </p>
              )}
              {criterion.citation && (
                <p className="criterion__citation">
                  <span className="card__meta-label">{t('precheck.citation')}</span>
                  <ServerText value={criterion.citation} />
                </p>
              )}
            </li>
          );
        })}
      </ol>
    </>
  );
}

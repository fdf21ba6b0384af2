import { useT, type MessageKey } from '../../lib/i18n';

export type EvidenceLevel = 'V' | 'V1' | 'TBC';

const LEVELS: Record<EvidenceLevel, { short: MessageKey; long: MessageKey }> = {
  V: { short: 'evidence.V.short', long: 'evidence.V.long' },
  V1: { short: 'evidence.V1.short', long: 'evidence.V1.long' },
  TBC: { short: 'evidence.TBC.short', long: 'evidence.TBC.long' },
};

/** A parameter's evidence level: the code and a word, never colour alone. */
export function EvidenceBadge({ level }: { level: string | undefined }) {
  const t = useT();
  if (!level) return null;
  const known = LEVELS[level as EvidenceLevel];
  return (
    <span className={`evidence evidence--${level.toLowerCase()}`} data-evidence={level}>
      <span className="evidence__code">{level}</span> {known ? t(known.short) : ''}
    </span>
  );
}

/** What V, V1 and TBC mean, for beside a table of parameters. */
export function EvidenceLegend() {
  const t = useT();
  return (
    <dl className="evidence-legend" aria-label={t('evidence.legendTitle')}>
      {(Object.keys(LEVELS) as EvidenceLevel[]).map((level) => (
        <div className="evidence-legend__row" key={level}>
          <dt>
            <EvidenceBadge level={level} />
          </dt>
          <dd>{t(LEVELS[level].long)}</dd>
        </div>
      ))}
    </dl>
  );
}

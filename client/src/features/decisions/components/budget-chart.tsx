import { formatYuan } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import type { Ranking } from '../types';

const WIDTH = 1000;
const HEIGHT = 48;
/** A white gap between the parts, so neighbouring colours need not contrast with each other. */
const GAP = 8;

type Segment = { key: 'committed' | 'proposed' | 'remaining'; value: number };

/**
 * The call's budget as one stacked bar: committed, proposed (above the line) and remaining. The bar is an
 * image with a summary for screen readers; the same figures are listed as text beside it.
 */
export function BudgetChart({ budget }: { budget: Ranking['budget'] }) {
  const { language, t } = useI18n();
  const money = (value: number) => formatYuan(value, language);
  const segments: Segment[] = [
    { key: 'committed', value: budget.committed },
    { key: 'proposed', value: budget.proposed },
    { key: 'remaining', value: budget.remaining },
  ];
  // Scale to the larger of the budget and what is committed or proposed, so an overrun still fits.
  const scale = Math.max(budget.total, budget.committed + budget.proposed, 1);
  let x = 0;
  const bars = segments.map((segment) => {
    const width = Math.round((Math.max(0, segment.value) / scale) * WIDTH);
    const bar = { ...segment, x, width };
    x += width;
    return bar;
  });
  const summary = t('budget.chartSummary', {
    total: money(budget.total),
    committed: money(budget.committed),
    proposed: money(budget.proposed),
    remaining: money(budget.remaining),
  });
  const labels = { committed: t('budget.committed'), proposed: t('budget.proposed'), remaining: t('budget.remaining') };

  return (
    <div className="budget-chart" data-testid="budget-chart">
      <svg className="budget-chart__svg" role="img" aria-label={summary} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" height={HEIGHT} preserveAspectRatio="none">
        <rect className="budget-chart__track" x={0} y={0} width={WIDTH} height={HEIGHT} />
        {bars
          .filter((bar) => bar.width > 0)
          .map((bar) => (
            <rect
              key={bar.key}
              className={`budget-chart__bar budget-chart__bar--${bar.key}`}
              x={bar.x + (bar.x > 0 ? GAP / 2 : 0)}
              y={0}
              width={Math.max(1, bar.width - (bar.x > 0 ? GAP / 2 : 0) - (bar.x + bar.width < WIDTH ? GAP / 2 : 0))}
              height={HEIGHT}
            />
          ))}
      </svg>
      <dl className="budget-legend">
        <div className="budget-legend__item" data-budget="total">
          <dt>{t('budget.total')}</dt>
          <dd>{money(budget.total)}</dd>
        </div>
        {segments.map((segment) => (
          <div className="budget-legend__item" key={segment.key} data-budget={segment.key}>
            <dt>
              <span className={`budget-legend__swatch budget-legend__swatch--${segment.key}`} aria-hidden="true" />
              {labels[segment.key]}
            </dt>
            <dd>{money(segment.value)}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

import type { ReactNode } from 'react';

/** A section of an insight page with its h2, labelled by it. */
export function InsightSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="section insight__section" id={id} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{title}</h2>
      {children}
    </section>
  );
}

/**
 * A chart and the table with its figures, side by side when there is room (the table below it otherwise).
 * `stacked` always puts the table below, for tables with too many columns to sit beside a chart.
 */
export function ChartPair({ chart, table, stacked = false }: { chart: ReactNode; table: ReactNode; stacked?: boolean }) {
  return (
    <div className={stacked ? 'chart-pair chart-pair--stacked' : 'chart-pair'}>
      <div className="chart-pair__chart">{chart}</div>
      <div className="chart-pair__table">{table}</div>
    </div>
  );
}

/** How tall a chart with this many bars needs to be. */
export function chartSize(bars: number): 'medium' | 'tall' | 'xtall' {
  if (bars > 14) return 'xtall';
  if (bars > 6) return 'tall';
  return 'medium';
}

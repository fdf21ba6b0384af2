import { formatDateTime } from '../../../lib/datetime';
import { formatNumber, formatYuan } from '../../../lib/format';
import { localize, useI18n } from '../../../lib/i18n';
import { countBars } from '../chart';
import { count, days, listText, shorten, statusText } from '../labels';
import type { Stats } from '../types';
import { ChartCanvas } from './chart-canvas';
import { ChartPair, InsightSection, chartSize } from './chart-pair';
import { FigureTable } from './figure-table';

/**
 * The figures of one scope (a call, a programme or the whole platform): every chart has beside it a table with
 * the same numbers, and the canvas itself is an image whose label sums the figures up.
 */
export function StatsDashboard({ stats }: { stats: Stats }) {
  const { language, t } = useI18n();
  const platformWide = stats.scope.callId === null;

  return (
    <div className="insight" data-testid="insight-dashboard">
      <p className="muted" id="insight-generated">
        {t('insight.generatedAt', { time: formatDateTime(stats.generatedAt, language) })}
      </p>
      <Overview stats={stats} />
      {stats.total === 0 ? (
        <p id="insight-empty">{t('insight.empty')}</p>
      ) : (
        <>
          <ByStatus stats={stats} />
          <FailedCriteria stats={stats} />
          <Scores stats={stats} />
        </>
      )}
      <Budget stats={stats} />
      <Processing stats={stats} />
      {platformWide && stats.byProgramme.length > 0 && <ByProgramme stats={stats} />}
    </div>
  );
}

function Overview({ stats }: { stats: Stats }) {
  const { language, t } = useI18n();
  const rows = [
    { key: 'eligible', label: t('insight.outcome.eligible'), value: stats.screening.eligible },
    { key: 'ineligible', label: t('insight.outcome.ineligible'), value: stats.screening.ineligible },
    { key: 'incomplete', label: t('insight.outcome.incomplete'), value: stats.screening.incomplete },
  ];
  return (
    <InsightSection id="insight-overview" title={t('insight.overview')}>
      <dl className="stat-list">
        <div className="stat" data-stat="total">
          <dt className="stat__label">{t('insight.total')}</dt>
          <dd className="stat__value">{count(stats.total, language)}</dd>
        </div>
      </dl>
      <FigureTable
        id="table-screening"
        className="insight__narrow-table"
        caption={t('insight.screening.caption')}
        columns={[t('insight.screening.result'), t('insight.count')]}
        rows={rows.map((row) => ({ key: row.key, attributes: { 'data-outcome': row.key }, header: row.label, figures: [count(row.value, language)] }))}
      />
    </InsightSection>
  );
}

function ByStatus({ stats }: { stats: Stats }) {
  const { language, t } = useI18n();
  const rows = stats.byStatus.map((row) => ({ ...row, label: statusText(row.status, t) }));
  const summary = t('insight.status.chart', { list: listText(rows.map((row) => [row.label, count(row.count, language)]), language) });
  return (
    <InsightSection id="insight-status" title={t('insight.status.heading')}>
      {rows.length === 0 ? (
        <p>{t('insight.empty')}</p>
      ) : (
        <ChartPair
          chart={
            <ChartCanvas
              id="chart-status"
              summary={summary}
              signature={JSON.stringify(rows)}
              build={(theme) => countBars(theme, { label: t('insight.count'), labels: rows.map((row) => row.label), data: rows.map((row) => row.count) })}
            />
          }
          table={
            <FigureTable
              id="table-status"
              caption={t('insight.status.caption')}
              columns={[t('insight.status.column'), t('insight.count')]}
              rows={rows.map((row) => ({ key: row.status, attributes: { 'data-status': row.status }, header: row.label, figures: [count(row.count, language)] }))}
            />
          }
        />
      )}
    </InsightSection>
  );
}

function FailedCriteria({ stats }: { stats: Stats }) {
  const { language, t } = useI18n();
  const rows = stats.failedCriteria.map((row) => ({ ...row, label: localize(row.name, language) }));
  const summary = t('insight.failed.chart', {
    list: listText(
      rows.map((row) => [row.label ? `${row.id} ${row.label}` : row.id, count(row.count, language)]),
      language,
    ),
  });
  return (
    <InsightSection id="insight-failed" title={t('insight.failed.heading')}>
      {rows.length === 0 ? (
        <p>{t('insight.failed.empty')}</p>
      ) : (
        <ChartPair
          chart={
            <ChartCanvas
              id="chart-failed"
              summary={summary}
              size={chartSize(rows.length)}
              signature={JSON.stringify(rows)}
              build={(theme) =>
                countBars(theme, {
                  label: t('insight.failed.count'),
                  // Two lines per bar: the criterion's id, then (shortened) its name.
                  labels: rows.map((row) => (row.label ? [row.id, shorten(row.label, 24)] : row.id)),
                  data: rows.map((row) => row.count),
                  horizontal: true,
                })
              }
            />
          }
          table={
            <FigureTable
              id="table-failed"
              caption={t('insight.failed.caption')}
              columns={[t('insight.failed.criterion'), t('insight.failed.count')]}
              rows={rows.map((row) => ({
                key: row.id,
                attributes: { 'data-criterion': row.id },
                header: (
                  <>
                    <span className="criterion__id">{row.id}</span>
                    {row.label && <> {row.label}</>}
                  </>
                ),
                figures: [count(row.count, language)],
              }))}
            />
          }
        />
      )}
    </InsightSection>
  );
}

function Scores({ stats }: { stats: Stats }) {
  const { language, t } = useI18n();
  const { scores } = stats;
  const rows = scores.buckets.map((bucket) => {
    const range = `${formatNumber(bucket.from, language)}–${formatNumber(bucket.to, language)}`;
    return { ...bucket, range, label: t('insight.scores.bandRange', { from: formatNumber(bucket.from, language), to: formatNumber(bucket.to, language) }) };
  });
  const summary = t('insight.scores.chart', { list: listText(rows.map((row) => [row.label, count(row.count, language)]), language) });
  const figures =
    scores.mean === null
      ? t('insight.scores.noMean', { count: count(scores.count, language) })
      : t('insight.scores.summary', { count: count(scores.count, language), mean: formatNumber(scores.mean, language, 1) });
  return (
    <InsightSection id="insight-scores" title={t('insight.scores.heading')}>
      <p id="insight-scores-summary">{figures}</p>
      {scores.count === 0 ? (
        <p>{t('insight.scores.empty')}</p>
      ) : (
        <ChartPair
          chart={
            <ChartCanvas
              id="chart-scores"
              summary={summary}
              signature={JSON.stringify(rows)}
              build={(theme) =>
                countBars(theme, {
                  label: t('insight.count'),
                  // Just the range under each bar (the axis says they are points), so the labels need not tilt.
                  labels: rows.map((row) => row.range),
                  data: rows.map((row) => row.count),
                  categoryTitle: t('insight.scores.axis'),
                })
              }
            />
          }
          table={
            <FigureTable
              id="table-scores"
              caption={t('insight.scores.caption')}
              columns={[t('insight.scores.band'), t('insight.count')]}
              rows={rows.map((row) => ({ key: `${row.from}-${row.to}`, attributes: { 'data-bucket': row.from }, header: row.label, figures: [count(row.count, language)] }))}
            />
          }
        />
      )}
    </InsightSection>
  );
}

function Budget({ stats }: { stats: Stats }) {
  const { language, t } = useI18n();
  const { budget } = stats;
  const money = (value: number) => formatYuan(value, language);
  const summary = t('insight.budget.chart', { total: money(budget.total), committed: money(budget.committed), remaining: money(budget.remaining) });
  const rows = [
    { key: 'total', label: t('budget.total'), value: budget.total },
    { key: 'committed', label: t('budget.committed'), value: budget.committed },
    { key: 'remaining', label: t('budget.remaining'), value: budget.remaining },
  ];
  const drawable = budget.committed > 0 || budget.remaining > 0;
  const table = (
    <FigureTable
      id="table-budget"
      caption={t('insight.budget.caption')}
      columns={[t('insight.budget.item'), t('insight.budget.amount')]}
      rows={rows.map((row) => ({ key: row.key, attributes: { 'data-budget': row.key }, header: row.label, figures: [money(row.value)] }))}
    />
  );
  return (
    <InsightSection id="insight-budget" title={t('insight.budget.heading')}>
      {drawable ? (
        <ChartPair
          chart={
            <ChartCanvas
              id="chart-budget"
              summary={summary}
              signature={JSON.stringify(budget)}
              build={(theme) => ({
                type: 'doughnut',
                data: {
                  labels: [t('budget.committed'), t('budget.remaining')],
                  datasets: [
                    {
                      label: t('insight.budget.amount'),
                      // An overspent budget has nothing remaining to draw.
                      data: [Math.max(0, budget.committed), Math.max(0, budget.remaining)],
                      backgroundColor: [theme.strong, theme.light],
                      borderColor: [theme.strong, theme.edge],
                      borderWidth: 2,
                    },
                  ],
                },
                options: {
                  plugins: {
                    legend: { position: 'bottom', labels: { color: theme.text } },
                    tooltip: { callbacks: { label: (item) => `${item.label}: ${money(Number(item.raw))}` } },
                  },
                },
              })}
            />
          }
          table={table}
        />
      ) : (
        table
      )}
    </InsightSection>
  );
}

function Processing({ stats }: { stats: Stats }) {
  const { language, t } = useI18n();
  const { processing } = stats;
  const rows = [
    { key: 'decided', label: t('insight.processing.decided'), value: count(processing.decided, language) },
    { key: 'mean', label: t('insight.processing.mean'), value: days(processing.meanDays, language, t) },
    { key: 'median', label: t('insight.processing.median'), value: days(processing.medianDays, language, t) },
    { key: 'p90', label: t('insight.processing.p90'), value: days(processing.p90Days, language, t) },
  ];
  return (
    <InsightSection id="insight-processing" title={t('insight.processing.heading')}>
      <p>{t('insight.processing.intro')}</p>
      <dl className="stat-list" id="insight-processing-figures">
        {rows.map((row) => (
          <div className="stat" key={row.key} data-processing={row.key}>
            <dt className="stat__label">{row.label}</dt>
            <dd className="stat__value">{row.value}</dd>
          </div>
        ))}
      </dl>
    </InsightSection>
  );
}

function ByProgramme({ stats }: { stats: Stats }) {
  const { language, t } = useI18n();
  return (
    <InsightSection id="insight-programmes" title={t('insight.programmes.heading')}>
      <FigureTable
        id="table-programmes"
        caption={t('insight.programmes.caption')}
        columns={[t('insight.programme'), t('insight.programmes.applications'), t('insight.programmes.submitted'), t('insight.programmes.approved'), t('insight.programmes.amount')]}
        rows={stats.byProgramme.map((row) => ({
          key: row.programme,
          attributes: { 'data-programme': row.programme },
          header: localize(row.name, language) || row.programme,
          figures: [count(row.applications, language), count(row.submitted, language), count(row.approved, language), formatYuan(row.amount, language)],
        }))}
      />
    </InsightSection>
  );
}

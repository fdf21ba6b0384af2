import { formatDateTime } from '../../../lib/datetime';
import { formatNumber, formatYuan } from '../../../lib/format';
import { localize, useI18n } from '../../../lib/i18n';
import type { ChartTheme } from '../chart';
import { count, days, listText, statusText } from '../labels';
import type { Stats } from '../types';
import { ChartCanvas } from './chart-canvas';
import { ChartPair, InsightSection, chartSize } from './chart-pair';

/** The y (or x) axis of a bar chart of counts: from zero, whole numbers only. */
function countScale(theme: ChartTheme) {
  return { beginAtZero: true, ticks: { precision: 0, color: theme.text }, grid: { color: theme.grid }, border: { color: theme.edge } };
}

function categoryScale(theme: ChartTheme) {
  return { ticks: { color: theme.text }, grid: { display: false }, border: { color: theme.edge } };
}

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
      <div className="table-wrap insight__narrow-table">
        <table className="table" id="table-screening">
          <caption className="table__caption">{t('insight.screening.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('insight.screening.result')}</th>
              <th scope="col" className="table__number">
                {t('insight.count')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} data-outcome={row.key}>
                <th scope="row">{row.label}</th>
                <td className="table__number">{count(row.value, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
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
              build={(theme) => ({
                type: 'bar',
                data: {
                  labels: rows.map((row) => row.label),
                  datasets: [{ label: t('insight.count'), data: rows.map((row) => row.count), backgroundColor: theme.bar }],
                },
                options: {
                  plugins: { legend: { display: false } },
                  scales: { x: categoryScale(theme), y: countScale(theme) },
                },
              })}
            />
          }
          table={
            <div className="table-wrap">
              <table className="table" id="table-status">
                <caption className="table__caption">{t('insight.status.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('insight.status.column')}</th>
                    <th scope="col" className="table__number">
                      {t('insight.count')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={row.status} data-status={row.status}>
                      <th scope="row">{row.label}</th>
                      <td className="table__number">{count(row.count, language)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
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
              build={(theme) => ({
                type: 'bar',
                data: {
                  // Two lines per bar: the criterion's id, then (shortened) its name.
                  labels: rows.map((row) => (row.label ? [row.id, shorten(row.label, 24)] : row.id)),
                  datasets: [{ label: t('insight.failed.count'), data: rows.map((row) => row.count), backgroundColor: theme.bar }],
                },
                options: {
                  indexAxis: 'y',
                  plugins: { legend: { display: false } },
                  scales: { x: countScale(theme), y: categoryScale(theme) },
                },
              })}
            />
          }
          table={
            <div className="table-wrap">
              <table className="table" id="table-failed">
                <caption className="table__caption">{t('insight.failed.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('insight.failed.criterion')}</th>
                    <th scope="col" className="table__number">
                      {t('insight.failed.count')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={row.id} data-criterion={row.id}>
                      <th scope="row">
                        <span className="criterion__id">{row.id}</span>
                        {row.label && <> {row.label}</>}
                      </th>
                      <td className="table__number">{count(row.count, language)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          }
        />
      )}
    </InsightSection>
  );
}

function shorten(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
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
              build={(theme) => ({
                type: 'bar',
                data: {
                  // Just the range under each bar (the axis says they are points), so the labels need not tilt.
                  labels: rows.map((row) => row.range),
                  datasets: [{ label: t('insight.count'), data: rows.map((row) => row.count), backgroundColor: theme.bar }],
                },
                options: {
                  plugins: { legend: { display: false } },
                  scales: {
                    x: { ...categoryScale(theme), title: { display: true, text: t('insight.scores.axis'), color: theme.text } },
                    y: countScale(theme),
                  },
                },
              })}
            />
          }
          table={
            <div className="table-wrap">
              <table className="table" id="table-scores">
                <caption className="table__caption">{t('insight.scores.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('insight.scores.band')}</th>
                    <th scope="col" className="table__number">
                      {t('insight.count')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={`${row.from}-${row.to}`} data-bucket={row.from}>
                      <th scope="row">{row.label}</th>
                      <td className="table__number">{count(row.count, language)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
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
    <div className="table-wrap">
      <table className="table" id="table-budget">
        <caption className="table__caption">{t('insight.budget.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('insight.budget.item')}</th>
            <th scope="col" className="table__number">
              {t('insight.budget.amount')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-budget={row.key}>
              <th scope="row">{row.label}</th>
              <td className="table__number">{money(row.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
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
      <div className="table-wrap">
        <table className="table" id="table-programmes">
          <caption className="table__caption">{t('insight.programmes.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('insight.programme')}</th>
              <th scope="col" className="table__number">
                {t('insight.programmes.applications')}
              </th>
              <th scope="col" className="table__number">
                {t('insight.programmes.submitted')}
              </th>
              <th scope="col" className="table__number">
                {t('insight.programmes.approved')}
              </th>
              <th scope="col" className="table__number">
                {t('insight.programmes.amount')}
              </th>
            </tr>
          </thead>
          <tbody>
            {stats.byProgramme.map((row) => (
              <tr key={row.programme} data-programme={row.programme}>
                <th scope="row">{localize(row.name, language) || row.programme}</th>
                <td className="table__number">{count(row.applications, language)}</td>
                <td className="table__number">{count(row.submitted, language)}</td>
                <td className="table__number">{count(row.approved, language)}</td>
                <td className="table__number">{formatYuan(row.amount, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </InsightSection>
  );
}

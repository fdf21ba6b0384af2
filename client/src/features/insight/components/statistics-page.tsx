import { LoadFailed } from '../../../components/ui/load-failed';
import { Loading } from '../../../components/ui/loading';
import { PageHeading } from '../../../components/ui/page-heading';
import { formatDateTime } from '../../../lib/datetime';
import { formatYuan } from '../../../lib/format';
import { localize, useI18n } from '../../../lib/i18n';
import { useApiResource } from '../../../lib/use-api-resource';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { getOpenData } from '../api/get-open-data';
import { count, listText } from '../labels';
import type { OpenData } from '../types';
import { ChartCanvas } from './chart-canvas';
import { ChartPair, InsightSection, chartSize } from './chart-pair';

/** Public: the platform's figures per programme and year of submission. No company or personal data. */
export function StatisticsPage() {
  const { t } = useI18n();
  const title = t('statistics.title');
  useDocumentTitle(title);
  const data = useApiResource('open-data', (signal) => getOpenData(signal));

  return (
    <>
      <PageHeading>{title}</PageHeading>
      <p className="lead">{t('statistics.intro')}</p>
      {data.status === 'loading' && <Loading />}
      {data.status === 'error' && <LoadFailed message="statistics.loadFailed" error={data.error} onRetry={data.reload} />}
      {data.status === 'success' && <Statistics data={data.data} />}
    </>
  );
}

function Statistics({ data }: { data: OpenData }) {
  const { language, t } = useI18n();
  // Grouped by programme (in the server's order of first appearance), then by year.
  const order: string[] = [];
  for (const item of data.items) if (!order.includes(item.programme)) order.push(item.programme);
  const rows = [...data.items]
    .sort((a, b) => order.indexOf(a.programme) - order.indexOf(b.programme) || a.year - b.year)
    .map((item) => ({ ...item, label: localize(item.name, language) || item.programme }));
  const summary = t('statistics.chart', {
    list: listText(
      rows.map((row) => [t('statistics.programmeYear', { programme: row.label, year: row.year }), count(row.approved, language)]),
      language,
    ),
  });

  return (
    <>
      <p className="muted" id="statistics-generated">
        {t('statistics.generatedAt', { time: formatDateTime(data.generatedAt, language) })}
      </p>
      <InsightSection id="statistics-approvals" title={t('statistics.heading')}>
        {rows.length === 0 ? (
          <p id="statistics-empty">{t('statistics.empty')}</p>
        ) : (
          <ChartPair
            stacked
            chart={
              <ChartCanvas
                id="chart-approvals"
                summary={summary}
                size={chartSize(rows.length)}
                signature={JSON.stringify(rows)}
                build={(theme) => ({
                  type: 'bar',
                  data: {
                    // Two lines per bar: the programme (shortened), then the year.
                    labels: rows.map((row) => [row.label.length > 16 ? `${row.label.slice(0, 15)}…` : row.label, String(row.year)]),
                    datasets: [{ label: t('statistics.approved'), data: rows.map((row) => row.approved), backgroundColor: theme.bar }],
                  },
                  options: {
                    indexAxis: 'y',
                    plugins: { legend: { display: false } },
                    scales: {
                      x: { beginAtZero: true, ticks: { precision: 0, color: theme.text }, grid: { color: theme.grid }, border: { color: theme.edge } },
                      y: { ticks: { color: theme.text }, grid: { display: false }, border: { color: theme.edge } },
                    },
                  },
                })}
              />
            }
            table={
              <div className="table-wrap">
                <table className="table" id="statistics-table">
                  <caption className="table__caption">{t('statistics.caption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('statistics.programme')}</th>
                      <th scope="col" className="table__number">
                        {t('statistics.year')}
                      </th>
                      <th scope="col" className="table__number">
                        {t('statistics.submitted')}
                      </th>
                      <th scope="col" className="table__number">
                        {t('statistics.approved')}
                      </th>
                      <th scope="col" className="table__number">
                        {t('statistics.amount')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((row) => (
                      <tr key={`${row.programme}-${row.year}`} data-programme={row.programme} data-year={row.year}>
                        <th scope="row">{row.label}</th>
                        <td className="table__number">{row.year}</td>
                        <td className="table__number">{count(row.submitted, language)}</td>
                        <td className="table__number">{count(row.approved, language)}</td>
                        <td className="table__number">{formatYuan(row.amount, language)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            }
          />
        )}
      </InsightSection>
    </>
  );
}

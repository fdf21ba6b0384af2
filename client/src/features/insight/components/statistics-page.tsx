import { LoadFailed } from '../../../components/ui/load-failed';
import { Loading } from '../../../components/ui/loading';
import { PageHeading } from '../../../components/ui/page-heading';
import { formatDateTime } from '../../../lib/datetime';
import { formatYuan } from '../../../lib/format';
import { localize, useI18n } from '../../../lib/i18n';
import { useApiResource } from '../../../lib/use-api-resource';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { getOpenData } from '../api/get-open-data';
import { countBars } from '../chart';
import { count, listText, shorten } from '../labels';
import type { OpenData } from '../types';
import { ChartCanvas } from './chart-canvas';
import { ChartPair, InsightSection, chartSize } from './chart-pair';
import { FigureTable } from './figure-table';

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
                build={(theme) =>
                  countBars(theme, {
                    label: t('statistics.approved'),
                    // Two lines per bar: the programme (shortened), then the year.
                    labels: rows.map((row) => [shorten(row.label, 16), String(row.year)]),
                    data: rows.map((row) => row.approved),
                    horizontal: true,
                  })
                }
              />
            }
            table={
              <FigureTable
                id="statistics-table"
                caption={t('statistics.caption')}
                columns={[t('statistics.programme'), t('statistics.year'), t('statistics.submitted'), t('statistics.approved'), t('statistics.amount')]}
                rows={rows.map((row) => ({
                  key: `${row.programme}-${row.year}`,
                  attributes: { 'data-programme': row.programme, 'data-year': row.year },
                  header: row.label,
                  figures: [row.year, count(row.submitted, language), count(row.approved, language), formatYuan(row.amount, language)],
                }))}
              />
            }
          />
        )}
      </InsightSection>
    </>
  );
}

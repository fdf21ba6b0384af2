import { Link, useSearchParams } from 'react-router';
import { LoadFailed } from '../../../components/ui/load-failed';
import { Loading } from '../../../components/ui/loading';
import { PageHeading } from '../../../components/ui/page-heading';
import { formatDateTime } from '../../../lib/datetime';
import { formatFixed2 } from '../../../lib/format';
import { useI18n, type MessageKey } from '../../../lib/i18n';
import { recognitionStatusText } from '../../../lib/recognition/labels';
import { useApiResource } from '../../../lib/use-api-resource';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { getRequests } from '../api/get-requests';
import type { RecognitionStatus } from '../types';

/** The filter's choices, in order; "all" sends no status. Submitted requests wait for the officer, so they come first. */
const FILTERS: { value: RecognitionStatus | 'all'; label: MessageKey }[] = [
  { value: 'submitted', label: 'recognitionStatus.submitted' },
  { value: 'confirmed', label: 'recognitionStatus.confirmed' },
  { value: 'all', label: 'recognitionQueue.all' },
];
const DEFAULT_FILTER = 'submitted';

function readFilter(value: string | null): RecognitionStatus | 'all' {
  return FILTERS.find((filter) => filter.value === value)?.value ?? DEFAULT_FILTER;
}

/** Officer: the members' residence-point requests to confirm, filtered by status (kept in the address). */
export function RecognitionQueuePage() {
  const { language, t } = useI18n();
  const [params, setParams] = useSearchParams();
  const filter = readFilter(params.get('status'));
  const list = useApiResource(`recognition-queue:${filter}`, (signal) => getRequests({ status: filter === 'all' ? undefined : filter, limit: 200 }, signal));
  const title = t('recognitionQueue.title');
  useDocumentTitle(title);
  const points = (value: number | null) => (value === null ? '—' : formatFixed2(value, language));

  function choose(value: string) {
    const next = readFilter(value);
    setParams(next === DEFAULT_FILTER ? {} : { status: next }, { replace: true });
  }

  return (
    <>
      <PageHeading>{title}</PageHeading>
      <p className="lead">{t('recognitionQueue.intro')}</p>
      <form className="form filter-form" onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label className="field__label" htmlFor="recognition-status-filter">
            {t('recognitionQueue.filter')}
          </label>
          <select className="field__input field__select" id="recognition-status-filter" name="status" value={filter} onChange={(event) => choose(event.target.value)}>
            {FILTERS.map((option) => (
              <option key={option.value} value={option.value}>
                {t(option.label)}
              </option>
            ))}
          </select>
        </div>
      </form>
      {list.status === 'loading' && <Loading />}
      {list.status === 'error' && <LoadFailed message="recognitionQueue.loadFailed" error={list.error} onRetry={list.reload} />}
      {list.status === 'success' && list.data.items.length === 0 && <p id="recognition-queue-empty">{t('recognitionQueue.empty')}</p>}
      {list.status === 'success' && list.data.items.length > 0 && (
        <div className="table-wrap">
          <table className="table" id="recognition-queue">
            <caption className="table__caption">{t('recognitionQueue.caption', { count: list.data.total })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('recognitionQueue.member')}</th>
                <th scope="col">{t('recognitionQueue.team')}</th>
                <th scope="col" className="table__number">
                  {t('recognitionQueue.computed')}
                </th>
                <th scope="col" className="table__number">
                  {t('recognitionQueue.confirmed')}
                </th>
                <th scope="col">{t('recognitionQueue.status')}</th>
                <th scope="col">{t('recognitionQueue.submittedAt')}</th>
                <th scope="col">{t('recognitionQueue.action')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((item) => (
                <tr key={item.id} data-request={item.id} data-status={item.status}>
                  <th scope="row">
                    {item.member.name || <span className="muted">{t('roster.nameErased')}</span>}
                    {item.member.idNumberMasked && <span className="letter-table__reference code-text">{item.member.idNumberMasked}</span>}
                  </th>
                  <td>
                    {item.team.name}
                    <span className="letter-table__reference">{item.company.name}</span>
                  </td>
                  <td className="table__number">{points(item.computedPoints)}</td>
                  <td className="table__number">{points(item.confirmedPoints)}</td>
                  <td>
                    <span className={`status status--recognition-${item.status}`}>{recognitionStatusText(item.status, t)}</span>
                  </td>
                  <td>{formatDateTime(item.submittedAt, language)}</td>
                  <td>
                    <Link to={`/recognition/${encodeURIComponent(item.id)}`} id={`recognition-open-${item.id}`}>
                      {item.status === 'submitted' ? t('recognitionQueue.review') : t('recognitionQueue.view')}
                      <span className="visually-hidden">{t('roster.forMember', { name: item.member.name || t('roster.nameErased') })}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

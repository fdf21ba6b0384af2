import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { CallBackLink } from '../../../components/ui/call-back-link';
import { CallOfficerLinks } from '../../../components/ui/call-officer-links';
import { LoadFailed } from '../../../components/ui/load-failed';
import { Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { PageHeading } from '../../../components/ui/page-heading';
import { ServerText } from '../../../components/ui/server-text';
import { appealStatusText } from '../../../lib/decisions/labels';
import { formatDateTime } from '../../../lib/datetime';
import { describeError } from '../../../lib/error-message';
import { formatFixed2 } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { gapReasonText } from '../../../lib/reviews/labels';
import { useApiResource } from '../../../lib/use-api-resource';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { assignReviewers } from '../api/assign-reviewers';
import { getAppeals } from '../api/get-appeals';
import { getCall } from '../api/get-call';
import type { AppealItem, AssignResult, CallBudget } from '../types';

/** Officer: the appeals against a call's rejections, appeal panel assignment, and links to decide them. */
export function AppealsPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const call = useApiResource(`call:${id}`, (signal) => getCall(id, signal));
  const [changes, setChanges] = useState(0);
  const appeals = useApiResource(`appeals:${id}:${changes}`, (signal) => getAppeals(id, signal));
  const title = call.status === 'success' ? t('appeals.title', { title: call.data.title }) : t('appeals.titleGeneric');
  useDocumentTitle(title);

  return (
    <>
      <CallBackLink callId={id} />
      <PageHeading>{title}</PageHeading>
      <CallOfficerLinks callId={id} current="appeals" />
      {call.status === 'error' && <LoadFailed message="appeals.callLoadFailed" error={call.error} onRetry={call.reload} />}
      {call.status === 'success' && (
        <AssignAppealPanels
          call={call.data}
          companies={new Map(appeals.status === 'success' ? appeals.data.items.map((item) => [item.applicationId, item.company.name]) : [])}
          onAssigned={() => setChanges((n) => n + 1)}
        />
      )}
      <section className="section" aria-labelledby="appeals-heading">
        <h2 id="appeals-heading">{t('appeals.listTitle')}</h2>
        {appeals.status === 'loading' && <Loading />}
        {appeals.status === 'error' && <LoadFailed message="appeals.loadFailed" error={appeals.error} onRetry={appeals.reload} />}
        {appeals.status === 'success' && appeals.data.items.length === 0 && <p id="appeals-empty">{t('appeals.empty')}</p>}
        {appeals.status === 'success' && appeals.data.items.length > 0 && <AppealTable items={appeals.data.items} />}
      </section>
    </>
  );
}

function AppealTable({ items }: { items: AppealItem[] }) {
  const { language, t } = useI18n();
  return (
    <div className="table-wrap">
      <table className="table" id="appeals">
        <caption className="table__caption">{t('appeals.caption', { count: items.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('ranking.company')}</th>
            <th scope="col">{t('appeals.filedAt')}</th>
            <th scope="col">{t('appeals.status')}</th>
            <th scope="col" className="table__number">
              {t('appeals.score')}
            </th>
            <th scope="col">{t('appeals.reasons')}</th>
            <th scope="col">{t('ranking.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id} data-appeal={item.id} data-status={item.status}>
              <th scope="row">
                {item.company.name}
                <span className="panel-card__fields">{item.company.uscc}</span>
              </th>
              <td>{formatDateTime(item.filedAt, language)}</td>
              <td>
                <span className={`status status--appeal-${item.status}`}>{appealStatusText(item.status, t)}</span>
                <span className="panel-card__fields">{t('appeals.firstPanel', { count: item.firstPanel.length })}</span>
              </td>
              <td className="table__number">{item.score === null ? '—' : formatFixed2(item.score, language)}</td>
              <td className="score-comment appeal-reasons">{item.reasons}</td>
              <td>
                <Link to={`/applications/${encodeURIComponent(item.applicationId)}/decision`}>
                  {item.status === 'decided' ? t('ranking.viewDecision') : t('ranking.decide')}
                  <span className="visually-hidden">{t('panels.forCompany', { company: item.company.name })}</span>
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Runs the automatic assignment, which also fills appeal panels with reviewers not on the first panel. */
function AssignAppealPanels({ call, companies, onAssigned }: { call: CallBudget; companies: Map<string, string>; onAssigned: () => void }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [result, setResult] = useState<AssignResult | null>(null);

  async function handleClick() {
    if (busy) return;
    setBusy(true);
    setError('');
    setResult(null);
    try {
      setResult(await assignReviewers(call.id, call.reviewersPerApplication));
      onAssigned();
    } catch (failure) {
      setError(describeError(failure, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="section" aria-labelledby="appeal-assign-heading">
      <h2 id="appeal-assign-heading">{t('appeals.assignTitle')}</h2>
      <p>{t('appeals.assignIntro', { count: call.reviewersPerApplication })}</p>
      <button className="button" type="button" id="appeal-assign" onClick={() => void handleClick()} aria-disabled={busy || undefined}>
        {busy ? t('appeals.assigning') : t('appeals.assign')}
      </button>
      <div role="status" aria-live="polite" className="assign-result" id="appeal-assign-result">
        {result && (
          <div className={result.unfilled.length > 0 ? 'notice notice--info' : 'notice notice--success'}>
            <p>
              {result.created.length === 0 && result.unfilled.length === 0
                ? t('panels.assign.nothingToDo')
                : t('appeals.assigned', { count: result.created.length })}
            </p>
            {result.unfilled.length > 0 && (
              <ul>
                {result.unfilled.map((gap) => (
                  <li key={gap.applicationId}>
                    {t('panels.assign.unfilled', { company: companies.get(gap.applicationId) ?? gap.applicationId, missing: gap.missing })}{' '}
                    {typeof gap.reason === 'string' ? gapReasonText(gap.reason, t) : <ServerText value={gap.reason} />}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
      {error && (
        <Notice kind="error">
          <p>{error}</p>
        </Notice>
      )}
    </section>
  );
}

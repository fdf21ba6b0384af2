import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { PageHeading } from '../../../components/ui/page-heading';
import { isApiError } from '../../../lib/api';
import { formatDateTime, timeLeft } from '../../../lib/datetime';
import { describeError } from '../../../lib/error-message';
import { formatYuan } from '../../../lib/format';
import { localize, useI18n } from '../../../lib/i18n';
import { hasAnyRole, useSession } from '../../../lib/session';
import { useApiResource } from '../../../lib/use-api-resource';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { getCalls } from '../api/get-calls';
import { useNow } from '../../../lib/use-now';
import { getProgrammes } from '../api/get-programmes';
import { startApplication } from '../api/start-application';
import type { Call, ProgrammeName } from '../types';

type Tab = 'open' | 'upcoming' | 'closed';
const TAB_LABELS = { open: 'calls.tab.open', upcoming: 'calls.tab.upcoming', closed: 'calls.tab.closed' } as const;

export function CallsPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const staff = hasAnyRole(user, ['officer', 'admin']);
  const [tab, setTab] = useState<Tab>('open');
  const title = t('calls.title');
  useDocumentTitle(title);
  const calls = useApiResource(`calls:${tab}`, (signal) => getCalls(tab, signal));
  const programmes = useApiResource('programmes', (signal) => getProgrammes(signal));
  const names = programmes.status === 'success' ? programmes.data.items : [];

  return (
    <>
      <PageHeading>{title}</PageHeading>
      <p className="lead">{t('calls.intro')}</p>
      {staff && (
        <p>
          <Link className="button" to="/calls/new">
            {t('calls.create')}
          </Link>
        </p>
      )}
      <fieldset className="fieldset fieldset--choice call-tabs">
        <legend className="field__label">{t('calls.show')}</legend>
        <div className="choices">
          {(['open', 'upcoming', 'closed'] as Tab[]).map((value) => (
            <div className="choice" key={value}>
              <input className="choice__input" type="radio" id={`calls-tab-${value}`} name="calls-tab" value={value} checked={tab === value} onChange={() => setTab(value)} />
              <label className="choice__label" htmlFor={`calls-tab-${value}`}>
                {t(TAB_LABELS[value])}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      {calls.status === 'loading' && <Loading />}
      {calls.status === 'error' && (
        <Notice kind="error">
          <p>
            {t('calls.loadFailed')} {describeError(calls.error, t)}
          </p>
          <button className="button button--secondary" type="button" onClick={calls.reload}>
            {t('common.retry')}
          </button>
        </Notice>
      )}
      {calls.status === 'success' && calls.data.items.length === 0 && <p>{t('calls.empty')}</p>}
      {calls.status === 'success' && calls.data.items.length > 0 && (
        <ul className="card-list" data-testid="call-list">
          {calls.data.items.map((call) => (
            <li key={call.id}>
              <CallCard call={call} programmes={names} staff={staff} applicant={hasAnyRole(user, ['applicant'])} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function CallCard({ call, programmes, staff, applicant }: { call: Call; programmes: ProgrammeName[]; staff: boolean; applicant: boolean }) {
  const { language, t } = useI18n();
  const navigate = useNavigate();
  // the deadlines' countdowns move every half minute
  const now = useNow(30_000);
  const [error, setError] = useState('');
  const [starting, setStarting] = useState(false);
  const programme = programmes.find((p) => p.code === call.programme);
  const closes = new Date(call.closesAt).getTime();
  const opens = new Date(call.opensAt).getTime();
  const graceEnds = closes + call.graceMinutes * 60_000;
  const open = now >= opens && now < graceEnds;

  let countdown: string;
  if (now < opens) countdown = t('calls.opensOn', { date: formatDateTime(call.opensAt, language) });
  else if (now < closes) {
    const left = timeLeft(closes, now);
    countdown =
      left.days > 0
        ? t('calls.leftDaysHours', { days: left.days, hours: left.hours })
        : t('calls.leftHoursMinutes', { hours: left.hours, minutes: left.minutes });
  } else if (now < graceEnds) countdown = t('calls.inGrace');
  else countdown = t('calls.closed');

  async function handleStart() {
    setStarting(true);
    setError('');
    try {
      const started = await startApplication(call.id);
      navigate(`/applications/${encodeURIComponent(started.id)}`);
    } catch (failure) {
      const existing = isApiError(failure) && failure.code === 'application_exists' ? failure.extra.applicationId : undefined;
      if (typeof existing === 'string' || typeof existing === 'number') {
        navigate(`/applications/${encodeURIComponent(String(existing))}`);
        return;
      }
      setError(describeError(failure, t));
      setStarting(false);
    }
  }

  const headingId = `call-${call.id}-title`;
  return (
    <article className="card call-card" data-call={call.id} aria-labelledby={headingId}>
      <p className="card__meta">{programme ? localize(programme.name, language) : call.programme}</p>
      <h2 className="card__title" id={headingId}>
        {call.title}
      </h2>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>{t('calls.deadline')}</dt>
          <dd>
            <time dateTime={call.closesAt}>{formatDateTime(call.closesAt, language)}</time> {t('calls.beijingTime')}
            {call.graceMinutes > 0 && <> {t('calls.grace', { minutes: call.graceMinutes })}</>}
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>{t('calls.timeLeft')}</dt>
          <dd className="call-card__countdown">{countdown}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t('calls.budget')}</dt>
          <dd>{formatYuan(call.budget, language)}</dd>
        </div>
      </dl>
      {error && (
        <Notice kind="error">
          <p>{error}</p>
        </Notice>
      )}
      <div className="button-row">
        {applicant && open && (
          <button className="button start-application" type="button" onClick={() => void handleStart()} aria-busy={starting || undefined}>
            {t('calls.start')}
            <span className="visually-hidden">{t('calls.forCall', { title: call.title })}</span>
          </button>
        )}
        {staff && (
          <>
            <Link className="button button--secondary" to={`/calls/${encodeURIComponent(call.id)}/edit`}>
              {t('calls.edit')}
              <span className="visually-hidden">{t('calls.forCall', { title: call.title })}</span>
            </Link>
            <Link className="button button--secondary" to={`/calls/${encodeURIComponent(call.id)}/applications`}>
              {t('calls.applications')}
              <span className="visually-hidden">{t('calls.forCall', { title: call.title })}</span>
            </Link>
            <Link className="button button--secondary" to={`/calls/${encodeURIComponent(call.id)}/decisions`}>
              {t('callLinks.decisions')}
              <span className="visually-hidden">{t('calls.forCall', { title: call.title })}</span>
            </Link>
            <Link className="button button--secondary" to={`/calls/${encodeURIComponent(call.id)}/insight`}>
              {t('callLinks.insight')}
              <span className="visually-hidden">{t('calls.forCall', { title: call.title })}</span>
            </Link>
          </>
        )}
      </div>
    </article>
  );
}

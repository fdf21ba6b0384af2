import { useMemo, useRef, useState, useEffect } from 'react';
import { Link, useParams } from 'react-router';
import { EvidenceLegend } from '../../../components/ui/evidence-badge';
import { Loading } from '../../../components/ui/loading';
import { Notice } from '../../../components/ui/notice';
import { PageHeading } from '../../../components/ui/page-heading';
import { ParameterTable } from '../../../components/ui/parameter-table';
import { isApiError } from '../../../lib/api';
import { describeError } from '../../../lib/error-message';
import { collectEnumLabels } from '../../../lib/format';
import { localize, useI18n, type Translate } from '../../../lib/i18n';
import { useApiResource } from '../../../lib/use-api-resource';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { getProgramme } from '../api/get-programme';
import { getRuleSets } from '../api/get-rule-sets';
import type { CallRef, ProgrammeInfo, RuleSetVersion } from '../types';
import { NewVersionForm } from './new-version-form';

function keyOf(ruleSet: { id: string; version: number }): string {
  return `${ruleSet.id}@${ruleSet.version}`;
}

export function RuleSetsPage() {
  const { code = '' } = useParams();
  const { language, t } = useI18n();
  const programme = useApiResource(`programme:${code}`, (signal) => getProgramme(code, signal));
  const [listAttempt, setListAttempt] = useState(0);
  const [created, setCreated] = useState<RuleSetVersion | null>(null);
  const ruleSets = useApiResource(`rule-sets:${code}:${listAttempt}`, (signal) => getRuleSets(code, signal));

  const notFound =
    (programme.status === 'error' && isApiError(programme.error) && programme.error.status === 404) ||
    (ruleSets.status === 'error' && isApiError(ruleSets.error) && ruleSets.error.status === 404);
  const name = programme.status === 'success' ? localize(programme.data.name, language) : code;
  const title = notFound ? t('programme.notFoundTitle') : t('ruleSets.title', { name });
  useDocumentTitle(title);

  return (
    <>
      <p className="back-link">
        <Link to="/officer/rule-sets">{t('ruleSets.backToIndex')}</Link>
      </p>
      <PageHeading>{title}</PageHeading>
      {notFound ? (
        <p>{t('programme.notFoundBody')}</p>
      ) : (
        <>
          <p className="lead">{t('ruleSets.intro')}</p>
          <Notice kind="info">
            <p>{t('ruleSets.frozenExplained')}</p>
          </Notice>
          <p>
            <Link to={`/programmes/${encodeURIComponent(code)}`}>{t('ruleSets.publicPage')}</Link>
          </p>
          {ruleSets.status === 'loading' && <Loading />}
          {ruleSets.status === 'error' && (
            <Notice kind="error">
              <p>
                {t('ruleSets.loadFailed')} {describeError(ruleSets.error, t)}
              </p>
              <button className="button button--secondary" type="button" onClick={ruleSets.reload}>
                {t('common.retry')}
              </button>
            </Notice>
          )}
          {ruleSets.status === 'success' && (
            <RuleSetVersions
              code={code}
              items={ruleSets.data.items}
              programme={programme.status === 'success' ? programme.data : undefined}
              created={created}
              onCreated={(version) => {
                setCreated(version);
                setListAttempt((n) => n + 1);
              }}
            />
          )}
        </>
      )}
    </>
  );
}

type VersionsProps = {
  code: string;
  items: RuleSetVersion[];
  programme?: ProgrammeInfo;
  /** The version this officer just published, if any: selected and announced after the list reloads. */
  created: RuleSetVersion | null;
  onCreated: (version: RuleSetVersion) => void;
};

function RuleSetVersions({ code, items, programme, created, onCreated }: VersionsProps) {
  const { language, t } = useI18n();
  const [selectedKey, setSelectedKey] = useState<string | undefined>(() => {
    const initial = created ?? items.find((item) => item.kind === 'eligibility') ?? items[0];
    return initial ? keyOf(initial) : undefined;
  });
  const selected = items.find((item) => keyOf(item) === selectedKey);
  const enumLabels = useMemo(() => collectEnumLabels(programme?.factSchema), [programme?.factSchema]);
  const detailHeading = useRef<HTMLHeadingElement>(null);
  const [focusSignal, setFocusSignal] = useState(0);
  const createdNotice = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (focusSignal > 0) detailHeading.current?.focus();
  }, [focusSignal]);

  useEffect(() => {
    if (created) createdNotice.current?.focus();
  }, []);

  function select(item: RuleSetVersion) {
    setSelectedKey(keyOf(item));
    setFocusSignal((n) => n + 1);
  }

  if (items.length === 0) return <p>{t('ruleSets.empty')}</p>;

  return (
    <>
      {created && (
        <div className="notice notice--success" role="status" tabIndex={-1} ref={createdNotice} id="rule-set-created">
          <p>{t('ruleSets.created', { id: created.id, version: String(created.version) })}</p>
          <p>{t('ruleSets.createdDates', { dates: dateRange(created, t) })}</p>
        </div>
      )}
      <section className="section" aria-labelledby="versions-heading">
        <h2 id="versions-heading">{t('ruleSets.versions')}</h2>
        <div className="table-wrap">
          <table className="table" id="rule-set-versions">
            <caption className="visually-hidden">{t('ruleSets.versionsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('ruleSets.version')}</th>
                <th scope="col">{t('ruleSets.kind')}</th>
                <th scope="col">{t('ruleSets.effective')}</th>
                <th scope="col">{t('ruleSets.note')}</th>
                <th scope="col">{t('ruleSets.createdAt')}</th>
                <th scope="col">{t('ruleSets.callsUsing')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('ruleSets.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => {
                const isSelected = keyOf(item) === selectedKey;
                return (
                  <tr
                    key={keyOf(item)}
                    data-rule-set={item.id}
                    data-version={item.version}
                    className={isSelected ? 'table__row--selected' : undefined}
                    aria-current={isSelected ? 'true' : undefined}
                  >
                    <th scope="row">
                      <code>{item.id}</code> {t('precheck.versionN', { version: String(item.version) })}
                    </th>
                    <td>{item.kind === 'award' ? t('ruleSets.kindAward') : t('ruleSets.kindEligibility')}</td>
                    <td>{dateRange(item, t)}</td>
                    <td>{item.note || <span className="muted">—</span>}</td>
                    <td>{createdText(item, language)}</td>
                    <td>
                      <CallsUsing calls={item.callsUsing} />
                    </td>
                    <td>
                      <button
                        className="button button--secondary button--small"
                        type="button"
                        aria-pressed={isSelected}
                        onClick={() => select(item)}
                      >
                        {t('ruleSets.view')}
                        <span className="visually-hidden"> {`${item.id} v${item.version}`}</span>
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>

      {selected && (
        <section className="section" aria-labelledby="selected-heading" id="selected-rule-set" data-rule-set={selected.id} data-version={selected.version}>
          <h2 id="selected-heading" tabIndex={-1} ref={detailHeading} className="focus-heading">
            {t('ruleSets.selectedTitle', { id: selected.id, version: String(selected.version) })}
          </h2>
          <p>
            {selected.kind === 'award' ? t('ruleSets.kindAward') : t('ruleSets.kindEligibility')} · {dateRange(selected, t)}
          </p>
          <h3 className="small-heading">{t('evidence.legendTitle')}</h3>
          <EvidenceLegend />
          <ParameterTable
            id="selected-parameters"
            caption={t('ruleSets.parametersCaption', { id: selected.id, version: String(selected.version) })}
            parameters={selected.parameters}
            criteria={selected.kind === 'eligibility' ? programme?.criteria : undefined}
            enumLabels={enumLabels}
          />
          <NewVersionForm key={keyOf(selected)} code={code} basedOn={selected} onCreated={onCreated} />
        </section>
      )}
    </>
  );
}

export function dateRange(item: { effectiveFrom: string; effectiveTo: string | null }, t: Translate): string {
  return item.effectiveTo
    ? t('programme.effectiveBetween', { from: item.effectiveFrom, to: item.effectiveTo })
    : t('programme.effectiveFrom', { from: item.effectiveFrom });
}

function createdText(item: RuleSetVersion, language: string): string {
  const at = item.createdAt ? item.createdAt.slice(0, 10) : '';
  const by = item.createdBy;
  const who =
    by == null ? '' : typeof by === 'object' ? by.displayName || by.email || String(by.id ?? '') : String(by);
  if (!at && !who) return '—';
  if (!who) return at;
  return language === 'en' ? `${at} by ${who}`.trim() : `${at}，${who}`.replace(/^，/, '');
}

function CallsUsing({ calls }: { calls: RuleSetVersion['callsUsing'] }) {
  const { language, t } = useI18n();
  if (calls == null) return <>—</>;
  if (typeof calls === 'number') return <>{calls === 0 ? t('ruleSets.noCalls') : t('ruleSets.callCount', { count: calls })}</>;
  if (calls.length === 0) return <>{t('ruleSets.noCalls')}</>;
  const name = (call: CallRef) =>
    typeof call === 'object' ? (call.title ? localize(call.title, language as 'zh-CN' | 'en') : String(call.id ?? '')) : String(call);
  return (
    <ul className="plain-list">
      {calls.map((call, index) => (
        <li key={index}>{name(call)}</li>
      ))}
    </ul>
  );
}

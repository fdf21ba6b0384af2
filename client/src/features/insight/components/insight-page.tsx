import { useSearchParams } from 'react-router';
import { LoadFailed } from '../../../components/ui/load-failed';
import { Loading } from '../../../components/ui/loading';
import { PageHeading } from '../../../components/ui/page-heading';
import { localize, useI18n } from '../../../lib/i18n';
import { hasAnyRole, useSession } from '../../../lib/session';
import { useApiResource } from '../../../lib/use-api-resource';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { getProgrammes } from '../../calls/api/get-programmes';
import { getStats } from '../api/get-stats';
import { PlanTargets } from './plan-targets';
import { StatsDashboard } from './stats-dashboard';

/** Officers and admins: the platform's figures, for all programmes or one, and the plan's targets beside them. */
export function InsightPage() {
  const { language, t } = useI18n();
  const { user } = useSession();
  const [searchParams, setSearchParams] = useSearchParams();
  const programme = searchParams.get('programme') ?? '';
  const programmes = useApiResource('programmes', (signal) => getProgrammes(signal));
  const stats = useApiResource(`stats:programme:${programme}`, (signal) => getStats({ programme: programme || undefined }, signal));
  const title = t('insight.title');
  useDocumentTitle(title);

  const options = programmes.status === 'success' ? programmes.data.items.map((p) => ({ code: p.code, name: localize(p.name, language) })) : [];
  // Until the list loads (or if it fails), a programme chosen by link still shows as selected.
  if (programme && !options.some((option) => option.code === programme)) options.push({ code: programme, name: programme });

  function choose(code: string) {
    setSearchParams(code ? { programme: code } : {}, { replace: true });
  }

  return (
    <>
      <PageHeading>{title}</PageHeading>
      <p className="lead">{t('insight.intro')}</p>
      <form className="form filter-form" onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label className="field__label" htmlFor="insight-programme">
            {t('insight.programme')}
          </label>
          <select className="field__input field__select" id="insight-programme" name="programme" value={programme} onChange={(event) => choose(event.target.value)}>
            <option value="">{t('insight.allProgrammes')}</option>
            {options.map((option) => (
              <option key={option.code} value={option.code}>
                {option.name}
              </option>
            ))}
          </select>
        </div>
      </form>
      {stats.status === 'loading' && <Loading />}
      {stats.status === 'error' && <LoadFailed message="insight.loadFailed" error={stats.error} onRetry={stats.reload} />}
      {stats.status === 'success' && <StatsDashboard stats={stats.data} />}
      <PlanTargets canEdit={hasAnyRole(user, ['admin'])} />
    </>
  );
}

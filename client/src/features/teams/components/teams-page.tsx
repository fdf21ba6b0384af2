import { Link } from 'react-router';
import { LoadFailed } from '../../../components/ui/load-failed';
import { Loading } from '../../../components/ui/loading';
import { PageHeading } from '../../../components/ui/page-heading';
import { formatDateTime } from '../../../lib/datetime';
import { useI18n } from '../../../lib/i18n';
import { hasAnyRole, useSession } from '../../../lib/session';
import { useApiResource } from '../../../lib/use-api-resource';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { getTeams } from '../api/get-teams';
import type { Team } from '../types';
import { CreateTeamForm } from './create-team-form';

/** Talent teams: the firm's own (and a form to register one), or, for officers, every firm's. */
export function TeamsPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const title = t('teams.title');
  useDocumentTitle(title);
  const teams = useApiResource('talent-teams', (signal) => getTeams(signal));
  const officer = hasAnyRole(user, ['officer', 'admin']);
  const firm = hasAnyRole(user, ['applicant']);

  return (
    <>
      <PageHeading>{title}</PageHeading>
      <p className="lead">{officer ? t('teams.introOfficer') : t('teams.intro')}</p>
      <section className="section" aria-labelledby="teams-list-heading">
        <h2 id="teams-list-heading">{officer ? t('teams.listTitleOfficer') : t('teams.listTitle')}</h2>
        {teams.status === 'loading' && <Loading />}
        {teams.status === 'error' && <LoadFailed message="teams.loadFailed" error={teams.error} onRetry={teams.reload} />}
        {teams.status === 'success' && teams.data.items.length === 0 && <p id="teams-empty">{t('teams.empty')}</p>}
        {teams.status === 'success' && teams.data.items.length > 0 && <TeamsTable teams={teams.data.items} total={teams.data.total} showCompany={officer} />}
      </section>
      {firm && (
        <section className="section" aria-labelledby="create-team-heading">
          <h2 id="create-team-heading">{t('createTeam.title')}</h2>
          <p>{t('createTeam.intro')}</p>
          <CreateTeamForm />
        </section>
      )}
    </>
  );
}

function TeamsTable({ teams, total, showCompany }: { teams: Team[]; total: number; showCompany: boolean }) {
  const { language, t } = useI18n();
  return (
    <div className="table-wrap">
      <table className="table" id="teams-table">
        <caption className="table__caption">{t('teams.caption', { count: total })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('teams.name')}</th>
            {showCompany && <th scope="col">{t('teams.company')}</th>}
            <th scope="col" className="table__number">
              {t('teams.members')}
            </th>
            <th scope="col">{t('teams.consent')}</th>
            <th scope="col">{t('teams.updated')}</th>
          </tr>
        </thead>
        <tbody>
          {teams.map((team) => {
            const current = team.members.filter((member) => !member.erasedAt);
            const given = current.filter((member) => member.consentRecord.status === 'given').length;
            return (
              <tr key={team.id} data-team={team.id}>
                <th scope="row">
                  <Link to={`/teams/${encodeURIComponent(team.id)}`}>{team.name}</Link>
                </th>
                {showCompany && <td>{team.company.name}</td>}
                <td className="table__number">{current.length}</td>
                <td>{t('teams.consentCount', { given, total: current.length })}</td>
                <td>{formatDateTime(team.updatedAt, language)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

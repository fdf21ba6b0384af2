// Demo talent team (development only): 广州示例科技有限公司's team with a leader whose consent the firm attested and a
// core member still to be asked; the leader's residence-point request is computed and submitted, so an officer who signs
// in finds it in the recognition queue. The ID numbers are made-up demo numbers, encrypted like any other.
import type { Logger } from 'pino';
import type { Services } from '../server/services.ts';
import type { CurrentUser } from '../server/modules/identity/identity.types.ts';

const DEMO_TEAM = '智能传感创新团队';

const leaderFacts = {
  permitCity: 'guangzhou',
  permitValidTo: '2027-12-31',
  permitYears: 5,
  ownsHome: false,
  rentalYears: 4,
  movedOutYears: 0,
  socialInsuranceMonths: 60,
  insuranceYears: { pension: 5, medical: 5, unemployment: 5, workInjury: 5, maternity: 5 },
  education: 'bachelor',
  skill: 'mid_title',
  skillMatchesJob: true,
  patents: [],
  hteYears: 3,
  bloodDonations: 0,
  volunteerHours: 60,
  criminalRecord5y: false,
};

export async function seedDemoTalent(services: Services, options: { logger: Logger }) {
  const { db, useCases } = services;
  const row = await db.models.User.findOne({ where: { email: 'applicant@huiqi.test' } });
  if (!row || !row.companyId) return;
  const existing = await db.sequelize.query('SELECT 1 FROM talent_teams WHERE company_id = :companyId AND name = :name', { replacements: { companyId: row.companyId, name: DEMO_TEAM }, type: 'SELECT' } as never);
  if ((existing as unknown[]).length > 0) return;
  const firm: CurrentUser = { id: row.id, email: row.email, displayName: row.displayName, roles: ['applicant'], companyId: row.companyId, companyRole: 'owner' };
  const actor = { user: firm, clientIp: 'seed' };
  const team = await useCases.talentTeams.create(
    {
      name: DEMO_TEAM,
      members: [
        { name: '陈明', role: 'leader', email: 'chenming@example.cn', idNumber: '440106199005152019', consent: true },
        { name: '林晓', role: 'core', email: 'linxiao@example.cn' },
      ],
    },
    actor,
  );
  const leader = team.members[0];
  const request = await useCases.recognition.compute(team.id, leader.id, { facts: leaderFacts, asOf: '2021-06-30' }, actor);
  await useCases.recognition.submit(request.id, actor);
  options.logger.debug({ team: team.id }, 'demo talent team seeded');
}

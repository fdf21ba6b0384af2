// Demo accounts and one open call per programme (development only; tests never rely on them).
import type { Logger } from 'pino';
import type { Database } from '../server/db/connection.ts';
import { hashPassword } from '../server/lib/password.ts';
import type { Role } from '../server/modules/identity/identity.types.ts';

export const DEMO_COMPANY = { name: '广州示例科技有限公司', uscc: '91440101MA59TE5TXB' };

type DemoAccount = { email: string; displayName: string; roles: Role[]; reviewer?: { kind: 'technical' | 'financial'; fields: string[] } };

export const demoAccounts: DemoAccount[] = [
  { email: 'admin@huiqi.test', displayName: '系统管理员', roles: ['admin'] },
  { email: 'officer@huiqi.test', displayName: '项目主管 王敏', roles: ['officer'] },
  { email: 'reviewer1@huiqi.test', displayName: '评审专家 李晨（电子信息）', roles: ['reviewer'], reviewer: { kind: 'technical', fields: ['electronic_information', 'high_tech_services'] } },
  { email: 'reviewer2@huiqi.test', displayName: '评审专家 陈静（生物与新医药）', roles: ['reviewer'], reviewer: { kind: 'technical', fields: ['biomedicine', 'resources_environment'] } },
  { email: 'reviewer3@huiqi.test', displayName: '评审专家 黄磊（新材料）', roles: ['reviewer'], reviewer: { kind: 'technical', fields: ['new_materials', 'new_energy'] } },
  { email: 'reviewer4@huiqi.test', displayName: '评审专家 周强（先进制造与自动化）', roles: ['reviewer'], reviewer: { kind: 'technical', fields: ['advanced_manufacturing', 'aerospace'] } },
  { email: 'reviewer5@huiqi.test', displayName: '财务专家 吴芳', roles: ['reviewer'], reviewer: { kind: 'financial', fields: ['finance'] } },
  { email: 'reviewer6@huiqi.test', displayName: '财务专家 郑涛', roles: ['reviewer'], reviewer: { kind: 'financial', fields: ['finance'] } },
  { email: 'applicant@huiqi.test', displayName: '申报联系人 张伟', roles: ['applicant'] },
];

const DAY = 86_400_000;

export const demoCalls = [
  { programmeCode: 'high-tech-enterprise', title: '2026年度高新技术企业认定奖励申报', budget: 50_000_000 },
  { programmeCode: 'tech-sme', title: '2026年度科技型中小企业评价入库', budget: 0 },
  { programmeCode: 'unicorn-cultivation', title: '2026年度独角兽及未来独角兽企业发现培育', budget: 10_000_000 },
  { programmeCode: 'talent-team', title: '2026年度羊城创新创业领军团队遴选', budget: 200_000_000 },
  { programmeCode: 'residence-points', title: '2026年度人才团队成员积分制入户认定', budget: 0 },
];

/**
 * Creates what is missing. Passwords of existing demo accounts are reset only when the operator
 * set DEMO_PASSWORD, so the printed password always works.
 */
export async function seedDemo(db: Database, options: { password: string; resetPasswords: boolean; logger: Logger }) {
  const { models, sequelize } = db;
  const passwordHash = await hashPassword(options.password);
  await sequelize.transaction(async (transaction) => {
    const [company] = await models.Company.findOrCreate({ where: { uscc: DEMO_COMPANY.uscc }, defaults: DEMO_COMPANY, transaction });
    for (const account of demoAccounts) {
      const existing = await models.User.findOne({ where: { email: account.email }, transaction });
      if (!existing) {
        const user = await models.User.create(
          {
            email: account.email,
            passwordHash,
            displayName: account.displayName,
            roles: account.roles,
            companyId: account.roles.includes('applicant') ? company.id : null,
            companyRole: account.roles.includes('applicant') ? 'owner' : null,
            disabledAt: null,
            lastSignInAt: null,
          },
          { transaction },
        );
        if (account.reviewer) await models.ReviewerProfile.create({ userId: user.id, ...account.reviewer }, { transaction });
      } else if (options.resetPasswords) {
        await existing.update({ passwordHash }, { transaction });
      }
    }
    const now = Date.now();
    for (const call of demoCalls) {
      const exists = await models.Call.findOne({ where: { programmeCode: call.programmeCode, title: call.title }, transaction });
      if (exists) continue;
      await models.Call.create(
        {
          ...call,
          opensAt: new Date(Math.floor(now / DAY) * DAY - 7 * DAY),
          closesAt: new Date(Math.floor(now / DAY) * DAY + 90 * DAY + 9 * 3_600_000), // 17:00 Beijing time
          graceMinutes: 15,
          createdBy: null,
        },
        { transaction },
      );
    }
  });
  options.logger.debug('demo data ready');
}

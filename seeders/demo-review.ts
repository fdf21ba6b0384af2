// Demo review work (development only): a second firm's high-tech application, submitted through the real use
// cases and assigned to the demo reviewers, so a reviewer who signs in has something to score.
import type { Logger } from 'pino';
import type { Services } from '../server/services.ts';
import type { CurrentUser } from '../server/modules/identity/identity.types.ts';
import { hashPassword } from '../server/lib/password.ts';
import { demoCalls } from './demo.ts';
import { exampleHteFacts } from './example-facts.ts';

export const DEMO_REVIEW_FIRM = { name: '广州示范新材料有限公司', uscc: '91440101MA59TF6Q4Q', email: 'applicant2@huiqi.test' };

// the standard eligible firm, in new materials and growing
const facts = {
  ...exampleHteFacts,
  techField: 'new_materials',
  rdExpense: [3_000_000, 3_200_000, 3_500_000],
  rdExpenseDomestic: [3_000_000, 3_200_000, 3_500_000],
  salesRevenue: [40_000_000, 44_000_000, 50_000_000],
  hiTechRevenue: 35_000_000,
  totalRevenue: 50_000_000,
  transfers: 12,
  rdDeductionPrevYear: 3_500_000,
  rdDeductionYearBefore: 3_200_000,
};

/** The smallest valid PDF, labelled: demo evidence only. */
const demoPdf = (label: string) =>
  Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n% ${label}\ntrailer << /Root 1 0 R >>\n%%EOF\n`, 'latin1');

export async function seedDemoReview(services: Services, options: { password: string; logger: Logger }) {
  const { db, useCases } = services;
  const call = await db.models.Call.findOne({ where: { programmeCode: 'high-tech-enterprise', title: demoCalls[0].title } });
  if (!call || (await db.models.User.findOne({ where: { email: DEMO_REVIEW_FIRM.email } }))) return;
  const officerRow = await db.models.User.findOne({ where: { email: 'officer@huiqi.test' } });
  if (!officerRow) return;

  const passwordHash = await hashPassword(options.password);
  const { company, user } = await db.sequelize.transaction(async (transaction) => {
    const [company] = await db.models.Company.findOrCreate({ where: { uscc: DEMO_REVIEW_FIRM.uscc }, defaults: { name: DEMO_REVIEW_FIRM.name, uscc: DEMO_REVIEW_FIRM.uscc }, transaction });
    const user = await db.models.User.create(
      { email: DEMO_REVIEW_FIRM.email, passwordHash, displayName: '申报联系人 刘洋', roles: ['applicant'], companyId: company.id, companyRole: 'owner', disabledAt: null, lastSignInAt: null },
      { transaction },
    );
    return { company, user };
  });
  const firm: CurrentUser = { id: user.id, email: user.email, displayName: user.displayName, roles: ['applicant'], companyId: company.id, companyRole: 'owner' };
  const officer: CurrentUser = { id: officerRow.id, email: officerRow.email, displayName: officerRow.displayName, roles: ['officer'], companyId: null, companyRole: null };

  const started = await useCases.startApplication(call.id, firm, 'seed');
  await useCases.saveApplicationFacts(started.id, { facts, version: started.version }, firm);
  for (const kind of ['business_licence', 'ip_certificates', 'rd_audit_report', 'hitech_revenue_audit', 'financial_statements', 'staff_list']) {
    await useCases.uploadDocument(started.id, { kind, file: { originalname: `${kind}.pdf`, buffer: demoPdf(kind) } }, firm, 'seed');
  }
  const submitted = await useCases.submitApplication(started.id, firm, { language: 'zh-CN', clientIp: 'seed' });
  if (submitted.status !== 'submitted') {
    options.logger.warn({ status: submitted.status }, 'demo review application was not eligible; no panel seeded');
    return;
  }
  const run = await useCases.assignReviewers(call.id, {}, officer, 'seed');
  options.logger.debug({ seats: run.created.length }, 'demo review panel ready');
}

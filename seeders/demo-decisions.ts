// Demo decision work (development only): three firms on the demo unicorn call, scored by the demo reviewers through the
// real use cases, so an officer who signs in finds a ranking with a funding line to decide on.
import type { Logger } from 'pino';
import type { Services } from '../server/services.ts';
import type { CurrentUser } from '../server/modules/identity/identity.types.ts';
import { hashPassword } from '../server/lib/password.ts';
import { demoCalls } from './demo.ts';

const unicornCall = demoCalls.find((c) => c.programmeCode === 'unicorn-cultivation')!;

/** Valuations put the first firm among unicorns and the others among future unicorns; the panel scores them apart. */
export const DEMO_DECISION_FIRMS = [
  { name: '广州示范智能驾驶科技有限公司', uscc: '91440101MA5CUN011P', email: 'applicant3@huiqi.test', valuationUsd: 1_200_000_000, rdDeductible: 3_000_000, equity: 20_000_000, fraction: 0.92 },
  { name: '广州示范基因医疗有限公司', uscc: '91440101MA5CUN02XF', email: 'applicant4@huiqi.test', valuationUsd: 500_000_000, rdDeductible: 2_000_000, equity: 10_000_000, fraction: 0.84 },
  { name: '广州示范储能材料有限公司', uscc: '91440101MA5CUN038F', email: 'applicant5@huiqi.test', valuationUsd: 300_000_000, rdDeductible: 1_500_000, equity: 8_000_000, fraction: 0.76 },
];

const demoPdf = (label: string) =>
  Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n% ${label}\ntrailer << /Root 1 0 R >>\n%%EOF\n`, 'latin1');

const asUser = (row: { id: string; email: string; displayName: string; roles: string[]; companyId: string | null; companyRole: string | null }): CurrentUser => ({
  id: row.id,
  email: row.email,
  displayName: row.displayName,
  roles: row.roles as CurrentUser['roles'],
  companyId: row.companyId,
  companyRole: row.companyRole as CurrentUser['companyRole'],
});

export async function seedDemoDecisions(services: Services, options: { password: string; logger: Logger }) {
  const { db, useCases } = services;
  const call = await db.models.Call.findOne({ where: { programmeCode: 'unicorn-cultivation', title: unicornCall.title } });
  if (!call || (await db.models.User.findOne({ where: { email: DEMO_DECISION_FIRMS[0].email } }))) return;
  const officerRow = await db.models.User.findOne({ where: { email: 'officer@huiqi.test' } });
  if (!officerRow) return;
  const officer = asUser(officerRow);
  const passwordHash = await hashPassword(options.password);

  const applicationIds: string[] = [];
  for (const [index, demo] of DEMO_DECISION_FIRMS.entries()) {
    const userRow = await db.sequelize.transaction(async (transaction) => {
      const [company] = await db.models.Company.findOrCreate({ where: { uscc: demo.uscc }, defaults: { name: demo.name, uscc: demo.uscc }, transaction });
      return db.models.User.create(
        { email: demo.email, passwordHash, displayName: `申报联系人 ${['王敏', '赵磊', '孙悦'][index]}`, roles: ['applicant'], companyId: company.id, companyRole: 'owner', disabledAt: null, lastSignInAt: null },
        { transaction },
      );
    });
    const firm = asUser(userRow);
    const facts = {
      establishedOn: '2019-04-01',
      listed: false,
      equityRounds: [{ date: '2023-06-01', investor: '广州示范产业基金', amount: 200_000_000, postMoneyValuationUsd: demo.valuationUsd }],
      valuationUsd: demo.valuationUsd,
      strategicIndustry: true,
      rdDeductible: demo.rdDeductible,
      equityReceivedThisYear: demo.equity,
      upgradedFromFuture: false,
    };
    const started = await useCases.startApplication(call.id, firm, 'seed');
    await useCases.saveApplicationFacts(started.id, { facts, version: started.version }, firm);
    for (const kind of ['business_licence', 'financing_agreements', 'valuation_evidence', 'financial_statements']) {
      await useCases.uploadDocument(started.id, { kind, file: { originalname: `${kind}.pdf`, buffer: demoPdf(kind) } }, firm, 'seed');
    }
    const submitted = await useCases.submitApplication(started.id, firm, { language: 'zh-CN', clientIp: 'seed' });
    if (submitted.status !== 'submitted') {
      options.logger.warn({ firm: demo.name, status: submitted.status }, 'demo decision application was not eligible');
      continue;
    }
    applicationIds.push(started.id);
  }
  await useCases.assignReviewers(call.id, { perApplication: 3 }, officer, 'seed');

  // every seated demo reviewer declares no conflict and scores at the firm's level
  const reviewers = await db.models.User.findAll({ where: { email: ['reviewer1', 'reviewer2', 'reviewer3', 'reviewer4', 'reviewer5', 'reviewer6'].map((r) => `${r}@huiqi.test`) } });
  for (const reviewerRow of reviewers) {
    const reviewer = asUser(reviewerRow);
    const { items } = await useCases.viewReviews.list(reviewer);
    for (const assignment of items) {
      const index = applicationIds.indexOf(assignment.applicationId);
      if (index < 0 || assignment.status !== 'assigned') continue;
      const fraction = DEMO_DECISION_FIRMS[index].fraction;
      const rubric = assignment.rubric as { items: { id: string; max: number }[] };
      await useCases.declareConflict(assignment.id, { conflict: false }, reviewer, 'seed');
      await useCases.saveReviewScores(
        assignment.id,
        {
          scores: Object.fromEntries(rubric.items.map((item) => [item.id, Math.round(item.max * fraction)])),
          comments: Object.fromEntries(rubric.items.map((item) => [item.id, '材料翔实，评分依据见评审细则。'])),
        },
        reviewer,
      );
      await useCases.submitReview(assignment.id, reviewer, 'seed');
    }
  }
  options.logger.debug({ applications: applicationIds.length }, 'demo decision call scored');
}

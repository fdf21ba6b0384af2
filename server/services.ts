// The composition root: repositories → use cases, built once per process and handed to createApp.
import fs from 'node:fs';
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import type { Database } from './db/connection.ts';
import { createSessionMiddleware } from './middleware/session.ts';
import { createEmailCodeLimits, createLoginThrottle, createSecondFactorAlarm, publicRateLimit } from './middleware/rate-limit.ts';
import { createIdentityRepository } from './modules/identity/identity.repository.ts';
import { createAuditRepository } from './modules/audit/audit.repository.ts';
import { createProgrammesRepository } from './modules/programmes/programmes.repository.ts';
import { createCallsRepository } from './modules/calls/calls.repository.ts';
import { makeRegisterCompany } from './modules/identity/register-company.ts';
import { makeEstablishSession, makeSignIn } from './modules/identity/sign-in.ts';
import { createMfaRepository } from './modules/identity/mfa.repository.ts';
import { makeMfa } from './modules/identity/mfa.ts';
import { makeSignOut } from './modules/identity/sign-out.ts';
import { createRuleSetsRepository } from './modules/eligibility/rule-sets.repository.ts';
import { makeRunPrecheck } from './modules/eligibility/run-precheck.ts';
import { makePublishRuleSetVersion } from './modules/eligibility/publish-rule-set-version.ts';
import { makeDescribeProgramme } from './modules/programmes/describe-programme.ts';
import { makeCreateCall } from './modules/calls/create-call.ts';
import { makeUpdateCall } from './modules/calls/update-call.ts';
import { createApplicationsRepository } from './modules/applications/applications.repository.ts';
import { makeStartApplication } from './modules/applications/start-application.ts';
import { makeSaveApplicationFacts } from './modules/applications/save-application-facts.ts';
import { makeSubmitApplication } from './modules/applications/submit-application.ts';
import { makeRemoveDocument, makeUploadDocument } from './modules/applications/upload-document.ts';
import { makeListApplications, makeViewApplication } from './modules/applications/view-application.ts';
import { createInsightRepository } from './modules/insight/insight.repository.ts';
import { makeCallParameters, makeSimulateCall } from './modules/insight/simulate.ts';
import { createStatsRepository } from './modules/insight/stats.repository.ts';
import { makeOpenData, makePlanTargets, makeStats, makeUpdatePlanTarget } from './modules/insight/stats.ts';
import { makeExportCall } from './modules/insight/export-call.ts';
import { makeReturnApplication, makeWithdrawApplication } from './modules/applications/change-application-status.ts';
import { createReviewsRepository } from './modules/reviews/reviews.repository.ts';
import { makeAssignReviewer, makeAssignReviewers, makeUnassignReviewer, platformDomainsFrom } from './modules/reviews/assign-reviewers.ts';
import { makeDeclareConflict, makeSaveReviewScores, makeSubmitReview } from './modules/reviews/score-review.ts';
import { makeModerateScore } from './modules/reviews/moderate-score.ts';
import { makeUpdateReviewSettings } from './modules/reviews/review-settings.ts';
import { makeReviewerProfiles } from './modules/reviews/reviewer-profiles.ts';
import { makeViewReviews } from './modules/reviews/view-reviews.ts';
import { makeViewPanels } from './modules/reviews/view-panels.ts';
import { createOutboxRepository } from './notifications/outbox.repository.ts';
import { createMailer } from './notifications/mail-worker.ts';
import { createDecisionsRepository } from './modules/decisions/decisions.repository.ts';
import { createLettersRepository } from './modules/letters/letters.repository.ts';
import { createNoticesRepository } from './modules/notices/notices.repository.ts';
import { makeApproveToLine, makeDecideApplication, makeReissueLetter, makeViewRanking } from './modules/decisions/decide.ts';
import { makeDecisionOutcome } from './modules/decisions/view-decision.ts';
import { makeAppeals } from './modules/decisions/appeals.ts';
import { makePublicNotices } from './modules/notices/public-notice.ts';
import { createTalentRepository } from './modules/talent/talent.repository.ts';
import { makeTalentTeams } from './modules/talent/talent-teams.ts';
import { makeRecognition } from './modules/talent/recognition.ts';
import { protectIdNumbers } from './modules/talent/sensitive-facts.ts';
import type { ProtectFacts } from './modules/applications/save-application-facts.ts';
import { createFieldCrypto } from './lib/field-crypto.ts';
import { createInvitationsRepository } from './modules/identity/company-invitations.repository.ts';
import { makeAcceptInvitation, makeInviteColleague, makeReadInvitation } from './modules/identity/company-invitations.ts';

const packageJson = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

export function createServices(config: Config, db: Database, logger: Logger) {
  const identity = createIdentityRepository(db.models);
  const audit = createAuditRepository(db.models);
  const programmes = createProgrammesRepository(db.models);
  const calls = createCallsRepository(db.models);
  const ruleSets = createRuleSetsRepository(db.models);
  const applications = createApplicationsRepository(db.models);
  const sequelize = db.sequelize;
  const invitations = createInvitationsRepository(db.models);
  const reviews = createReviewsRepository(db.models);
  const reviewDeps = { sequelize, calls, applications, reviews, audit, identity, programmes, platformDomains: platformDomainsFrom(config.mailFrom) };
  const invitationDeps = { sequelize, invitations, identity, audit, publicUrl: config.publicUrl };
  const decisions = createDecisionsRepository(sequelize);
  const letters = createLettersRepository(sequelize);
  const notices = createNoticesRepository(sequelize);
  const decisionDeps = { sequelize, decisions, letters, applications, audit, publicUrl: config.publicUrl };
  const decisionOutcome = makeDecisionOutcome({ decisions, letters });
  const talent = createTalentRepository(sequelize);
  const insight = createInsightRepository(sequelize);
  const stats = createStatsRepository(sequelize);
  const fieldCrypto = createFieldCrypto(config.secretKey, config.previousSecretKeys);
  const talentTeams = makeTalentTeams({ sequelize, talent, crypto: fieldCrypto, audit, publicUrl: config.publicUrl, retentionDays: config.piiRetentionDays });
  const recognition = makeRecognition({ ...decisionDeps, talent, crypto: fieldCrypto, runPrecheck: makeRunPrecheck({ ruleSets }) });
  const protectFacts: ProtectFacts = (companyId, facts, previous) =>
    protectIdNumbers(facts, previous, (hashes) => talent.consentedMember(companyId, hashes), (idNumber) => fieldCrypto.lookupHashes(idNumber));
  const mailer = createMailer({ config, sequelize, pool: db.pool, logger, scheduled: [{ name: 'pii-retention', run: () => talentTeams.applyRetention() }] });
  const throttle = createLoginThrottle(config, db.pool);
  const session = createSessionMiddleware(config, db.pool);
  const mfa = createMfaRepository(sequelize);
  const signInDeps = { identity, audit, throttle, mfa, requireMfa: config.requireMfa };

  return {
    version: packageJson.version,
    config,
    logger,
    db,
    session,
    identity,
    mfa,
    audit,
    programmes,
    calls,
    ruleSets,
    applications,
    invitations,
    reviews,
    decisions,
    letters,
    notices,
    insight,
    mailer,
    outbox: createOutboxRepository(db.sequelize),
    rateLimits: {
      register: publicRateLimit(config, db.pool, 'register'),
      precheck: publicRateLimit(config, db.pool, 'precheck'),
      verify: publicRateLimit(config, db.pool, 'verify'),
      objection: publicRateLimit(config, db.pool, 'objection'),
      openData: publicRateLimit(config, db.pool, 'open-data'),
    },
    useCases: {
      registerCompany: makeRegisterCompany({ sequelize, identity, audit }),
      signIn: makeSignIn(signInDeps),
      mfa: makeMfa({ ...signInDeps, sequelize, crypto: fieldCrypto, emailCodeLimits: createEmailCodeLimits(db.pool), alarm: createSecondFactorAlarm(db.pool, sequelize), establishSession: makeEstablishSession(signInDeps), publicUrl: config.publicUrl }),
      signOut: makeSignOut({ audit }),
      describeProgramme: makeDescribeProgramme({ programmes, ruleSets }),
      runPrecheck: makeRunPrecheck({ ruleSets }),
      publishRuleSetVersion: makePublishRuleSetVersion({ sequelize, ruleSets, audit }),
      createCall: makeCreateCall({ sequelize, calls, ruleSets, audit }),
      updateCall: makeUpdateCall({ sequelize, calls, audit }),
      startApplication: makeStartApplication({ sequelize, applications, calls, audit }),
      saveApplicationFacts: makeSaveApplicationFacts({ applications, calls, protectFacts }),
      uploadDocument: makeUploadDocument({ sequelize, applications, calls, audit }),
      removeDocument: makeRemoveDocument({ sequelize, applications, audit }),
      submitApplication: makeSubmitApplication({ sequelize, applications, calls, ruleSets, audit }),
      withdrawApplication: makeWithdrawApplication({ sequelize, applications, audit }),
      returnApplication: makeReturnApplication({ sequelize, applications, audit, reviews }),
      viewApplication: makeViewApplication({ applications, calls, identity, decisionOutcome }),
      listApplications: makeListApplications({ applications }),
      simulateCall: makeSimulateCall({ calls, ruleSets, insight }),
      exportCall: makeExportCall({ insight }),
      callParameters: makeCallParameters({ calls, ruleSets }),
      readStats: makeStats({ stats }),
      readPlanTargets: makePlanTargets({ stats }),
      updatePlanTarget: makeUpdatePlanTarget({ stats, audit }),
      readOpenData: makeOpenData({ stats }),
      inviteColleague: makeInviteColleague(invitationDeps),
      readInvitation: makeReadInvitation(invitationDeps),
      acceptInvitation: makeAcceptInvitation(invitationDeps),
      assignReviewers: makeAssignReviewers(reviewDeps),
      assignReviewer: makeAssignReviewer(reviewDeps),
      unassignReviewer: makeUnassignReviewer(reviewDeps),
      declareConflict: makeDeclareConflict(reviewDeps),
      saveReviewScores: makeSaveReviewScores(reviewDeps),
      submitReview: makeSubmitReview(reviewDeps),
      moderateScore: makeModerateScore(reviewDeps),
      updateReviewSettings: makeUpdateReviewSettings(reviewDeps),
      reviewerProfiles: makeReviewerProfiles(reviewDeps),
      viewReviews: makeViewReviews(reviewDeps),
      viewPanels: makeViewPanels(reviewDeps),
      viewRanking: makeViewRanking({ ...decisionDeps, calls }),
      decideApplication: makeDecideApplication(decisionDeps),
      approveToLine: makeApproveToLine(decisionDeps),
      reissueLetter: makeReissueLetter(decisionDeps),
      appeals: makeAppeals(decisionDeps),
      talentTeams,
      recognition,
      publicNotices: makePublicNotices({ ...decisionDeps, notices, defaultWorkingDays: config.noticeWorkingDays }),
    },
    async close() {
      await mailer.stop();
      session.close();
    },
  };
}

export type Services = ReturnType<typeof createServices>;

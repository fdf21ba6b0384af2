// Submission: inside the call window on the database clock, with every required document, screened
// against the call's frozen rule set. Idempotent: a second submit answers the first one's result.
import type { Sequelize, Transaction } from 'sequelize';
import { AppError } from '../../errors/app-error.ts';
import { fieldMessages } from '../../errors/messages.ts';
import { format } from '../../i18n/language.ts';
import { beijingDate } from '../../lib/dates.ts';
import type { Language } from '../../i18n/language.ts';
import type { AuditRepository } from '../audit/audit.repository.ts';
import type { CallsRepository } from '../calls/calls.repository.ts';
import type { CurrentUser } from '../identity/identity.types.ts';
import { evaluate } from '../eligibility/evaluate.ts';
import { validateFacts } from '../eligibility/validate-facts.ts';
import type { RuleSetsRepository } from '../eligibility/rule-sets.repository.ts';
import type { PrecheckResult, ProgrammeCode } from '../eligibility/rule-set.types.ts';
import { documentRequirements } from '../programmes/programme-requirements.ts';
import type { ApplicationsRepository } from './applications.repository.ts';
import { assertFirmMember } from './applications.permissions.ts';
import { nextStatus } from './application-status.ts';
import { isWithinCallWindow } from './call-window.ts';

export function makeSubmitApplication(deps: {
  sequelize: Sequelize;
  applications: ApplicationsRepository;
  calls: CallsRepository;
  ruleSets: RuleSetsRepository;
  audit: AuditRepository;
}) {
  return async function submitApplication(id: string, user: CurrentUser, options: { idempotencyKey?: string; language: Language; clientIp: string }) {
    return deps.sequelize.transaction(async (transaction) => {
      // the row lock makes concurrent submits of one application queue up behind each other
      const application = assertFirmMember(user, await deps.applications.find(id, { transaction, lock: true }));
      const event = application.status === 'returned' ? 'resubmit' : 'submit';
      if (!nextStatus(application.status, event)) {
        if (application.submittedAt) return { id, status: application.status, screening: application.screening as PrecheckResult, repeated: true };
        throw new AppError('invalid_transition', { extra: { status: application.status } });
      }

      const { call, ruleSetUids, now } = (await deps.calls.readForScreening(application.callId, transaction))!;
      if (!isWithinCallWindow(call, now)) throw new AppError('call_closed', { extra: { closesAt: call.closesAt, graceMinutes: call.graceMinutes } });

      const programme = call.programme as ProgrammeCode;
      const present = new Set((await deps.applications.documents(id, transaction)).map((d) => d.kind));
      const missing = documentRequirements[programme].filter((d) => d.required && !present.has(d.kind));
      if (missing.length > 0) {
        throw new AppError('documents_missing', {
          errors: missing.map((d) => {
            const template = fieldMessages['document.required'];
            return { field: `documents.${d.kind}`, message: { zh: format(template.zh, { label: d.label.zh }), en: format(template.en, { label: d.label.en }) } };
          }),
        });
      }
      const checked = validateFacts(programme, application.facts);
      if (!checked.ok) throw new AppError('validation_failed', { errors: checked.errors });

      // every query of a transaction runs on its connection: a second one per request would starve the pool at the
      // deadline rush (found by the bench: 32 concurrent submissions against a pool of 10 waited for each other)
      const frozen = await deps.ruleSets.findByUids(ruleSetUids, transaction);
      const screening = evaluate(programme, checked.facts, frozen, beijingDate(now));
      const eligibility = frozen.find((r) => r.kind === 'eligibility')!;

      await deps.applications.update(
        id,
        { status: 'submitted', screening, ruleSetUid: eligibility.uid, submittedAt: now, submissionKey: options.idempotencyKey ?? null, bumpVersion: true },
        transaction,
      );
      const changes = event === 'resubmit' ? await changedSinceReturn(deps.applications, id, application.facts, transaction) : null;
      await deps.applications.recordTransition({ applicationId: id, from: application.status, to: 'submitted', event, byUser: user.id, changes }, transaction);
      await deps.audit.record(
        { userId: user.id, label: user.email, clientIp: options.clientIp },
        {
          action: `application.${event === 'resubmit' ? 'resubmitted' : 'submitted'}`,
          entityType: 'application',
          entityId: id,
          companyId: application.companyId,
          before: { status: application.status },
          after: { status: 'submitted', outcome: screening.outcome, ruleSet: screening.ruleSet },
        },
        transaction,
      );

      let status: 'submitted' | 'ineligible' = 'submitted';
      if (screening.outcome === 'ineligible') {
        status = 'ineligible';
        const failed = screening.criteria.filter((c) => c.outcome === 'fail').map((c) => c.id);
        await deps.applications.update(id, { status }, transaction);
        await deps.applications.recordTransition(
          { applicationId: id, from: 'submitted', to: 'ineligible', event: 'screen_out', byUser: null, note: failed.join(', ') },
          transaction,
        );
        await deps.audit.record(
          { userId: null, label: 'screening' },
          { action: 'application.screened_out', entityType: 'application', entityId: id, companyId: application.companyId, after: { status, failed } },
          transaction,
        );
      }
      await deps.applications.queueMail(
        { to: user.email, template: 'application-submitted', language: options.language, data: { applicationId: id, callTitle: call.title, status, submittedAt: now.toISOString() } },
        transaction,
      );
      return { id, status, screening, repeated: false };
    });
  };
}

/** Which facts the firm changed after an officer returned the application. */
async function changedSinceReturn(applications: ApplicationsRepository, id: string, facts: Record<string, unknown>, transaction: Transaction) {
  const history = await applications.history(id, transaction);
  const returned = [...history].reverse().find((h) => h.event === 'return');
  const before = ((returned?.changes as { facts?: Record<string, unknown> } | null)?.facts ?? {}) as Record<string, unknown>;
  const keys = new Set([...Object.keys(before), ...Object.keys(facts)]);
  return { changedFacts: [...keys].filter((k) => JSON.stringify(before[k]) !== JSON.stringify(facts[k])).sort() };
}

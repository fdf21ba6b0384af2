// An officer opens a call for applications. The call freezes the rule-set versions in force on the day
// it opens (Beijing time), so later publications never change how its applications are screened.
import type { Sequelize } from 'sequelize';
import { AppError, notFound } from '../../errors/app-error.ts';
import { beijingDate } from '../../lib/dates.ts';
import type { AuditRepository } from '../audit/audit.repository.ts';
import type { CurrentUser } from '../identity/identity.types.ts';
import { selectRuleSet, selectRuleSetWithFallback } from '../eligibility/select-rule-set.ts';
import type { RuleSetsRepository, StoredRuleSet } from '../eligibility/rule-sets.repository.ts';
import type { CallsRepository, NewCall } from './calls.repository.ts';
import { fieldError } from '../../errors/messages.ts';

export type CreateCallInput = Omit<NewCall, 'ruleSetUid' | 'awardRuleSetUid' | 'createdBy'>;

/** The eligibility version (falling back as the pre-check does) and award scheme in force on the opening day. */
export function versionsToFreeze(versions: StoredRuleSet[], opensAt: Date) {
  const day = beijingDate(opensAt);
  const eligibility = selectRuleSetWithFallback(versions.filter((v) => v.kind === 'eligibility'), day)?.ruleSet as StoredRuleSet | undefined;
  const award = selectRuleSet(versions.filter((v) => v.kind === 'award'), day) as StoredRuleSet | undefined;
  return eligibility ? { ruleSetUid: eligibility.uid, awardRuleSetUid: award?.uid ?? null } : null;
}

export function makeCreateCall(deps: { sequelize: Sequelize; calls: CallsRepository; ruleSets: RuleSetsRepository; audit: AuditRepository }) {
  return async function createCall(input: CreateCallInput, actor: CurrentUser, clientIp: string) {
    if (input.closesAt <= input.opensAt) {
      throw new AppError('validation_failed', {
        errors: [fieldError('closesAt', 'call.closesBeforeOpens')],
      });
    }
    const frozen = versionsToFreeze(await deps.ruleSets.listForProgramme(input.programme), input.opensAt);
    if (!frozen) throw notFound(`no rule set for programme ${input.programme}`);
    return deps.sequelize.transaction(async (transaction) => {
      const call = await deps.calls.create({ ...input, ...frozen, createdBy: actor.id }, transaction);
      await deps.audit.record(
        { userId: actor.id, label: actor.email, clientIp },
        { action: 'call.created', entityType: 'call', entityId: call.id, after: call },
        transaction,
      );
      return call;
    });
  };
}

// The rule-set versions Huiqi ships (version 1 of each), inserted when missing; then any call that has
// not frozen its versions yet (e.g. created before rule sets existed) freezes those in force when it opened.
import type { Database } from '../server/db/connection.ts';
import { defaultRuleSets } from '../server/modules/eligibility/rule-sets/index.ts';
import { createRuleSetsRepository } from '../server/modules/eligibility/rule-sets.repository.ts';
import { createCallsRepository } from '../server/modules/calls/calls.repository.ts';
import { versionsToFreeze } from '../server/modules/calls/create-call.ts';

export async function seedRuleSets(db: Database): Promise<void> {
  const ruleSets = createRuleSetsRepository(db.models);
  for (const ruleSet of defaultRuleSets) {
    const existing = await ruleSets.find({ id: ruleSet.id, kind: ruleSet.kind, version: ruleSet.version });
    if (!existing) await ruleSets.insert({ ...ruleSet, note: 'Shipped with Huiqi (shared/policy)', basedOnVersion: null, createdBy: null });
  }
  const calls = createCallsRepository(db.models);
  for (const call of await calls.listUnfrozen()) {
    const frozen = versionsToFreeze(await ruleSets.listForProgramme(call.programme), call.opensAt);
    if (frozen) await calls.freeze(call.id, frozen);
  }
}

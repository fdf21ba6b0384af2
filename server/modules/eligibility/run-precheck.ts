// The public pre-check: validate the facts, then screen them against the versions in force at asOf.
import { AppError, notFound } from '../../errors/app-error.ts';
import { beijingDate } from '../../lib/dates.ts';
import { evaluate } from './evaluate.ts';
import { validateFacts } from './validate-facts.ts';
import { PROGRAMME_CODES, type PrecheckResult, type ProgrammeCode } from './rule-set.types.ts';
import type { RuleSetsRepository } from './rule-sets.repository.ts';

export function isProgrammeCode(code: string): code is ProgrammeCode {
  return (PROGRAMME_CODES as string[]).includes(code);
}

export function makeRunPrecheck(deps: { ruleSets: RuleSetsRepository }) {
  return async function runPrecheck(programme: string, input: { facts: unknown; asOf?: string }): Promise<PrecheckResult> {
    if (!isProgrammeCode(programme)) throw notFound(`programme ${programme}`);
    const checked = validateFacts(programme, input.facts);
    if (!checked.ok) throw new AppError('validation_failed', { errors: checked.errors, log: checked.errors.map((e) => e.field).join(', ') });
    const versions = await deps.ruleSets.listForProgrammeCached(programme);
    if (!versions.some((v) => v.kind === 'eligibility')) throw notFound(`no rule set for ${programme}`);
    // asOf defaults to today on the server's clock, in Beijing time
    return evaluate(programme, checked.facts, versions, input.asOf ?? beijingDate());
  };
}

// What every review action needs to know about an application's call: its rubric, panel rules and settings.
import type { Transaction } from 'sequelize';
import { AppError, notFound } from '../../errors/app-error.ts';
import type { Call, CallsRepository } from '../calls/calls.repository.ts';
import type { ProgrammeCode } from '../eligibility/rule-set.types.ts';
import { panelRules, rubricFor, type PanelRules, type Rubric } from '../programmes/programme-requirements.ts';
import type { ReviewsRepository } from './reviews.repository.ts';

export type ReviewContext = { call: Call; rubric: Rubric; rules: PanelRules; settings: { blindIdentity: boolean; spreadMargin: number } };

export async function loadReviewContext(
  deps: { calls: CallsRepository; reviews: ReviewsRepository },
  callId: string,
  transaction?: Transaction,
): Promise<ReviewContext> {
  const call = await deps.calls.findById(callId, transaction);
  if (!call) throw notFound(`call ${callId}`);
  const programme = call.programme as ProgrammeCode;
  const rubric = rubricFor(programme, call.ruleSet?.id ?? null);
  const rules = panelRules[programme];
  if (!rubric || !rules) throw new AppError('review_not_applicable', { log: `programme ${programme} has no expert review` });
  const settings = (await deps.reviews.programmeSettings(programme, transaction)) ?? { blindIdentity: false, spreadMargin: 15 };
  return { call, rubric, rules, settings };
}

/** The application's field, used to match reviewers' expertise (HTE: core technology field; talent teams: priority field). */
export function applicationField(facts: Record<string, unknown>): string | null {
  const field = facts.techField ?? facts.field;
  return typeof field === 'string' ? field : null;
}

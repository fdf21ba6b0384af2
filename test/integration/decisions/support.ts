// Set-up for decision tests: a unicorn call (panels of three) whose applications the whole panel has scored.
import type { TestApp } from '../../support/app.ts';
import { assignmentOf, openReviewedCall, reviewerPool, scoreAndSubmit, submittedApplication } from '../reviews/support.ts';

/** The award of eligibleUnicornFacts (a future unicorn): 2,000,000 + 20% of 2,000,000 R&D + 5% of 10,000,000 equity. */
export const UNICORN_AWARD = 2_900_000;

/**
 * Opens a call with `budget`, has one firm per entry of `fractions` submit, and the panel score each application at
 * that fraction of every item's maximum. Returns the applications in the order given.
 */
export async function scoredCall(app: TestApp, fractions: number[], budget: number) {
  const { call, officer, officerUser } = await openReviewedCall(app, 'unicorn-cultivation', 3, budget);
  const firms = [];
  for (const _ of fractions) firms.push(await submittedApplication(app, call.id, 'unicorn-cultivation'));
  const pool = await reviewerPool(app, officer);
  const run = await officer.post(`/api/calls/${call.id}/assignments`, { reviewerIds: pool.all.map((r) => r.id) });
  if (run.status !== 200) throw new Error(`assignment failed: ${run.text}`);
  for (const [index, firm] of firms.entries()) {
    for (const reviewer of pool.all) {
      const assignment = await assignmentOf(reviewer, firm.applicationId);
      if (!assignment) continue;
      const submitted = await scoreAndSubmit(reviewer, assignment.id, assignment.rubric, fractions[index]);
      if (submitted.status !== 200) throw new Error(`review not submitted: ${submitted.text}`);
    }
    const view = await officer.get(`/api/applications/${firm.applicationId}`);
    if (view.body.status !== 'scored') throw new Error(`application not scored: ${view.body.status}`);
  }
  return { call, officer, officerUser, firms, pool };
}

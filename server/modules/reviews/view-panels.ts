// The officer's view of review: every panel of a call with its progress, and one application's score sheets,
// panel result and moderation history.
import { notFound } from '../../errors/app-error.ts';
import type { ApplicationsRepository } from '../applications/applications.repository.ts';
import type { CallsRepository } from '../calls/calls.repository.ts';
import type { IdentityRepository } from '../identity/identity.repository.ts';
import type { PanelResult } from './review-scores.ts';
import { loadReviewContext } from './review-context.ts';
import type { Assignment, Moderation, ReviewsRepository } from './reviews.repository.ts';
import { isActive } from './review-status.ts';

type Deps = { calls: CallsRepository; applications: ApplicationsRepository; reviews: ReviewsRepository; identity: IdentityRepository };

/** Statuses shown on the panels page: everything that reached review or came out of it. */
const ON_PANEL_PAGE = ['submitted', 'in_review', 'scored', 'approved', 'rejected', 'noticed', 'appealed', 'revoked'];

function scoreOf(result: { result: unknown; score: number | null } | null, moderations: Moderation[]) {
  const panel = result?.result as PanelResult | null;
  if (!panel || result?.score === null || result?.score === undefined) return null;
  const latest = moderations.at(-1) ?? null;
  return {
    mean: panel.mean,
    totals: panel.totals,
    spread: panel.spread,
    flagged: panel.flagged,
    margin: panel.margin,
    final: result.score,
    moderated: latest ? { total: latest.total, reason: latest.reason, by: latest.by.displayName, at: latest.at } : null,
  };
}

export function makeViewPanels(deps: Deps) {
  return {
    async panels(callId: string) {
      const context = await loadReviewContext(deps, callId);
      const applications = await deps.reviews.panelApplications(callId, ON_PANEL_PAGE);
      const ids = applications.map((a) => a.id);
      // the first panel's seats (an appeal panel is followed from the appeals page)
      const seats = (await deps.reviews.assignmentsOfApplications(ids)).filter((s) => s.round === 1);
      const reviewers = await deps.reviews.reviewers();
      const byId = new Map(reviewers.map((r) => [r.id, r]));
      const moderations = await deps.reviews.moderations(ids);
      const load = (reviewerId: string) => seats.filter((s) => s.reviewerId === reviewerId && isActive(s.status)).length;

      const items = [];
      for (const application of applications) {
        const own = seats.filter((s) => s.applicationId === application.id);
        const active = own.filter((s) => isActive(s.status));
        const score = scoreOf(application.result, moderations.get(application.id) ?? []);
        items.push({
          applicationId: application.id,
          company: { name: application.companyName, uscc: application.uscc },
          status: application.status,
          field: application.field,
          submittedAt: application.submittedAt,
          required: context.call.reviewersPerApplication,
          active: active.length,
          submitted: active.filter((s) => s.status === 'submitted').length,
          complete: score !== null,
          assignments: own.map((s) => seatView(s, byId)),
          score,
        });
      }
      return {
        call: { id: context.call.id, title: context.call.title, programme: context.call.programme, reviewersPerApplication: context.call.reviewersPerApplication },
        rules: context.rules,
        settings: context.settings,
        summary: {
          applications: items.length,
          awaitingAssignment: items.filter((i) => i.status === 'submitted').length,
          inReview: items.filter((i) => i.status === 'in_review').length,
          scored: items.filter((i) => i.score !== null).length,
          flagged: items.filter((i) => i.score?.flagged).length,
        },
        reviewers: reviewers
          .filter((r) => r.active)
          .map((r) => ({ id: r.id, displayName: r.displayName, kind: r.kind, fields: r.fields, load: load(r.id) })),
        items,
      };
    },

    async scores(applicationId: string) {
      const application = await deps.applications.find(applicationId);
      if (!application) throw notFound(`application ${applicationId}`);
      const context = await loadReviewContext(deps, application.callId);
      const seats = await deps.reviews.assignmentsOfApplications([applicationId]);
      const byId = new Map((await deps.reviews.reviewers({ ids: [...new Set(seats.map((s) => s.reviewerId))] })).map((r) => [r.id, r]));
      const moderations = (await deps.reviews.moderations([applicationId])).get(applicationId) ?? [];
      const company = await deps.identity.findCompanyById(application.companyId);
      return {
        applicationId,
        callId: application.callId,
        status: application.status,
        company: { name: company?.name ?? '' },
        rubric: { maxTotal: context.rubric.maxTotal, sections: context.rubric.sections, items: context.rubric.items },
        settings: context.settings,
        reviews: seats.map((s) => ({
          assignmentId: s.id,
          reviewer: { id: s.reviewerId, displayName: byId.get(s.reviewerId)?.displayName ?? '', kind: byId.get(s.reviewerId)?.kind ?? null },
          status: s.status,
          conflict: s.conflict,
          releaseReason: s.releaseReason,
          // officers read sheets once submitted; drafts stay the reviewer's own
          scores: s.status === 'submitted' ? s.scores : {},
          comments: s.status === 'submitted' ? s.comments : {},
          total: s.status === 'submitted' ? s.total : null,
          submittedAt: s.submittedAt,
        })),
        score: scoreOf(await deps.reviews.reviewResult(applicationId), moderations),
        moderations: moderations.map((m) => ({ id: m.id, previousTotal: m.previousTotal, total: m.total, reason: m.reason, by: { displayName: m.by.displayName }, at: m.at })),
      };
    },
  };
}

function seatView(seat: Assignment, reviewers: Map<string, { displayName: string; kind: string; fields: string[] }>) {
  const reviewer = reviewers.get(seat.reviewerId);
  return {
    id: seat.id,
    reviewer: { id: seat.reviewerId, displayName: reviewer?.displayName ?? '', kind: reviewer?.kind ?? null, fields: reviewer?.fields ?? [] },
    status: seat.status,
    conflict: seat.conflict,
    releaseReason: seat.releaseReason,
    assignedBy: seat.method,
    assignedAt: seat.assignedAt,
    submittedAt: seat.submittedAt,
    total: seat.status === 'submitted' ? seat.total : null,
  };
}

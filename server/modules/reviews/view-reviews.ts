// What a reviewer sees: their assignments, and for one of them the application (only after declaring no
// conflict), the rubric with the platform's proposed bands, their own sheet, and the panel once it is complete.
import { notFound } from '../../errors/app-error.ts';
import type { Application, ApplicationsRepository, DocumentInfo } from '../applications/applications.repository.ts';
import type { CallsRepository } from '../calls/calls.repository.ts';
import type { CurrentUser } from '../identity/identity.types.ts';
import type { IdentityRepository } from '../identity/identity.repository.ts';
import type { ProgrammesRepository } from '../programmes/programmes.repository.ts';
import type { PrecheckResult } from '../eligibility/rule-set.types.ts';
import { loadReviewContext, type ReviewContext } from './review-context.ts';
import type { Assignment, ReviewsRepository } from './reviews.repository.ts';
import { isActive } from './review-status.ts';
import { APPEAL_EVIDENCE } from '../applications/upload-document.ts';

type Deps = { calls: CallsRepository; applications: ApplicationsRepository; reviews: ReviewsRepository; programmes: ProgrammesRepository; identity: IdentityRepository };

/** Panels are complete once the application has left review with a result: then reviewers may see each other. */
const PANEL_DONE = new Set(['scored', 'approved', 'rejected', 'noticed', 'appealed', 'revoked']);

export function makeViewReviews(deps: Deps) {
  // one cache per request: settings may change between requests
  const contextCache = () => {
    const contexts = new Map<string, Promise<ReviewContext>>();
    return (callId: string) => {
      if (!contexts.has(callId)) contexts.set(callId, loadReviewContext(deps, callId));
      return contexts.get(callId)!;
    };
  };

  async function summary(assignment: Assignment, application: Application, context: ReviewContext) {
    const programme = await deps.programmes.find(context.call.programme);
    const company = context.settings.blindIdentity ? null : await deps.identity.findCompanyById(application.companyId);
    return {
      id: assignment.id,
      applicationId: assignment.applicationId,
      status: assignment.status,
      conflict: assignment.conflict,
      assignedAt: assignment.assignedAt,
      submittedAt: assignment.submittedAt,
      call: { id: context.call.id, title: context.call.title },
      programme: { code: context.call.programme, name: programme?.name ?? { zh: context.call.programme, en: context.call.programme } },
      company: company ? { name: company.name } : null,
      rubric: { maxTotal: context.rubric.maxTotal, sections: context.rubric.sections, items: context.rubric.items },
      total: assignment.total,
    };
  }

  async function ownAssignment(id: string, reviewer: CurrentUser): Promise<Assignment> {
    const assignment = await deps.reviews.find(id);
    if (!assignment || assignment.reviewerId !== reviewer.id) throw notFound(`review ${id}`);
    return assignment;
  }

  return {
    async list(reviewer: CurrentUser) {
      const contextOf = contextCache();
      const assignments = await deps.reviews.forReviewer(reviewer.id);
      const items = [];
      for (const assignment of assignments) {
        const application = await deps.applications.find(assignment.applicationId);
        if (application) items.push(await summary(assignment, application, await contextOf(application.callId)));
      }
      return { items };
    },

    async detail(id: string, reviewer: CurrentUser) {
      const assignment = await ownAssignment(id, reviewer);
      const application = (await deps.applications.find(assignment.applicationId))!;
      const context = await loadReviewContext(deps, application.callId);
      const base = await summary(assignment, application, context);
      const cleared = assignment.conflict === false && assignment.status !== 'released';
      const screening = application.screening as PrecheckResult | null;
      // each round's panel sees only itself: appeal reviewers never see the first panel's sheets
      const seats = (await deps.reviews.assignmentsOfApplications([application.id])).filter((s) => isActive(s.status) && s.round === assignment.round);
      const complete = (assignment.round === 1 ? PANEL_DONE.has(application.status) : seats.length >= context.call.reviewersPerApplication) && seats.length > 0 && seats.every((s) => s.status === 'submitted');
      const result = complete && assignment.round === 1 ? await deps.reviews.reviewResult(application.id) : null;
      const mean = (result?.result as { mean?: { items: Record<string, number>; total: number } } | null)?.mean ?? null;
      return {
        ...base,
        conflictNote: assignment.conflictNote,
        application: cleared
          ? {
              id: application.id,
              status: application.status,
              programme: context.call.programme,
              facts: application.facts,
              screening,
              submittedAt: application.submittedAt,
              documents: (await deps.applications.documents(application.id)).filter((d) => assignment.round > 1 || d.kind !== APPEAL_EVIDENCE).map(({ id: docId, kind, filename, mediaType, size }) => ({ id: docId, kind, filename, mediaType, size })),
            }
          : null,
        proposal: cleared ? (screening?.rubricProposal ?? []) : [],
        scores: assignment.scores,
        comments: assignment.comments,
        savedAt: assignment.savedAt,
        panel: {
          size: context.call.reviewersPerApplication,
          submitted: seats.filter((s) => s.status === 'submitted').length,
          complete,
          mean: complete && cleared ? mean : null,
          // blind until complete; then anonymous, numbered by order of submission
          reviews:
            complete && cleared
              ? [...seats]
                  .sort((a, b) => (a.submittedAt! < b.submittedAt! ? -1 : 1))
                  .map((s, index) => ({ reviewer: index + 1, own: s.id === assignment.id, scores: s.scores, comments: s.comments, total: s.total }))
              : null,
        },
      };
    },

    /** A document of an application the reviewer has cleared (declared no conflict) and still sits on. */
    async document(id: string, documentId: string, reviewer: CurrentUser): Promise<{ document: DocumentInfo; content: Buffer }> {
      const assignment = await ownAssignment(id, reviewer);
      if (assignment.conflict !== false || assignment.status === 'released') throw notFound('document before declaration');
      const document = await deps.applications.findDocument(assignment.applicationId, documentId);
      const content = document && (await deps.applications.documentContent(document.sha256));
      if (!document || !content || (assignment.round === 1 && document.kind === APPEAL_EVIDENCE)) throw notFound('document');
      return { document, content };
    },
  };
}

import type { RouteSpec } from '../../http/route.ts';
import { sendDocument } from '../../http/send-document.ts';
import { permissions } from '../../middleware/permissions.ts';
import { pickLanguage } from '../../i18n/language.ts';
import type { Services } from '../../services.ts';
import { localizeDeep } from '../eligibility/localize.ts';
import {
  assignBody,
  assignmentRunBody,
  conflictBody,
  documentParams,
  idParams,
  moderationBody,
  ownProfileBody,
  profileBody,
  programmeParams,
  scoresBody,
  settingsBody,
} from './reviews.schemas.ts';

const ip = (req: { ip?: string }) => req.ip ?? 'unknown';

export function reviewsRoutes(services: Services): RouteSpec[] {
  const { useCases } = services;
  const reviewDetail = async (id: string, user: Parameters<typeof useCases.viewReviews.detail>[1], req: Parameters<typeof pickLanguage>[0]) => {
    const detail = await useCases.viewReviews.detail(id, user);
    return detail.application ? { ...detail, application: { ...detail.application, screening: localizeDeep(detail.application.screening, pickLanguage(req)) } } : detail;
  };
  return [
    // — reviewers —
    {
      method: 'get',
      path: '/api/reviews',
      tag: 'reviews',
      summary: 'The reviewer’s own assignments with their rubric',
      permission: permissions.reviewer,
      responses: { 200: '{ items: [{ id, applicationId, status, conflict, call, programme, company | null, rubric, total }] }' },
      handler: async (_req, res) => {
        res.json(await useCases.viewReviews.list(res.locals.user));
      },
    },
    {
      method: 'get',
      path: '/api/reviews/:id',
      tag: 'reviews',
      summary: 'One assignment: the application once no conflict is declared, the proposed bands, the own sheet, the panel once complete',
      permission: permissions.reviewer,
      params: idParams,
      responses: { 200: 'The assignment', 404: 'Unknown or another reviewer’s' },
      handler: async (req, res) => {
        res.json(await reviewDetail(res.locals.params.id, res.locals.user, req));
      },
    },
    {
      method: 'get',
      path: '/api/reviews/:id/documents/:docId',
      tag: 'reviews',
      summary: 'Download a document of the application under review (after declaring no conflict)',
      permission: permissions.reviewer,
      params: documentParams,
      produces: 'application/octet-stream',
      responses: { 200: 'The file', 404: 'Not found or not yet declared' },
      handler: async (_req, res) => {
        const { document, content } = await useCases.viewReviews.document(res.locals.params.id, res.locals.params.docId, res.locals.user);
        sendDocument(res, document, content);
      },
    },
    {
      method: 'post',
      path: '/api/reviews/:id/conflict',
      tag: 'reviews',
      summary: 'Declare no conflict of interest, or a conflict (with a note), which releases the assignment',
      permission: permissions.reviewer,
      params: idParams,
      body: conflictBody,
      responses: { 200: 'The assignment', 400: 'validation_failed (note)', 404: 'Not found', 409: 'conflict_already_declared or assignment_released' },
      handler: async (req, res) => {
        await useCases.declareConflict(res.locals.params.id, res.locals.body, res.locals.user, ip(req));
        res.json(await reviewDetail(res.locals.params.id, res.locals.user, req));
      },
    },
    {
      method: 'put',
      path: '/api/reviews/:id/scores',
      tag: 'reviews',
      summary: 'Save the score sheet (a draft: partial sheets are kept); each score within its item’s range',
      permission: permissions.reviewer,
      params: idParams,
      body: scoresBody,
      responses: { 200: 'The assignment', 400: 'validation_failed (scores.<item>)', 404: 'Not found', 409: 'review_submitted, assignment_released or conflict_not_declared' },
      handler: async (req, res) => {
        await useCases.saveReviewScores(res.locals.params.id, res.locals.body, res.locals.user);
        res.json(await reviewDetail(res.locals.params.id, res.locals.user, req));
      },
    },
    {
      method: 'post',
      path: '/api/reviews/:id/submit',
      tag: 'reviews',
      summary: 'Submit the sheet (every item scored and commented); read-only afterwards; completes the panel when last',
      permission: permissions.reviewer,
      params: idParams,
      responses: { 200: 'The assignment', 400: 'validation_failed (scores.<item>, comments.<item>)', 404: 'Not found', 409: 'assignment_released or conflict_not_declared' },
      handler: async (req, res) => {
        await useCases.submitReview(res.locals.params.id, res.locals.user, ip(req));
        res.json(await reviewDetail(res.locals.params.id, res.locals.user, req));
      },
    },
    {
      method: 'get',
      path: '/api/reviewer-profile',
      tag: 'reviews',
      summary: 'The reviewer’s own profile: kind, fields and affiliations',
      permission: permissions.reviewer,
      responses: { 200: 'The profile', 404: 'No profile yet' },
      handler: async (_req, res) => {
        res.json(await useCases.reviewerProfiles.own(res.locals.user));
      },
    },
    {
      method: 'put',
      path: '/api/reviewer-profile',
      tag: 'reviews',
      summary: 'The reviewer updates their fields and the affiliations (USCC) of the last three years',
      permission: permissions.reviewer,
      body: ownProfileBody,
      responses: { 200: 'The profile', 400: 'validation_failed' },
      handler: async (req, res) => {
        res.json(await useCases.reviewerProfiles.updateOwn(res.locals.user, res.locals.body, ip(req)));
      },
    },
    // — officers —
    {
      method: 'get',
      path: '/api/reviewers',
      tag: 'reviews',
      summary: 'The reviewer pool with load',
      permission: permissions.officer,
      responses: { 200: '{ items: [profile] }' },
      handler: async (_req, res) => {
        res.json(await useCases.reviewerProfiles.list());
      },
    },
    {
      method: 'put',
      path: '/api/reviewers/:id/profile',
      tag: 'reviews',
      summary: 'Set a reviewer’s kind, fields, affiliations and standing',
      permission: permissions.officer,
      params: idParams,
      body: profileBody,
      responses: { 200: 'The profile', 400: 'validation_failed', 404: 'Not a reviewer' },
      handler: async (req, res) => {
        res.json(await useCases.reviewerProfiles.update(res.locals.params.id, res.locals.body, res.locals.user, ip(req)));
      },
    },
    {
      method: 'post',
      path: '/api/calls/:id/assignments',
      tag: 'reviews',
      summary: 'Assign reviewers to every eligible submitted application: fills gaps only, honours conflicts, panel rules and load',
      permission: permissions.officer,
      params: idParams,
      body: assignmentRunBody,
      responses: { 200: '{ perApplication, applications, created, unfilled, conflicts }', 400: 'validation_failed (perApplication)', 404: 'Unknown call', 409: 'review_not_applicable' },
      handler: async (req, res) => {
        res.json(await useCases.assignReviewers(res.locals.params.id, res.locals.body, res.locals.user, ip(req)));
      },
    },
    {
      method: 'get',
      path: '/api/calls/:id/panels',
      tag: 'reviews',
      summary: 'Every panel of a call: progress, seats, results and flags',
      permission: permissions.officer,
      params: idParams,
      responses: { 200: '{ call, rules, settings, summary, reviewers, items }', 404: 'Unknown call', 409: 'review_not_applicable' },
      handler: async (_req, res) => {
        res.json(await useCases.viewPanels.panels(res.locals.params.id));
      },
    },
    {
      method: 'post',
      path: '/api/applications/:id/assignments',
      tag: 'reviews',
      summary: 'Assign one reviewer by hand',
      permission: permissions.officer,
      params: idParams,
      body: assignBody,
      responses: { 201: 'The assignment', 404: 'Unknown application', 409: 'reviewer_conflict, already_assigned or application_not_reviewable' },
      handler: async (req, res) => {
        res.status(201).json(await useCases.assignReviewer(res.locals.params.id, res.locals.body.reviewerId, res.locals.user, ip(req)));
      },
    },
    {
      method: 'delete',
      path: '/api/reviews/:id',
      tag: 'reviews',
      summary: 'Unassign a reviewer by hand (not once they have submitted)',
      permission: permissions.officer,
      params: idParams,
      responses: { 204: 'Released', 404: 'Not found', 409: 'review_submitted or assignment_released' },
      handler: async (req, res) => {
        await useCases.unassignReviewer(res.locals.params.id, res.locals.user, ip(req));
        res.status(204).end();
      },
    },
    {
      method: 'get',
      path: '/api/applications/:id/scores',
      tag: 'reviews',
      summary: 'One application’s submitted sheets, panel result and moderation history',
      permission: permissions.officer,
      params: idParams,
      responses: { 200: '{ applicationId, status, company, rubric, reviews, score, moderations }', 404: 'Not found' },
      handler: async (_req, res) => {
        res.json(await useCases.viewPanels.scores(res.locals.params.id));
      },
    },
    {
      method: 'post',
      path: '/api/applications/:id/moderation',
      tag: 'reviews',
      summary: 'Record a moderated score with a reason (the panel’s result is kept)',
      permission: permissions.officer,
      params: idParams,
      body: moderationBody,
      responses: { 201: 'The moderation', 400: 'validation_failed', 404: 'Not found', 409: 'not_scored' },
      handler: async (req, res) => {
        res.status(201).json(await useCases.moderateScore(res.locals.params.id, res.locals.body, res.locals.user, ip(req)));
      },
    },
    {
      method: 'patch',
      path: '/api/programmes/:code/review-settings',
      tag: 'reviews',
      summary: 'Hide applicant identity from reviewers; set the spread of totals that flags a panel',
      permission: permissions.officer,
      params: programmeParams,
      body: settingsBody,
      responses: { 200: '{ blindIdentity, spreadMargin }', 404: 'Unknown programme' },
      handler: async (req, res) => {
        res.json(await useCases.updateReviewSettings(res.locals.params.code, res.locals.body, res.locals.user, ip(req)));
      },
    },
  ];
}

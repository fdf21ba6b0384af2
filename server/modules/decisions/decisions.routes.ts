import type { RouteSpec } from '../../http/route.ts';
import { sendDocument } from '../../http/send-document.ts';
import { AppError, notFound } from '../../errors/app-error.ts';
import { permissions } from '../../middleware/permissions.ts';
import { pickLanguage } from '../../i18n/language.ts';
import type { Services } from '../../services.ts';
import { assertVisible } from '../applications/applications.permissions.ts';
import type { CurrentUser } from '../identity/identity.types.ts';
import { letterSummary } from './view-decision.ts';
import { appealBody, appealsQuery, approveToLineBody, decisionBody, idParams, mailParams, reissueBody, verifyParams } from './decisions.schemas.ts';

const ip = (req: { ip?: string }) => req.ip ?? 'unknown';

export function decisionsRoutes(services: Services): RouteSpec[] {
  const { useCases } = services;
  /** Letters are the firm's and the officers': anyone else gets 404. */
  const visibleLetter = async (id: string, user: CurrentUser) => {
    const letter = await services.letters.find(id);
    const companyId = letter ? await services.letters.companyOf(id) : null;
    const staff = user.roles.includes('officer') || user.roles.includes('admin');
    if (!letter || !companyId || !(staff || user.companyId === companyId)) throw notFound('letter not visible');
    return letter;
  };
  return [
    {
      method: 'get',
      path: '/api/calls/:id/ranking',
      tag: 'decisions',
      summary: 'Scored applications ranked (ties: earlier submission, then id), with award amounts, decisions and the funding line',
      permission: permissions.officer,
      params: idParams,
      responses: { 200: '{ call, budget: { total, committed, proposed, remaining }, tieBreak, lineAfterRank, items: [{ rank, applicationId, company, status, score, flagged, award, decision, aboveLine }] }', 404: 'Unknown call' },
      handler: async (_req, res) => {
        res.json(await useCases.viewRanking(res.locals.params.id));
      },
    },
    {
      method: 'post',
      path: '/api/calls/:id/decisions/approve-to-line',
      tag: 'decisions',
      summary: 'Approve, at their award amounts, exactly the applications above the funding line (all or nothing)',
      permission: permissions.officer,
      params: idParams,
      body: approveToLineBody,
      responses: { 200: '{ approved: [{ applicationId, amount, letterId, reference }], budget }', 409: 'ranking_changed or budget_exceeded' },
      handler: async (req, res) => {
        res.json(await useCases.approveToLine(res.locals.params.id, res.locals.body.applicationIds, { user: res.locals.user, clientIp: ip(req) }));
      },
    },
    {
      method: 'post',
      path: '/api/applications/:id/decision',
      tag: 'decisions',
      summary: 'Approve (amount defaults to the award; lower needs amountReason) or reject (reasons); decides an appeal once re-reviewed',
      permission: permissions.officer,
      params: idParams,
      body: decisionBody,
      responses: {
        200: '{ id, status, decision, letter: { id, reference, kind, sha256, verifyCode, issuedAt } }',
        400: 'validation_failed (amount, amountReason, reasons, note)',
        409: 'budget_exceeded, invalid_transition, not_scored, appeal_not_reviewed',
      },
      handler: async (req, res) => {
        res.json(await useCases.decideApplication(res.locals.params.id, res.locals.body, { user: res.locals.user, clientIp: ip(req) }));
      },
    },
    {
      method: 'get',
      path: '/api/applications/:id/letters',
      tag: 'decisions',
      summary: 'Letters issued for an application (the firm and officers)',
      permission: permissions.signedIn,
      params: idParams,
      responses: { 200: '{ items: [{ id, reference, kind, version, language, sha256, verifyCode, issuedAt, status, supersededBy, reissueReason }] }', 404: 'Unknown or not visible' },
      handler: async (_req, res) => {
        assertVisible(res.locals.user, await services.applications.find(res.locals.params.id));
        res.json({ items: (await services.letters.forApplication(res.locals.params.id)).map(letterSummary) });
      },
    },
    {
      method: 'get',
      path: '/api/letters/:id/pdf',
      tag: 'decisions',
      summary: 'The letter as PDF (attachment)',
      permission: permissions.signedIn,
      params: idParams,
      produces: 'application/pdf',
      responses: { 200: 'application/pdf', 404: 'Unknown or not visible' },
      handler: async (_req, res) => {
        const letter = await visibleLetter(res.locals.params.id, res.locals.user);
        const content = (await services.letters.content(letter.id))!;
        res.setHeader('X-Content-SHA256', letter.sha256);
        sendDocument(res, { filename: `${letter.reference}${letter.version > 1 ? `-v${letter.version}` : ''}.pdf`, mediaType: 'application/pdf' }, content);
      },
    },
    {
      method: 'post',
      path: '/api/letters/:id/reissue',
      tag: 'decisions',
      summary: 'Reissue a letter with a reason: same reference, next version; the old one is marked superseded',
      permission: permissions.officer,
      params: idParams,
      body: reissueBody,
      responses: { 201: 'The new letter', 404: 'Unknown letter', 409: 'letter_superseded' },
      handler: async (req, res) => {
        res.status(201).json(await useCases.reissueLetter(res.locals.params.id, res.locals.body.reason, { user: res.locals.user, clientIp: ip(req) }));
      },
    },
    {
      method: 'get',
      path: '/api/verify/:code',
      tag: 'decisions',
      summary: 'Public verification of a letter by the code printed on it',
      permission: permissions.public,
      before: [services.rateLimits.verify],
      params: verifyParams,
      responses: { 200: '{ reference, kind, version, company, programme (code), programmeName, outcome, amount, issuedAt, sha256, status, supersededBy }', 404: 'No letter has this code' },
      handler: async (_req, res) => {
        const found = await services.letters.verification(res.locals.params.code.toUpperCase());
        if (!found) throw notFound('verification code');
        res.setHeader('Cache-Control', 'no-store');
        res.json(found);
      },
    },
    {
      method: 'post',
      path: '/api/applications/:id/appeal',
      tag: 'decisions',
      summary: 'Appeal a rejection within 30 days, with reasons and appeal evidence already uploaded (kind appeal_evidence)',
      permission: permissions.applicant,
      params: idParams,
      body: appealBody,
      responses: { 201: '{ id, status: "appealed", appeal }', 400: 'validation_failed', 404: 'Not the caller’s firm’s', 409: 'appeal_window_closed, appeal_exists, invalid_transition' },
      handler: async (req, res) => {
        res.status(201).json(await useCases.appeals.file(res.locals.params.id, res.locals.body, res.locals.user, { language: pickLanguage(req), clientIp: ip(req) }));
      },
    },
    {
      method: 'get',
      path: '/api/appeals',
      tag: 'decisions',
      summary: 'Appeals (optionally of one call) with their re-review status',
      permission: permissions.officer,
      query: appealsQuery,
      responses: { 200: '{ items: [{ id, applicationId, callId, company, filedAt, reasons, documents, status, score, firstPanel }], total }' },
      handler: async (_req, res) => {
        res.json(await useCases.appeals.list(res.locals.query));
      },
    },
    {
      method: 'get',
      path: '/api/applications/:id/mail',
      tag: 'decisions',
      summary: 'Delivery status of the e-mails about an application',
      permission: permissions.officer,
      params: idParams,
      responses: { 200: '{ items: [{ id, to, template, subject, status, attempts, lastError, nextAttemptAt, createdAt, sentAt }] }' },
      handler: async (_req, res) => {
        res.json(await services.outbox.forApplication(res.locals.params.id));
      },
    },
    {
      method: 'post',
      path: '/api/mail/:id/resend',
      tag: 'decisions',
      summary: 'Send a failed e-mail again (its attempts start over)',
      permission: permissions.officer,
      params: mailParams,
      responses: { 202: 'Queued again', 404: 'Unknown e-mail', 409: 'mail_not_failed' },
      handler: async (req, res) => {
        const id = res.locals.params.id as number;
        if (!(await services.outbox.exists(id))) throw notFound('mail');
        if (!(await services.mailer.resend(id))) throw new AppError('mail_not_failed');
        await services.audit.record({ userId: res.locals.user.id, label: res.locals.user.email, clientIp: ip(req) }, { action: 'mail.resent', entityType: 'mail', entityId: String(id) });
        res.status(202).json({ id, status: 'queued' });
      },
    },
  ];
}

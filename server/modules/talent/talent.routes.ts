import type { RouteSpec } from '../../http/route.ts';
import { sendDocument } from '../../http/send-document.ts';
import { singleFileUpload } from '../../http/upload.ts';
import { permissions } from '../../middleware/permissions.ts';
import { pickLanguage } from '../../i18n/language.ts';
import type { Services } from '../../services.ts';
import {
  addMemberBody,
  confirmConsentBody,
  consentRequestBody,
  createTeamBody,
  listQuery,
  memberParams,
  renameTeamBody,
  revealBody,
  teamParams,
  tokenParams,
  updateMemberBody,
  withdrawBody,
  pointsBody,
  requestParams,
  requestsQuery,
  confirmationBody,
} from './talent.schemas.ts';
import { localizeDeep } from '../eligibility/localize.ts';

const ip = (req: { ip?: string }) => req.ip ?? 'unknown';
const MEMBER = '{ id, name, role, email, idNumberMasked, consent (held now), consentRecord: { status, method, textVersion, at, form, requestExpiresAt }, erasedAt }';

export function talentRoutes(services: Services): RouteSpec[] {
  const teams = services.useCases.talentTeams;
  const recognition = services.useCases.recognition;
  /** Stored results keep both languages; a response carries the caller's. */
  const localized = <T extends { result: unknown }>(request: T, req: Parameters<typeof pickLanguage>[0]) => ({ ...request, result: localizeDeep(request.result, pickLanguage(req)) });
  const actor = (req: { ip?: string }, user: Parameters<typeof teams.list>[0]) => ({ user, clientIp: ip(req) });
  return [
    {
      method: 'get',
      path: '/api/talent-teams',
      tag: 'talent',
      summary: 'Talent teams: the firm’s own (officers: all); ID numbers masked',
      permission: permissions.signedIn,
      query: listQuery,
      responses: { 200: `{ items: [{ id, name, company, applicationId, members: [${MEMBER}] }], total }` },
      handler: async (_req, res) => {
        res.json(await teams.list(res.locals.user, res.locals.query));
      },
    },
    {
      method: 'post',
      path: '/api/talent-teams',
      tag: 'talent',
      summary: 'Create a team; an ID number needs consent: true (the firm holds the member’s separate signed consent)',
      permission: permissions.applicant,
      body: createTeamBody,
      responses: { 201: 'The team (ID numbers masked)', 400: 'validation_failed (members[i].idNumber) or consent_required (members[i].consent)' },
      handler: async (req, res) => {
        res.status(201).json(await teams.create(res.locals.body, actor(req, res.locals.user)));
      },
    },
    {
      method: 'get',
      path: '/api/talent-teams/:id',
      tag: 'talent',
      summary: 'One team with its members (ID numbers masked)',
      permission: permissions.signedIn,
      params: teamParams,
      responses: { 200: 'The team', 404: 'Unknown or another firm’s' },
      handler: async (_req, res) => {
        res.json(await teams.view(res.locals.params.id, res.locals.user));
      },
    },
    {
      method: 'patch',
      path: '/api/talent-teams/:id',
      tag: 'talent',
      summary: 'Rename a team',
      permission: permissions.applicant,
      params: teamParams,
      body: renameTeamBody,
      responses: { 200: 'The team', 404: 'Unknown or another firm’s' },
      handler: async (req, res) => {
        res.json(await teams.rename(res.locals.params.id, res.locals.body.name, actor(req, res.locals.user)));
      },
    },
    {
      method: 'post',
      path: '/api/talent-teams/:id/members',
      tag: 'talent',
      summary: 'Add a member (an ID number needs consent: true)',
      permission: permissions.applicant,
      params: teamParams,
      body: addMemberBody,
      responses: { 201: MEMBER, 400: 'validation_failed (idNumber) or consent_required (consent)', 404: 'Unknown team' },
      handler: async (req, res) => {
        res.status(201).json(await teams.addMember(res.locals.params.id, res.locals.body, actor(req, res.locals.user)));
      },
    },
    {
      method: 'patch',
      path: '/api/talent-teams/:id/members/:memberId',
      tag: 'talent',
      summary: 'Change a member (a new ID number needs consent: true again)',
      permission: permissions.applicant,
      params: memberParams,
      body: updateMemberBody,
      responses: { 200: MEMBER, 400: 'validation_failed or consent_required', 404: 'Unknown member' },
      handler: async (req, res) => {
        res.json(await teams.updateMember(res.locals.params.id, res.locals.params.memberId, res.locals.body, actor(req, res.locals.user)));
      },
    },
    {
      method: 'delete',
      path: '/api/talent-teams/:id/members/:memberId',
      tag: 'talent',
      summary: 'Remove a member; their personal data is erased',
      permission: permissions.applicant,
      params: memberParams,
      responses: { 204: 'Removed', 404: 'Unknown member' },
      handler: async (req, res) => {
        await teams.removeMember(res.locals.params.id, res.locals.params.memberId, actor(req, res.locals.user));
        res.status(204).end();
      },
    },
    {
      method: 'post',
      path: '/api/talent-teams/:id/members/:memberId/consent-form',
      tag: 'talent',
      summary: 'Upload the member’s signed consent form (multipart file: PDF, JPEG, PNG or OFD, ≤ 20 MiB)',
      permission: permissions.applicant,
      params: memberParams,
      before: [singleFileUpload],
      responses: { 201: '{ id, filename }', 400: 'validation_failed', 413: 'payload_too_large', 415: 'unsupported_media_type' },
      handler: async (req, res) => {
        res.status(201).json(await teams.uploadConsentForm(res.locals.params.id, res.locals.params.memberId, req.file, actor(req, res.locals.user)));
      },
    },
    {
      method: 'get',
      path: '/api/talent-teams/:id/members/:memberId/consent-form',
      tag: 'talent',
      summary: 'Download the signed consent form (the firm and officers)',
      permission: permissions.signedIn,
      params: memberParams,
      produces: 'application/octet-stream',
      responses: { 200: 'The file', 404: 'None uploaded, or not visible' },
      handler: async (req, res) => {
        const form = await teams.consentForm(res.locals.params.id, res.locals.params.memberId, res.locals.user, ip(req));
        sendDocument(res, form, form.content);
      },
    },
    {
      method: 'post',
      path: '/api/talent-teams/:id/members/:memberId/consent-request',
      tag: 'talent',
      summary: 'E-mail the member a one-time link (7 days) to give consent and enter their own ID number',
      permission: permissions.applicant,
      params: memberParams,
      body: consentRequestBody,
      responses: { 202: '{ requestExpiresAt }', 404: 'Unknown member' },
      handler: async (req, res) => {
        res.status(202).json(await teams.requestConsent(res.locals.params.id, res.locals.params.memberId, res.locals.body.email, pickLanguage(req), actor(req, res.locals.user)));
      },
    },
    {
      method: 'post',
      path: '/api/talent-teams/:id/members/:memberId/consent-withdrawal',
      tag: 'talent',
      summary: 'Record the member’s withdrawal of consent: their ID number is erased',
      permission: permissions.applicant,
      params: memberParams,
      body: withdrawBody,
      responses: { 200: MEMBER, 404: 'Unknown member' },
      handler: async (req, res) => {
        res.json(await teams.withdrawConsent(res.locals.params.id, res.locals.params.memberId, res.locals.body.note || null, actor(req, res.locals.user)));
      },
    },
    {
      method: 'post',
      path: '/api/talent-teams/:id/members/:memberId/reveal',
      tag: 'talent',
      summary: 'Show one full ID number to an officer, for a stated reason (audited)',
      permission: permissions.officer,
      params: memberParams,
      body: revealBody,
      responses: { 200: '{ idNumber, revealedAt }', 404: 'Unknown member or no ID number held' },
      handler: async (req, res) => {
        res.setHeader('Cache-Control', 'no-store');
        res.json(await teams.reveal(res.locals.params.id, res.locals.params.memberId, res.locals.body.reason, actor(req, res.locals.user)));
      },
    },
    {
      method: 'post',
      path: '/api/talent-teams/:id/members/:memberId/points',
      tag: 'talent',
      summary: 'The residence-points pre-check for a member (birth date from their ID number when not given), kept as their recognition request',
      permission: permissions.applicant,
      params: memberParams,
      body: pointsBody,
      responses: { 200: 'The pre-check result (score, scoreItems, criteria) with request: { id, status, computedPoints }', 400: 'validation_failed', 409: 'invalid_transition (already submitted)' },
      handler: async (req, res) => {
        const request = await recognition.compute(res.locals.params.id, res.locals.params.memberId, res.locals.body, actor(req, res.locals.user));
        res.json({ ...(localizeDeep(request.result, pickLanguage(req)) as object), request: { id: request.id, status: request.status, computedPoints: request.computedPoints } });
      },
    },
    {
      method: 'get',
      path: '/api/recognition-requests',
      tag: 'talent',
      summary: 'Recognition requests: the firm’s own (by team), or every one for officers (by status)',
      permission: permissions.signedIn,
      query: requestsQuery,
      responses: { 200: '{ items: [{ id, team, company, member, asOf, result, computedPoints, status, adjustments, confirmedPoints, confirmedOutcome }], total }' },
      handler: async (req, res) => {
        const list = await recognition.list(res.locals.user, res.locals.query);
        res.json({ ...list, items: list.items.map((item) => localized(item, req)) });
      },
    },
    {
      method: 'get',
      path: '/api/recognition-requests/:id',
      tag: 'talent',
      summary: 'One recognition request with its points breakdown',
      permission: permissions.signedIn,
      params: requestParams,
      responses: { 200: 'The request', 404: 'Unknown or another firm’s' },
      handler: async (req, res) => {
        res.json(localized(await recognition.view(res.locals.params.id, res.locals.user), req));
      },
    },
    {
      method: 'post',
      path: '/api/recognition-requests/:id/submit',
      tag: 'talent',
      summary: 'The firm submits a member’s request for confirmation',
      permission: permissions.applicant,
      params: requestParams,
      responses: { 200: 'The request (submitted)', 409: 'invalid_transition' },
      handler: async (req, res) => {
        res.json(localized(await recognition.submit(res.locals.params.id, actor(req, res.locals.user)), req));
      },
    },
    {
      method: 'post',
      path: '/api/recognition-requests/:id/confirmation',
      tag: 'talent',
      summary: 'An officer confirms the points, adjusting items (incl. PT-P5 tax and PT-P6 honours) with reasons',
      permission: permissions.officer,
      params: requestParams,
      body: confirmationBody,
      responses: { 200: 'The request (confirmed, with confirmedPoints and confirmedOutcome)', 400: 'validation_failed (adjustments[i].item)', 409: 'invalid_transition' },
      handler: async (req, res) => {
        res.json(localized(await recognition.confirm(res.locals.params.id, res.locals.body.adjustments, actor(req, res.locals.user)), req));
      },
    },
    {
      method: 'get',
      path: '/api/consent/:token',
      tag: 'talent',
      summary: 'What a member is asked to consent to (public, one-time link)',
      permission: permissions.public,
      before: [services.rateLimits.verify],
      params: tokenParams,
      responses: { 200: '{ team, company, member, text, textVersion, expiresAt }', 404: 'Unknown, used or expired link' },
      handler: async (_req, res) => {
        res.setHeader('Cache-Control', 'no-store');
        res.json(await teams.consentRequest(res.locals.params.token));
      },
    },
    {
      method: 'post',
      path: '/api/consent/:token',
      tag: 'talent',
      summary: 'The member agrees and enters their ID number (public; CSRF token from GET /api/auth/csrf)',
      permission: permissions.public,
      before: [services.rateLimits.verify],
      params: tokenParams,
      body: confirmConsentBody,
      responses: { 200: '{ status: "given", idNumberMasked }', 400: 'validation_failed (agree, idNumber)', 404: 'Unknown, used or expired link' },
      handler: async (req, res) => {
        res.json(await teams.confirmConsent(res.locals.params.token, res.locals.body, ip(req)));
      },
    },
    {
      method: 'post',
      path: '/api/consent/:token/withdrawal',
      tag: 'talent',
      summary: 'The member withdraws the consent they gave through this link; their ID number is erased (public; CSRF token from GET /api/auth/csrf)',
      permission: permissions.public,
      before: [services.rateLimits.verify],
      params: tokenParams,
      responses: { 200: '{ status: "withdrawn" }', 404: 'Unknown link, or no consent given through it' },
      handler: async (req, res) => {
        res.json(await teams.withdrawByMember(res.locals.params.token, ip(req)));
      },
    },
  ];
}

import Joi from 'joi';
import type { RouteSpec } from '../../http/route.ts';
import { permissions } from '../../middleware/permissions.ts';
import { pickLanguage } from '../../i18n/language.ts';
import type { Services } from '../../services.ts';

const token = Joi.object({ token: Joi.string().pattern(/^[A-Za-z0-9_-]{20,100}$/).required() });

export function companyRoutes(services: Services): RouteSpec[] {
  const { useCases, identity, invitations } = services;
  return [
    {
      method: 'get',
      path: '/api/company/members',
      tag: 'identity',
      summary: 'The members of the caller’s company and its pending invitations',
      permission: permissions.applicant,
      responses: { 200: '{ items, invitations }' },
      handler: async (_req, res) => {
        const companyId = res.locals.user.companyId;
        const [items, pending] = await Promise.all([identity.companyMembers(companyId), invitations.pending(companyId)]);
        res.json({ items, total: items.length, invitations: pending });
      },
    },
    {
      method: 'post',
      path: '/api/company/invitations',
      tag: 'identity',
      summary: 'The company owner invites a colleague by e-mail (a one-time link, valid 7 days)',
      permission: permissions.applicant,
      body: Joi.object({ email: Joi.string().trim().lowercase().email({ tlds: false }).max(254).required(), role: Joi.string().valid('owner', 'editor').default('editor') }),
      responses: { 201: '{ id, email, role, expiresAt }', 403: 'Not the owner', 409: 'email_taken' },
      handler: async (req, res) => {
        res.status(201).json(await useCases.inviteColleague(res.locals.body, res.locals.user, pickLanguage(req), req.ip ?? 'unknown'));
      },
    },
    {
      method: 'get',
      path: '/api/invitations/:token',
      tag: 'identity',
      summary: 'What an invitation link offers (company, e-mail, role)',
      permission: permissions.public,
      params: token,
      responses: { 200: '{ email, role, expiresAt, company }', 404: 'Unknown, used or expired' },
      handler: async (_req, res) => {
        res.json(await useCases.readInvitation(res.locals.params.token));
      },
    },
    {
      method: 'post',
      path: '/api/invitations/:token/accept',
      tag: 'identity',
      summary: 'Accept an invitation: create the account inside the inviting company (works once)',
      permission: permissions.public,
      csrf: false, // like register: the caller has no session yet; the one-time token is the proof
      before: [services.rateLimits.register],
      params: token,
      body: Joi.object({ displayName: Joi.string().trim().min(1).max(100).required(), password: Joi.string().min(10).max(200).required() }),
      responses: { 201: '{ user, company }', 404: 'Unknown, used or expired', 409: 'email_taken' },
      handler: async (req, res) => {
        res.status(201).json(await useCases.acceptInvitation(res.locals.params.token, res.locals.body, req.ip ?? 'unknown'));
      },
    },
  ];
}

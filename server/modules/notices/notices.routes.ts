import type { RouteSpec } from '../../http/route.ts';
import { permissions } from '../../middleware/permissions.ts';
import { pickLanguage } from '../../i18n/language.ts';
import type { Services } from '../../services.ts';
import { holidaysBody, holidaysQuery, idParams, listQuery, objectionBody, publishBody, resolutionBody, yearParams } from './notices.schemas.ts';
import { AppError } from '../../errors/app-error.ts';
import { fieldError } from '../../errors/messages.ts';

const ip = (req: { ip?: string }) => req.ip ?? 'unknown';

export function noticesRoutes(services: Services): RouteSpec[] {
  const notices = services.useCases.publicNotices;
  return [
    {
      method: 'get',
      path: '/api/notices',
      tag: 'notices',
      summary: 'Public notices (公示), newest first',
      permission: permissions.public,
      query: listQuery,
      responses: { 200: '{ items: [{ id, call, startsOn, endsOn, workingDays, status, count }], total }' },
      handler: async (_req, res) => {
        res.json(await notices.list(res.locals.query));
      },
    },
    {
      method: 'get',
      path: '/api/notices/:id',
      tag: 'notices',
      summary: 'One public notice with the firms and amounts it lists',
      permission: permissions.public,
      params: idParams,
      responses: { 200: '{ id, call, startsOn, endsOn, workingDays, status, publishedAt, items: [{ applicationId, company, amount, score, status }] }', 404: 'Unknown notice' },
      handler: async (_req, res) => {
        res.json(await notices.view(res.locals.params.id));
      },
    },
    {
      method: 'post',
      path: '/api/calls/:id/notices',
      tag: 'notices',
      summary: 'Publish the call’s approvals not yet noticed, for a number of working days (holidays skipped)',
      permission: permissions.officer,
      params: idParams,
      body: publishBody,
      responses: { 201: 'The notice, with calendarComplete', 400: 'validation_failed', 409: 'nothing_to_notice' },
      handler: async (req, res) => {
        res.status(201).json(await notices.publish(res.locals.params.id, res.locals.body, { user: res.locals.user, clientIp: ip(req) }));
      },
    },
    {
      method: 'get',
      path: '/api/calls/:id/notices',
      tag: 'notices',
      summary: 'The call’s notices with their items and objection counts',
      permission: permissions.officer,
      params: idParams,
      responses: { 200: '{ items: [notice + items + objections: { pending, upheld, dismissed }] }' },
      handler: async (_req, res) => {
        res.json(await notices.ofCall(res.locals.params.id));
      },
    },
    {
      method: 'post',
      path: '/api/notices/:id/objections',
      tag: 'notices',
      summary: 'A named objection to a listed firm, while the notice is open (anyone; CSRF token from GET /api/auth/csrf)',
      permission: permissions.public,
      before: [services.rateLimits.objection],
      params: idParams,
      body: objectionBody,
      responses: { 201: '{ id, reference, receivedAt }', 400: 'validation_failed', 404: 'Unknown notice', 409: 'notice_closed' },
      handler: async (req, res) => {
        res.status(201).json(await notices.fileObjection(res.locals.params.id, res.locals.body, { language: pickLanguage(req), clientIp: ip(req) }));
      },
    },
    {
      method: 'get',
      path: '/api/notices/:id/objections',
      tag: 'notices',
      summary: 'Objections to a notice, with the objectors’ contact details (officers)',
      permission: permissions.officer,
      params: idParams,
      responses: { 200: '{ items: [{ id, reference, applicationId, company, name, contact, organisation, content, receivedAt, status, resolution }] }' },
      handler: async (_req, res) => {
        res.json(await notices.objections(res.locals.params.id));
      },
    },
    {
      method: 'post',
      path: '/api/objections/:id/resolution',
      tag: 'notices',
      summary: 'Uphold (revokes the approval, releases the budget, issues a revocation letter) or dismiss an objection',
      permission: permissions.officer,
      params: idParams,
      body: resolutionBody,
      responses: { 200: 'The objection, with letterId when upheld', 409: 'objection_resolved, invalid_transition' },
      handler: async (req, res) => {
        res.json(await notices.resolveObjection(res.locals.params.id, res.locals.body, { user: res.locals.user, clientIp: ip(req) }));
      },
    },
    {
      method: 'get',
      path: '/api/holidays',
      tag: 'notices',
      summary: 'Public holidays and make-up working days of a year (the calendar of working days)',
      permission: permissions.public,
      query: holidaysQuery,
      responses: { 200: '{ year, items: [{ day, kind, name, source }] }' },
      handler: async (_req, res) => {
        res.json(await notices.holidays(res.locals.query.year));
      },
    },
    {
      method: 'put',
      path: '/api/holidays/:year',
      tag: 'notices',
      summary: 'Replace a year’s holidays and make-up working days (administrators)',
      permission: permissions.admin,
      params: yearParams,
      body: holidaysBody,
      responses: { 200: '{ year, items }', 400: 'validation_failed' },
      handler: async (req, res) => {
        const { year } = res.locals.params;
        const days = res.locals.body.days as { day: string }[];
        const outside = days.findIndex((d) => !d.day.startsWith(`${year}-`));
        if (outside >= 0) throw new AppError('validation_failed', { errors: [fieldError(`days[${outside}].day`, 'holiday.outsideYear', { year })] });
        res.json(await notices.replaceHolidays(year, res.locals.body.days, { user: res.locals.user, clientIp: ip(req) }));
      },
    },
  ];
}

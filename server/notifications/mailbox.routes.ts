import Joi from 'joi';
import type { RouteSpec } from '../http/route.ts';
import { permissions } from '../middleware/permissions.ts';
import type { Services } from '../services.ts';

export function mailboxRoutes(services: Services): RouteSpec[] {
  return [
    {
      method: 'get',
      path: '/api/mailbox',
      tag: 'service',
      summary: 'Queued and sent e-mails, newest first (the development mailbox when SMTP_URL is unset)',
      permission: permissions.admin,
      query: Joi.object({
        to: Joi.string().max(254),
        limit: Joi.number().integer().min(1).max(200).default(50),
        offset: Joi.number().integer().min(0).default(0),
      }),
      responses: { 200: '{ items: [{ id, to, template, language, data, status, createdAt, sentAt }], total }', 403: 'Not an administrator' },
      handler: async (_req, res) => {
        res.json(await services.outbox.list(res.locals.query, { hideCredentials: !!services.config.smtpUrl }));
      },
    },
  ];
}

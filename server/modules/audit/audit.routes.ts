import Joi from 'joi';
import type { RouteSpec } from '../../http/route.ts';
import { permissions } from '../../middleware/permissions.ts';
import type { Services } from '../../services.ts';

export function auditRoutes(services: Services): RouteSpec[] {
  return [
    {
      method: 'get',
      path: '/api/audit-events',
      tag: 'audit',
      summary: 'The append-only audit trail, newest first',
      permission: permissions.admin,
      query: Joi.object({
        entityType: Joi.string().max(64),
        entityId: Joi.string().max(64),
        actorId: Joi.string().guid(),
        limit: Joi.number().integer().min(1).max(200).default(50),
        offset: Joi.number().integer().min(0).default(0),
      }),
      responses: { 200: '{ items, total }', 401: 'Not signed in', 403: 'Not an administrator' },
      handler: async (_req, res) => {
        res.json(await services.audit.list(res.locals.query));
      },
    },
  ];
}

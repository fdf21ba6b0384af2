import Joi from 'joi';
import type { RouteSpec } from '../../http/route.ts';
import { permissions } from '../../middleware/permissions.ts';
import type { Services } from '../../services.ts';

export function callsRoutes(services: Services): RouteSpec[] {
  return [
    {
      method: 'get',
      path: '/api/calls',
      tag: 'calls',
      summary: 'Calls for applications, filtered by programme and status (upcoming, open, closed)',
      permission: permissions.public,
      query: Joi.object({
        programme: Joi.string().max(64),
        status: Joi.string().valid('upcoming', 'open', 'closed'),
        limit: Joi.number().integer().min(1).max(200).default(50),
        offset: Joi.number().integer().min(0).default(0),
      }),
      responses: { 200: '{ items: [{ id, programme, title, opensAt, closesAt, graceMinutes, budget, committed }], total }' },
      handler: async (_req, res) => {
        res.json(await services.calls.list(res.locals.query));
      },
    },
  ];
}

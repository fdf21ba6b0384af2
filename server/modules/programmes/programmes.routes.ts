import Joi from 'joi';
import type { RouteSpec } from '../../http/route.ts';
import { permissions } from '../../middleware/permissions.ts';
import { notFound } from '../../errors/app-error.ts';
import type { Services } from '../../services.ts';

export function programmesRoutes(services: Services): RouteSpec[] {
  return [
    {
      method: 'get',
      path: '/api/programmes',
      tag: 'programmes',
      summary: 'The programmes firms can apply to, with their policy basis',
      permission: permissions.public,
      responses: { 200: '{ items: [{ code, name, summary, policyBasis }], total }' },
      handler: async (_req, res) => {
        const items = await services.programmes.list();
        res.json({ items, total: items.length });
      },
    },
    {
      method: 'get',
      path: '/api/programmes/:code',
      tag: 'programmes',
      summary: 'One programme: fact schema, documents, the rule set in force today with its cited parameters, award schemes, criteria and rubric',
      permission: permissions.public,
      params: Joi.object({ code: Joi.string().max(64).required() }),
      responses: { 200: 'The programme', 404: 'Unknown programme' },
      handler: async (_req, res) => {
        const programme = await services.useCases.describeProgramme(res.locals.params.code);
        if (!programme) throw notFound(`programme ${res.locals.params.code}`);
        res.json(programme);
      },
    },
  ];
}

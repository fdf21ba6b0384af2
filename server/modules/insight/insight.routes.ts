import type { RouteSpec } from '../../http/route.ts';
import { permissions } from '../../middleware/permissions.ts';
import type { Services } from '../../services.ts';
import { idParams, simulateBody } from './insight.schemas.ts';

export function insightRoutes(services: Services): RouteSpec[] {
  const { useCases } = services;
  return [
    {
      method: 'post',
      path: '/api/calls/:id/simulate',
      tag: 'insight',
      summary: 'What-if: re-screen every submitted application of the call with changed parameters, writing nothing',
      permission: permissions.officer,
      params: idParams,
      body: simulateBody,
      responses: {
        200: '{ changed: [{ applicationId, companyName, before, after }], unchanged, total, parameters, outcomes, criteria: [{ id, name, before, after }], budget, cancelled, durationMs }',
        400: 'validation_failed (parameters.<id>: unknown parameter, different shape, out of range)',
        404: 'Unknown call',
      },
      handler: async (_req, res) => {
        // a client that goes away stops the run between batches
        const abort = new AbortController();
        res.on('close', () => abort.abort());
        res.json(await useCases.simulateCall(res.locals.params.id, res.locals.body, { signal: abort.signal }));
      },
    },
  ];
}

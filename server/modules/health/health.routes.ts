import type { RouteSpec } from '../../http/route.ts';
import { permissions } from '../../middleware/permissions.ts';
import type { Services } from '../../services.ts';

export function healthRoutes(services: Services): RouteSpec[] {
  return [
    {
      method: 'get',
      path: '/healthz',
      tag: 'service',
      summary: 'Liveness and database reachability',
      permission: permissions.public,
      responses: { 200: '{ status: "ok", db: "ok" }', 503: 'The database is unreachable' },
      handler: async (_req, res) => {
        const dbOk = await services.db.ping();
        res.status(dbOk ? 200 : 503).json({ status: dbOk ? 'ok' : 'degraded', db: dbOk ? 'ok' : 'unreachable' });
      },
    },
  ];
}

// Every endpoint is declared here-style: method, path, permission, validation and a summary.
// The same declarations mount the Express routes and produce /api/openapi.json.
import type { Request, RequestHandler, Response, Router } from 'express';
import type Joi from 'joi';
import type { Permission } from '../middleware/permissions.ts';
import { authorize } from '../middleware/authorize.ts';
import { requireCsrfToken } from '../middleware/csrf.ts';
import { requireJsonBody, validateRequest } from '../middleware/validate.ts';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export type RouteSpec = {
  method: HttpMethod;
  /** Express path, e.g. /api/applications/:id */
  path: string;
  tag: string;
  summary: string;
  permission: Permission;
  /** State changes need the CSRF token unless the contract exempts them (register, login, public pre-check). */
  csrf?: boolean;
  body?: Joi.Schema;
  query?: Joi.Schema;
  params?: Joi.Schema;
  /** Extra middleware that runs before validation (rate limits, uploads). */
  before?: RequestHandler[];
  responses: Record<number, string>;
  /** Response media type when not JSON (e.g. application/pdf). */
  produces?: string;
  handler: (req: Request, res: Response) => unknown;
};

const STATE_CHANGING: HttpMethod[] = ['post', 'put', 'patch', 'delete'];

export function mountRoutes(router: Router, specs: RouteSpec[]): void {
  for (const spec of specs) {
    const chain: RequestHandler[] = [authorize(spec.permission)];
    if (STATE_CHANGING.includes(spec.method) && spec.csrf !== false) chain.push(requireCsrfToken);
    chain.push(...(spec.before ?? []));
    if (spec.body) chain.push(requireJsonBody);
    if (spec.body || spec.query || spec.params) {
      chain.push(validateRequest({ body: spec.body, query: spec.query, params: spec.params }));
    }
    chain.push(async (req, res) => {
      await spec.handler(req, res);
    });
    router[spec.method](spec.path, ...chain);
  }
}

// createApp(services): security, parsers, routes, 404 and the error handler. No listen, no database setup,
// so tests build the same app around their own services.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';
import helmet from 'helmet';
import type { Services } from './services.ts';
import { mountRoutes, type RouteSpec } from './http/route.ts';
import { buildOpenApi } from './http/openapi.ts';
import { permissions } from './middleware/permissions.ts';
import { loadCurrentUser } from './middleware/current-user.ts';
import { requestLog } from './middleware/request-log.ts';
import { authorize } from './middleware/authorize.ts';
import { AppError } from './errors/app-error.ts';
import { problemHandler } from './errors/problem.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { identityRoutes } from './modules/identity/identity.routes.ts';
import { mfaRoutes } from './modules/identity/mfa.routes.ts';
import { programmesRoutes } from './modules/programmes/programmes.routes.ts';
import { callsRoutes } from './modules/calls/calls.routes.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { eligibilityRoutes } from './modules/eligibility/eligibility.routes.ts';
import { applicationsRoutes } from './modules/applications/applications.routes.ts';
import { reviewsRoutes } from './modules/reviews/reviews.routes.ts';
import { companyRoutes } from './modules/identity/company.routes.ts';
import { decisionsRoutes } from './modules/decisions/decisions.routes.ts';
import { noticesRoutes } from './modules/notices/notices.routes.ts';
import { talentRoutes } from './modules/talent/talent.routes.ts';
import { insightRoutes } from './modules/insight/insight.routes.ts';
import { mailboxRoutes } from './notifications/mailbox.routes.ts';

const clientDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../client/dist');

export function routeTable(services: Services): RouteSpec[] {
  const specs: RouteSpec[] = [
    ...healthRoutes(services),
    ...identityRoutes(services),
    ...mfaRoutes(services),
    ...companyRoutes(services),
    ...programmesRoutes(services),
    ...eligibilityRoutes(services),
    ...callsRoutes(services),
    ...applicationsRoutes(services),
    ...reviewsRoutes(services),
    ...auditRoutes(services),
    ...mailboxRoutes(services),
    ...decisionsRoutes(services),
    ...noticesRoutes(services),
    ...talentRoutes(services),
    ...insightRoutes(services),
  ];
  let document: unknown;
  const all = [...specs, openApiSpec(() => document)];
  document = buildOpenApi(all, services.version);
  return all;
}

function openApiSpec(document: () => unknown): RouteSpec {
  return {
    method: 'get',
    path: '/api/openapi.json',
    tag: 'service',
    summary: 'This OpenAPI document',
    permission: permissions.public,
    responses: { 200: 'OpenAPI 3 document' },
    handler: (_req, res) => {
      res.json(document());
    },
  };
}

export function createApp(services: Services) {
  const { config, logger } = services;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.set('query parser', 'simple');

  app.use(requestLog(logger, { ignore: (url) => url === '/healthz' }));
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'"],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'none'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          ...(config.env === 'production' && { upgradeInsecureRequests: [] }),
        },
      },
      strictTransportSecurity: config.env === 'production',
    }),
  );

  const api = express.Router();
  // API answers carry personal and business data: no cache keeps them (a route may allow it, e.g. open data).
  api.use(apiOnly((_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  }));
  // Static files need neither a body parser nor a session lookup.
  api.use(apiOnly(express.json({ limit: '1mb', type: ['application/json', 'application/*+json'], verify: utf8Only })));
  api.use(apiOnly(services.session.middleware));
  api.use(apiOnly(loadCurrentUser(config, services.identity)));
  mountRoutes(api, routeTable(services));
  api.use('/api', (_req, _res, next) => next(new AppError('not_found', { log: 'no such API route' })));
  app.use(api);

  if (fs.existsSync(path.join(clientDist, 'index.html'))) {
    app.use(express.static(clientDist, { index: false, setHeaders: cacheHeaders }));
    // The client routes in the browser: any other GET that wants HTML gets the app shell.
    app.get(/^\/(?!api\/|healthz|assets\/).*/, authorize(permissions.public), (req, res, next) => {
      if (!req.accepts('html')) return next();
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(path.join(clientDist, 'index.html'));
    });
  }
  app.use((_req, _res, next) => next(new AppError('not_found')));
  app.use(problemHandler);
  return app;
}

/**
 * JSON is UTF-8 (RFC 8259 §8.1). body-parser would also decode UTF-7, UTF-16 and UTF-32 bodies: refused with 415
 * once the body has been read (so the client gets the answer, not a reset connection).
 */
function utf8Only(_req: unknown, _res: unknown, _body: Buffer, encoding: string) {
  if (!/^utf-?8$/i.test(encoding)) {
    throw Object.assign(new Error(`unsupported charset "${encoding}"`), { status: 415, type: 'charset.unsupported' });
  }
}

function apiOnly(middleware: express.RequestHandler): express.RequestHandler {
  return (req, res, next) => (req.path.startsWith('/api/') ? middleware(req, res, next) : next());
}

/** Vite's /assets files carry a content hash, so they never change; the shell is revalidated every time. */
function cacheHeaders(res: express.Response, file: string) {
  if (file.includes(`${path.sep}assets${path.sep}`)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
  else res.setHeader('Cache-Control', 'no-cache');
}

import type { RouteSpec } from '../../http/route.ts';
import { newCsrfToken } from '../../middleware/csrf.ts';
import { permissions } from '../../middleware/permissions.ts';
import type { Services } from '../../services.ts';
import { loginBody, registerBody } from './identity.schemas.ts';
import { toPublicUser } from './identity.repository.ts';
import { mfaRequiredFor } from './sign-in.ts';

export function identityRoutes(services: Services): RouteSpec[] {
  const { useCases, identity } = services;
  return [
    {
      method: 'post',
      path: '/api/auth/register',
      tag: 'identity',
      summary: 'Register a company and its first user (an applicant)',
      permission: permissions.public,
      csrf: false,
      before: [services.rateLimits.register],
      body: registerBody,
      responses: { 201: 'The user and the company', 400: 'Invalid input (e.g. company.uscc)', 409: 'company_exists or email_taken', 429: 'Too many requests' },
      handler: async (req, res) => {
        res.status(201).json(await useCases.registerCompany(res.locals.body, req.ip ?? 'unknown'));
      },
    },
    {
      method: 'post',
      path: '/api/auth/login',
      tag: 'identity',
      summary: 'Sign in; answers the CSRF token for later state changes and sets a new session cookie',
      permission: permissions.public,
      csrf: false,
      before: [services.session.start],
      body: loginBody,
      responses: { 200: '{ user, company, csrfToken }, or { mfa: { required: verify | enroll }, csrfToken } when a second factor is needed', 401: 'invalid_credentials', 429: 'too_many_sign_in_attempts (Retry-After)' },
      handler: async (req, res) => {
        res.json(await useCases.signIn(req, res.locals.body));
      },
    },
    {
      method: 'get',
      path: '/api/auth/me',
      tag: 'identity',
      summary: 'The signed-in user, their company and the session CSRF token',
      permission: permissions.signedIn,
      responses: { 200: '{ user, company?, csrfToken, mfa: { enabled, required } }', 401: 'Not signed in' },
      handler: async (req, res) => {
        const user = res.locals.user;
        const [company, mfaEnabled] = await Promise.all([
          user.companyId ? identity.findCompanyById(user.companyId) : null,
          services.mfa.isEnabled(user.id),
        ]);
        const mfa = { enabled: mfaEnabled, required: mfaRequiredFor(user, services.config.requireMfa) };
        res.json({ user: toPublicUser(user), ...(company && { company }), csrfToken: req.session.csrfToken, mfa });
      },
    },
    {
      method: 'get',
      path: '/api/auth/csrf',
      tag: 'identity',
      summary: 'A CSRF token for this browser session, signed in or not (anonymous visitors need one to file an objection)',
      permission: permissions.public,
      before: [services.rateLimits.verify, services.session.start],
      responses: { 200: '{ csrfToken }' },
      handler: async (req, res) => {
        req.session.csrfToken ??= newCsrfToken();
        res.setHeader('Cache-Control', 'no-store');
        res.json({ csrfToken: req.session.csrfToken });
      },
    },
    {
      method: 'post',
      path: '/api/auth/logout',
      tag: 'identity',
      summary: 'Sign out and end the session',
      permission: permissions.signedIn,
      responses: { 204: 'Signed out', 401: 'Not signed in', 403: 'csrf_failed' },
      handler: async (req, res) => {
        await useCases.signOut(req, res, res.locals.user);
        res.status(204).end();
      },
    },
  ];
}

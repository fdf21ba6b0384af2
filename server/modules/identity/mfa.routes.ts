import Joi from 'joi';
import type { RouteSpec } from '../../http/route.ts';
import { permissions } from '../../middleware/permissions.ts';
import type { Services } from '../../services.ts';
import { enableBody, resetMfaBody, secondFactorBody, setupBody } from './mfa.schemas.ts';

const userParams = Joi.object({ id: Joi.string().guid().required() });

export function mfaRoutes(services: Services): RouteSpec[] {
  const { mfa } = services.useCases;
  return [
    {
      method: 'post',
      path: '/api/auth/mfa/verify',
      tag: 'identity',
      summary: 'Second step of signing in: a code from the authenticator app or a recovery code (each works once)',
      permission: permissions.signingIn,
      body: secondFactorBody,
      responses: { 200: '{ user, company, csrfToken, recoveryCodesLeft }', 400: 'validation_failed', 401: 'invalid_mfa_code or mfa_session_missing', 429: 'too_many_sign_in_attempts (Retry-After)' },
      handler: async (req, res) => {
        res.json(await mfa.verify(req, res.locals.body));
      },
    },
    {
      method: 'post',
      path: '/api/auth/mfa/cancel',
      tag: 'identity',
      summary: 'Abandons a sign-in waiting for its second factor (the half-session ends)',
      permission: permissions.signingIn,
      responses: { 204: 'Ended', 401: 'mfa_session_missing' },
      handler: async (req, res) => {
        await mfa.cancel(req, res);
        res.status(204).end();
      },
    },
    {
      method: 'post',
      path: '/api/auth/mfa/setup',
      tag: 'identity',
      summary: 'A new authenticator secret with its otpauth URI and QR code (signed in: { password } again; or enrolling during sign-in)',
      permission: permissions.signingIn,
      body: setupBody,
      responses: {
        200: '{ secret, otpauthUri, qrCodeDataUrl, emailCode? }: enrolling during sign-in, a code is e-mailed to the account (emailCode: { sentTo, resendAfterSeconds })',
        401: 'mfa_session_missing or invalid_credentials',
        409: 'mfa_already_enabled',
        429: 'too_many_sign_in_attempts',
      },
      handler: async (req, res) => {
        res.json(await mfa.setup(req, res.locals.user, res.locals.body.password));
      },
    },
    {
      method: 'post',
      path: '/api/auth/mfa/email-code',
      tag: 'identity',
      summary: 'Enrolling during sign-in: e-mails a new code to the account (the previous one stops working); once a minute',
      permission: permissions.signingIn,
      responses: { 200: '{ sentTo, resendAfterSeconds }', 401: 'mfa_session_missing', 429: 'too_many_requests (Retry-After)' },
      handler: async (req, res) => {
        res.json(await mfa.resendEmailCode(req));
      },
    },
    {
      method: 'post',
      path: '/api/auth/mfa/enable',
      tag: 'identity',
      summary: 'Turns two-factor on with the first code (and, enrolling during sign-in, the e-mailed code); answers ten single-use recovery codes (and the session when enrolling during sign-in)',
      permission: permissions.signingIn,
      body: enableBody,
      responses: {
        200: '{ recoveryCodes, user?, company?, csrfToken? }',
        400: 'validation_failed (emailCode missing while enrolling during sign-in)',
        401: 'invalid_mfa_code, invalid_email_code or mfa_session_missing',
        409: 'mfa_setup_missing or mfa_already_enabled',
        429: 'too_many_sign_in_attempts',
      },
      handler: async (req, res) => {
        res.json(await mfa.enable(req, res.locals.user, res.locals.body));
      },
    },
    {
      method: 'get',
      path: '/api/auth/mfa',
      tag: 'identity',
      summary: 'Whether two-factor is on for the signed-in user, whether policy requires it, recovery codes left',
      permission: permissions.signedIn,
      responses: { 200: '{ enabled, required, enabledAt, recoveryCodesLeft }' },
      handler: async (_req, res) => {
        res.json(await mfa.status(res.locals.user));
      },
    },
    {
      method: 'post',
      path: '/api/auth/mfa/recovery-codes',
      tag: 'identity',
      summary: 'A new set of recovery codes (the old ones stop working); needs a current code or a recovery code',
      permission: permissions.signedIn,
      body: secondFactorBody,
      responses: { 200: '{ recoveryCodes }', 401: 'invalid_mfa_code', 409: 'mfa_setup_missing', 429: 'too_many_sign_in_attempts' },
      handler: async (req, res) => {
        res.json(await mfa.renewRecoveryCodes(req, res.locals.user, res.locals.body));
      },
    },
    {
      method: 'post',
      path: '/api/auth/mfa/disable',
      tag: 'identity',
      summary: 'Turns two-factor off (not allowed where policy requires it); needs a current code or a recovery code (a lost phone)',
      permission: permissions.signedIn,
      body: secondFactorBody,
      responses: { 204: 'Turned off', 401: 'invalid_mfa_code', 409: 'mfa_required or mfa_setup_missing', 429: 'too_many_sign_in_attempts' },
      handler: async (req, res) => {
        await mfa.disable(req, res.locals.user, res.locals.body);
        res.status(204).end();
      },
    },
    {
      method: 'post',
      path: '/api/users/:id/mfa/reset',
      tag: 'identity',
      summary: "Clears a user's two-factor after a lost device (administrators; audited with the reason)",
      permission: permissions.admin,
      params: userParams,
      body: resetMfaBody,
      responses: { 204: "Cleared: the user's sessions end and they are told by e-mail", 403: 'forbidden (one’s own)', 404: 'not_found' },
      handler: async (req, res) => {
        await mfa.reset(req, res.locals.user, res.locals.params.id, res.locals.body.reason);
        res.status(204).end();
      },
    },
  ];
}

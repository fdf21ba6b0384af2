// CSRF contract (api.md): every state change except register and login carries the session's token
// in X-CSRF-Token. The token is created at sign-in and returned by login and /api/auth/me.
import crypto from 'node:crypto';
import type { RequestHandler } from 'express';
import { AppError } from '../errors/app-error.ts';

export function newCsrfToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && crypto.timingSafeEqual(left, right);
}

export const requireCsrfToken: RequestHandler = (req, _res, next) => {
  const expected = req.session?.csrfToken;
  const given = req.get('X-CSRF-Token');
  if (!expected || !given || !sameToken(expected, given)) {
    throw new AppError('csrf_failed', { log: expected ? 'CSRF token missing or wrong' : 'no session token' });
  }
  next();
};

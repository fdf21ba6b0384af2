import type { RequestHandler } from 'express';
import { AppError } from '../errors/app-error.ts';
import type { Permission } from './permissions.ts';

/** Marks the handler so a test can prove every mounted route declared a permission. */
export const PERMISSION = Symbol('huiqi.permission');

export function authorize(permission: Permission): RequestHandler & { [PERMISSION]: string } {
  const handler: RequestHandler = (_req, res, next) => {
    const user = res.locals.user ?? null;
    if (permission.requiresSignIn && !user) throw new AppError(res.locals.sessionExpired ? 'session_expired' : 'unauthenticated');
    if (!permission.allows(user)) throw new AppError('forbidden', { log: `needs ${permission.name}` });
    next();
  };
  return Object.assign(handler, { [PERMISSION]: permission.name });
}

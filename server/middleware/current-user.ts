// Loads the signed-in user once per request into res.locals.user, and ends sessions past
// their absolute lifetime (12 h) or whose user was disabled.
import type { RequestHandler } from 'express';
import type { Config } from '../config.ts';
import type { IdentityRepository } from '../modules/identity/identity.repository.ts';
import type { CurrentUser } from '../modules/identity/identity.types.ts';

export function loadCurrentUser(config: Config, identity: IdentityRepository): RequestHandler {
  const absoluteMs = config.session.absoluteHours * 3_600_000;
  return async (req, res, next) => {
    res.locals.user = null;
    const userId = req.session?.userId;
    if (!userId) return next();
    const expired = !req.session.signedInAt || Date.now() - req.session.signedInAt > absoluteMs;
    const user = expired ? null : await identity.findUserById(userId);
    if (!user || user.disabledAt) {
      res.locals.sessionExpired = true;
      await new Promise<void>((resolve) => req.session.destroy(() => resolve()));
      return next();
    }
    const current: CurrentUser = {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      roles: user.roles,
      companyId: user.companyId,
      companyRole: user.companyRole,
    };
    res.locals.user = current;
    next();
  };
}

// Sign in: throttled per account and per client, a new session id on success, every attempt audited.
import type { Request } from 'express';
import { AppError } from '../../errors/app-error.ts';
import { verifyAgainstDummy, verifyPassword } from '../../lib/password.ts';
import { newCsrfToken } from '../../middleware/csrf.ts';
import type { LoginThrottle } from '../../middleware/rate-limit.ts';
import type { AuditRepository } from '../audit/audit.repository.ts';
import type { IdentityRepository } from './identity.repository.ts';
import { toPublicUser } from './identity.repository.ts';
import { pickLanguage } from '../../i18n/language.ts';

export function makeSignIn(deps: { identity: IdentityRepository; audit: AuditRepository; throttle: LoginThrottle }) {
  return async function signIn(req: Request, input: { email: string; password: string }) {
    const clientIp = req.ip ?? 'unknown';
    await deps.throttle.assertAllowed(input.email, clientIp);

    const user = await deps.identity.findUserByEmail(input.email);
    const valid = user && !user.disabledAt ? await verifyPassword(user.passwordHash, input.password) : await verifyAgainstDummy(input.password);
    if (!user || !valid) {
      await deps.throttle.recordFailure(input.email, clientIp);
      await deps.audit.record(
        { userId: user?.id ?? null, label: input.email.slice(0, 254), clientIp },
        { action: 'user.sign_in_failed', entityType: 'user', entityId: user?.id ?? null, meta: { reason: user ? 'wrong_password' : 'unknown_account' } },
      );
      throw new AppError('invalid_credentials', { log: 'sign-in failed' });
    }

    await deps.throttle.recordSuccess(input.email);
    await regenerateSession(req);
    req.session.userId = user.id;
    req.session.csrfToken = newCsrfToken();
    req.session.signedInAt = Date.now();
    await saveSession(req);
    await deps.identity.recordSignIn(user.id, pickLanguage(req));
    await deps.audit.record(
      { userId: user.id, label: user.email, clientIp },
      { action: 'user.signed_in', entityType: 'user', entityId: user.id, companyId: user.companyId },
    );
    const company = user.companyId ? await deps.identity.findCompanyById(user.companyId) : null;
    return { user: toPublicUser(user), company, csrfToken: req.session.csrfToken };
  };
}

/** A new session id at sign-in defeats session fixation. */
function regenerateSession(req: Request): Promise<void> {
  return new Promise((resolve, reject) => req.session.regenerate((err) => (err ? reject(err) : resolve())));
}

function saveSession(req: Request): Promise<void> {
  return new Promise((resolve, reject) => req.session.save((err) => (err ? reject(err) : resolve())));
}

// Sign in: throttled per account and per client, a new session id on success, every attempt audited.
// When the account has two-factor on (or policy requires it of staff), a right password only opens a short
// half-session that the second factor (mfa.ts) completes.
import type { Request } from 'express';
import { AppError } from '../../errors/app-error.ts';
import { verifyAgainstDummy, verifyPassword } from '../../lib/password.ts';
import { newCsrfToken } from '../../middleware/csrf.ts';
import type { LoginThrottle } from '../../middleware/rate-limit.ts';
import type { AuditRepository } from '../audit/audit.repository.ts';
import type { IdentityRepository } from './identity.repository.ts';
import { toPublicUser } from './identity.repository.ts';
import type { CurrentUser, UserWithSecret } from './identity.types.ts';
import type { MfaRepository } from './mfa.repository.ts';
import { pickLanguage } from '../../i18n/language.ts';

export type SecondFactor = 'totp' | 'recovery_code';

type SignInDeps = { identity: IdentityRepository; audit: AuditRepository; throttle: LoginThrottle; mfa: MfaRepository; requireMfa: boolean };

/** Policy: with REQUIRE_MFA on, officers and administrators must use two-factor. */
export function mfaRequiredFor(user: Pick<CurrentUser, 'roles'>, requireMfa: boolean): boolean {
  return requireMfa && user.roles.some((role) => role === 'officer' || role === 'admin');
}

export function makeSignIn(deps: SignInDeps) {
  const establishSession = makeEstablishSession(deps);
  return async function signIn(req: Request, input: { email: string; password: string }) {
    const clientIp = req.ip ?? 'unknown';
    await deps.throttle.attempt(input.email, clientIp);

    const user = await deps.identity.findUserByEmail(input.email);
    const valid = user && !user.disabledAt ? await verifyPassword(user.passwordHash, input.password) : await verifyAgainstDummy(input.password);
    if (!user || !valid) {
      await deps.audit.record(
        { userId: user?.id ?? null, label: input.email.slice(0, 254), clientIp },
        { action: 'user.sign_in_failed', entityType: 'user', entityId: user?.id ?? null, meta: { reason: user ? 'wrong_password' : 'unknown_account' } },
      );
      throw new AppError('invalid_credentials', { log: 'sign-in failed' });
    }

    const purpose = (await deps.mfa.isEnabled(user.id)) ? 'verify' : mfaRequiredFor(user, deps.requireMfa) ? 'enroll' : null;
    // The account counter starts again only when the second factor is passed too
    await deps.throttle.passed(input.email, clientIp, { resetAccount: !purpose });
    if (purpose) {
      await regenerateSession(req);
      req.session.mfaPending = { userId: user.id, purpose, startedAt: Date.now() };
      req.session.csrfToken = newCsrfToken();
      await saveSession(req);
      await deps.audit.record(
        { userId: user.id, label: user.email, clientIp },
        { action: 'user.mfa_challenged', entityType: 'user', entityId: user.id, companyId: user.companyId, meta: { purpose } },
      );
      return { mfa: { required: purpose }, csrfToken: req.session.csrfToken };
    }

    return establishSession(req, user, null);
  };
}

export type EstablishSession = ReturnType<typeof makeEstablishSession>;

/** The full session: a new id (no fixation), a new CSRF token, the sign-in recorded and audited. */
export function makeEstablishSession(deps: Pick<SignInDeps, 'identity' | 'audit'>) {
  return async function establishSession(req: Request, user: UserWithSecret, secondFactor: SecondFactor | null) {
    await regenerateSession(req);
    req.session.userId = user.id;
    req.session.csrfToken = newCsrfToken();
    req.session.signedInAt = Date.now();
    await saveSession(req);
    await deps.identity.recordSignIn(user.id, pickLanguage(req));
    await deps.audit.record(
      { userId: user.id, label: user.email, clientIp: req.ip ?? null },
      { action: 'user.signed_in', entityType: 'user', entityId: user.id, companyId: user.companyId, ...(secondFactor && { meta: { secondFactor } }) },
    );
    const company = user.companyId ? await deps.identity.findCompanyById(user.companyId) : null;
    return { user: toPublicUser(user), company, csrfToken: req.session.csrfToken! };
  };
}

/** A new session id at sign-in defeats session fixation. */
export function regenerateSession(req: Request): Promise<void> {
  return new Promise((resolve, reject) => req.session.regenerate((err) => (err ? reject(err) : resolve())));
}

export function saveSession(req: Request): Promise<void> {
  return new Promise((resolve, reject) => req.session.save((err) => (err ? reject(err) : resolve())));
}

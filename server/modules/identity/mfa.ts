// Two-factor sign-in with time-based one-time passwords (RFC 6238, otplib) and single-use recovery codes.
// - After a right password, an account with two-factor on gets a 5-minute half-session ('verify'); an officer or
//   administrator without it, while REQUIRE_MFA is on, gets one that only allows setting it up ('enroll').
// - A code is accepted once (its time step must be later than the last accepted one) and wrong codes count against
//   the same per-account and per-client sign-in throttle as wrong passwords.
// - The secret is stored encrypted with the field key; recovery codes only as keyed hashes.
import crypto from 'node:crypto';
import type { Request } from 'express';
import type { Sequelize } from 'sequelize';
import QRCode from 'qrcode';
import { generateSecret, generateURI, verify } from 'otplib';
import { AppError } from '../../errors/app-error.ts';
import type { FieldCrypto } from '../../lib/field-crypto.ts';
import type { LoginThrottle } from '../../middleware/rate-limit.ts';
import type { AuditRepository } from '../audit/audit.repository.ts';
import type { IdentityRepository } from './identity.repository.ts';
import type { CurrentUser, UserWithSecret } from './identity.types.ts';
import type { MfaRepository, MfaState } from './mfa.repository.ts';
import { mfaRequiredFor, type EstablishSession } from './sign-in.ts';

export const PENDING_SIGN_IN_MS = 5 * 60_000;
const ISSUER = 'Huiqi 惠企';
const RECOVERY_CODES = 10;
const RECOVERY_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789'; // no l, o, 0, 1: easy to copy by hand

type MfaDeps = {
  sequelize: Sequelize;
  identity: IdentityRepository;
  audit: AuditRepository;
  throttle: LoginThrottle;
  mfa: MfaRepository;
  crypto: FieldCrypto;
  requireMfa: boolean;
  establishSession: EstablishSession;
};

export function newRecoveryCode(): string {
  let code = '';
  for (let i = 0; i < 10; i += 1) code += RECOVERY_ALPHABET[crypto.randomInt(RECOVERY_ALPHABET.length)];
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** Case, spaces and hyphens do not matter when a recovery code is typed. */
export function normaliseRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]/g, '');
}

export type Mfa = ReturnType<typeof makeMfa>;

export function makeMfa(deps: MfaDeps) {
  const hashRecoveryCode = (code: string) => deps.crypto.lookupHash(`mfa-recovery:${normaliseRecoveryCode(code)}`);
  const actor = (req: Request, user: Pick<CurrentUser, 'id' | 'email'>) => ({ userId: user.id, label: user.email, clientIp: req.ip ?? null });

  /** The user half-way through signing in, for the given purposes; 401 when there is none or it is too old. */
  async function pendingUser(req: Request, purposes: ('verify' | 'enroll')[]): Promise<UserWithSecret> {
    const pending = req.session?.mfaPending;
    if (!pending || !purposes.includes(pending.purpose) || Date.now() - pending.startedAt > PENDING_SIGN_IN_MS) {
      throw new AppError('mfa_session_missing');
    }
    const user = await deps.identity.findUserById(pending.userId);
    if (!user || user.disabledAt) throw new AppError('mfa_session_missing');
    return user;
  }

  /** The time step a right code belongs to, or null. */
  async function codeStep(state: MfaState, code: string): Promise<number | null> {
    const result = await verify({ secret: deps.crypto.decrypt(state.secret), token: code, epochTolerance: 30 });
    return result.valid && 'timeStep' in result ? result.timeStep : null;
  }

  /** Checks a code under the sign-in throttle, accepting its time step once. Throws 401/429. */
  async function checkCode(req: Request, user: Pick<CurrentUser, 'id' | 'email'>, state: MfaState, code: string): Promise<void> {
    const clientIp = req.ip ?? 'unknown';
    await deps.throttle.assertAllowed(user.email, clientIp);
    const step = await codeStep(state, code);
    if (step === null || !(await deps.mfa.acceptStep(user.id, step))) await refuse(req, user, step === null ? 'wrong_code' : 'reused_code');
  }

  async function refuse(req: Request, user: Pick<CurrentUser, 'id' | 'email'>, reason: string): Promise<never> {
    await deps.throttle.recordFailure(user.email, req.ip ?? 'unknown');
    await deps.audit.record(actor(req, user), { action: 'user.mfa_failed', entityType: 'user', entityId: user.id, meta: { reason } });
    throw new AppError('invalid_mfa_code', { log: `second factor refused: ${reason}` });
  }

  async function enabledState(userId: string): Promise<MfaState | null> {
    const state = await deps.mfa.find(userId);
    return state?.enabledAt ? state : null;
  }

  function newRecoveryCodes() {
    const codes = Array.from({ length: RECOVERY_CODES }, newRecoveryCode);
    return { codes, hashes: codes.map(hashRecoveryCode) };
  }

  /** Whoever may set up two-factor now: the signed-in user, or one whose sign-in waits for enrolment. */
  async function enrollingUser(req: Request, current: CurrentUser | null): Promise<{ user: Pick<UserWithSecret, 'id' | 'email'>; pending: UserWithSecret | null }> {
    if (current) return { user: current, pending: null };
    const pending = await pendingUser(req, ['enroll']);
    return { user: pending, pending };
  }

  return {
    /** The second step of signing in: a code from the app, or a recovery code. */
    async verify(req: Request, input: { code?: string; recoveryCode?: string }) {
      const user = await pendingUser(req, ['verify']);
      const state = await enabledState(user.id);
      if (!state) throw new AppError('mfa_session_missing');
      let secondFactor: 'totp' | 'recovery_code';
      if (input.code !== undefined) {
        await checkCode(req, user, state, input.code);
        secondFactor = 'totp';
      } else {
        await deps.throttle.assertAllowed(user.email, req.ip ?? 'unknown');
        if (!(await deps.mfa.useRecoveryCode(user.id, hashRecoveryCode(input.recoveryCode!)))) await refuse(req, user, 'wrong_recovery_code');
        secondFactor = 'recovery_code';
      }
      await deps.throttle.recordSuccess(user.email);
      const session = await deps.establishSession(req, user, secondFactor);
      return { ...session, recoveryCodesLeft: await deps.mfa.recoveryCodesLeft(user.id) };
    },

    /** A new secret (replacing one never confirmed), as text and as a QR code for the authenticator app. */
    async setup(req: Request, current: CurrentUser | null) {
      const { user } = await enrollingUser(req, current);
      const secret = generateSecret();
      if (!(await deps.mfa.saveSetup(user.id, deps.crypto.encrypt(secret)))) throw new AppError('mfa_already_enabled');
      const otpauthUri = generateURI({ issuer: ISSUER, label: user.email, secret });
      const qrCodeDataUrl = await QRCode.toDataURL(otpauthUri, { errorCorrectionLevel: 'M', margin: 2, width: 240 });
      return { secret, otpauthUri, qrCodeDataUrl };
    },

    /** The first right code turns two-factor on and answers the recovery codes (shown once). */
    async enable(req: Request, current: CurrentUser | null, code: string) {
      const { user, pending } = await enrollingUser(req, current);
      const state = await deps.mfa.find(user.id);
      if (!state) throw new AppError('mfa_setup_missing');
      if (state.enabledAt) throw new AppError('mfa_already_enabled');
      await checkCode(req, user, state, code);
      const { codes, hashes } = newRecoveryCodes();
      const enabled = await deps.sequelize.transaction(async (transaction) => {
        if (!(await deps.mfa.enable(user.id, hashes, transaction))) return false;
        await deps.audit.record(actor(req, user), { action: 'user.mfa_enabled', entityType: 'user', entityId: user.id }, transaction);
        return true;
      });
      if (!enabled) throw new AppError('mfa_already_enabled');
      if (!pending) return { recoveryCodes: codes };
      await deps.throttle.recordSuccess(pending.email);
      return { ...(await deps.establishSession(req, pending, 'totp')), recoveryCodes: codes };
    },

    async status(user: CurrentUser) {
      const state = await deps.mfa.find(user.id);
      const enabled = !!state?.enabledAt;
      return {
        enabled,
        required: mfaRequiredFor(user, deps.requireMfa),
        enabledAt: state?.enabledAt ? state.enabledAt.toISOString() : null,
        recoveryCodesLeft: enabled ? await deps.mfa.recoveryCodesLeft(user.id) : 0,
      };
    },

    async renewRecoveryCodes(req: Request, user: CurrentUser, code: string) {
      const state = await enabledState(user.id);
      if (!state) throw new AppError('mfa_setup_missing');
      await checkCode(req, user, state, code);
      const { codes, hashes } = newRecoveryCodes();
      await deps.sequelize.transaction(async (transaction) => {
        await deps.mfa.replaceRecoveryCodes(user.id, hashes, transaction);
        await deps.audit.record(actor(req, user), { action: 'user.mfa_recovery_codes_renewed', entityType: 'user', entityId: user.id }, transaction);
      });
      return { recoveryCodes: codes };
    },

    async disable(req: Request, user: CurrentUser, code: string) {
      if (mfaRequiredFor(user, deps.requireMfa)) throw new AppError('mfa_required');
      const state = await enabledState(user.id);
      if (!state) throw new AppError('mfa_setup_missing');
      await checkCode(req, user, state, code);
      await deps.sequelize.transaction(async (transaction) => {
        await deps.mfa.remove(user.id, transaction);
        await deps.audit.record(actor(req, user), { action: 'user.mfa_disabled', entityType: 'user', entityId: user.id }, transaction);
      });
    },

    /** An administrator clears a user's two-factor (lost phone and codes); the user sets it up again at next sign-in. */
    async reset(req: Request, admin: CurrentUser, userId: string, reason: string) {
      const user = await deps.identity.findUserById(userId);
      if (!user) throw new AppError('not_found');
      await deps.sequelize.transaction(async (transaction) => {
        const removed = await deps.mfa.remove(user.id, transaction);
        await deps.audit.record(
          actor(req, admin),
          { action: 'user.mfa_reset', entityType: 'user', entityId: user.id, companyId: user.companyId, meta: { reason, hadMfa: removed } },
          transaction,
        );
      });
    },
  };
}


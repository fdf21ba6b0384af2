// Two-factor sign-in with time-based one-time passwords (RFC 6238, otplib) and single-use recovery codes.
// - After a right password, an account with two-factor on gets a 5-minute half-session ('verify'); an officer or
//   administrator without it, while REQUIRE_MFA is on, gets one that only allows setting it up ('enroll').
// - A code is accepted once (its time step must be later than the last accepted one) and wrong codes count against
//   the same per-account and per-client sign-in throttle as wrong passwords.
// - Enrolling during sign-in also needs a code e-mailed to the account's address: the password alone must not let
//   someone who has it bind their own authenticator to a staff account.
// - The secret is stored encrypted with the field key; recovery codes only as keyed hashes.
import crypto from 'node:crypto';
import type { Request, Response } from 'express';
import { SESSION_COOKIE } from '../../middleware/session.ts';
import type { Sequelize, Transaction } from 'sequelize';
import QRCode from 'qrcode';
import { generateSecret, generateURI, verify } from 'otplib';
import { AppError } from '../../errors/app-error.ts';
import { fieldError } from '../../errors/messages.ts';
import type { FieldCrypto } from '../../lib/field-crypto.ts';
import type { EmailCodeLimits, LoginThrottle, SecondFactorAlarm } from '../../middleware/rate-limit.ts';
import { pickLanguage } from '../../i18n/language.ts';
import type { AuditRepository } from '../audit/audit.repository.ts';
import type { IdentityRepository } from './identity.repository.ts';
import type { CurrentUser, UserWithSecret } from './identity.types.ts';
import type { MfaRepository, MfaState } from './mfa.repository.ts';
import { mfaRequiredFor, saveSession, type EstablishSession, type SecondFactor } from './sign-in.ts';
import { verifyPassword } from '../../lib/password.ts';

export const PENDING_SIGN_IN_MS = 5 * 60_000;
/** Enrolling takes longer (installing an app, waiting for an e-mail). */
export const PENDING_ENROLMENT_MS = 15 * 60_000;
/** An e-mailed enrolment code works for ten minutes (and five tries); see createEmailCodeLimits for how often one is sent. */
export const EMAIL_CODE_MS = 10 * 60_000;
const ISSUER = 'Huiqi 惠企';
const RECOVERY_CODES = 10;
const RECOVERY_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789'; // no l, o, 0, 1: easy to copy by hand

export type SecondFactorInput = { code?: string; recoveryCode?: string };
export type MfaEvent = 'mfa_enabled' | 'mfa_disabled' | 'mfa_reset' | 'mfa_recovery_codes_renewed' | 'mfa_failures';

type MfaDeps = {
  sequelize: Sequelize;
  identity: IdentityRepository;
  audit: AuditRepository;
  throttle: LoginThrottle;
  emailCodeLimits: EmailCodeLimits;
  alarm: SecondFactorAlarm;
  mfa: MfaRepository;
  crypto: FieldCrypto;
  requireMfa: boolean;
  establishSession: EstablishSession;
  publicUrl: string;
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

/** `wa****@example.com`: enough to recognise one's address, not to learn someone else's. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  const local = email.slice(0, at);
  const shown = local.length <= 2 ? local.slice(0, 1) : local.slice(0, 2);
  return `${shown}${'*'.repeat(Math.max(1, Math.min(local.length - shown.length, 6)))}${email.slice(at)}`;
}

export type Mfa = ReturnType<typeof makeMfa>;

export function makeMfa(deps: MfaDeps) {
  /** Stored under the current key; looked up under every configured key (codes made before a key rotation still work). */
  const hashRecoveryCode = (code: string) => deps.crypto.lookupHash(`mfa-recovery:${normaliseRecoveryCode(code)}`);
  const actor = (req: Request, user: Pick<CurrentUser, 'id' | 'email'>) => ({ userId: user.id, label: user.email, clientIp: req.ip ?? null });

  /** The user half-way through signing in, for the given purposes; 401 when there is none or it is too old. */
  async function pendingUser(req: Request, purposes: ('verify' | 'enroll')[]): Promise<UserWithSecret> {
    const pending = req.session?.mfaPending;
    const lifetime = pending?.purpose === 'enroll' ? PENDING_ENROLMENT_MS : PENDING_SIGN_IN_MS;
    if (!pending || !purposes.includes(pending.purpose) || Date.now() - pending.startedAt > lifetime) {
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

  /**
   * Checks a second factor under the sign-in throttle: the attempt is counted before the check, a code's time step is
   * accepted once, a recovery code is spent once. Throws 401/429; a right answer starts the account's count again.
   */
  async function checkSecondFactor(req: Request, user: Pick<CurrentUser, 'id' | 'email'>, state: MfaState, input: SecondFactorInput, afterPassword = false): Promise<SecondFactor> {
    const refuse = (reason: string) => refuseSecondFactor(req, user, reason, { afterPassword });
    const clientIp = req.ip ?? 'unknown';
    await deps.throttle.attempt(user.email, clientIp);
    if (input.code !== undefined) {
      const step = await codeStep(state, input.code);
      if (step === null || !(await deps.mfa.acceptStep(user.id, step))) await refuse(step === null ? 'wrong_code' : 'reused_code');
    } else if (!(await deps.mfa.useRecoveryCode(user.id, deps.crypto.lookupHashes(`mfa-recovery:${normaliseRecoveryCode(input.recoveryCode ?? '')}`)))) {
      await refuse('wrong_recovery_code');
    }
    await deps.throttle.passed(user.email, clientIp, { resetAccount: true });
    return input.code !== undefined ? 'totp' : 'recovery_code';
  }

  /**
   * Audits a refused second factor and answers 401. `afterPassword`: the refusal follows a right password in this
   * sign-in (not a signed-in user mistyping on the security page), so it counts towards telling the owner that someone
   * may know their password; a failure to tell them is logged and never turns the 401 into a 500.
   */
  async function refuseSecondFactor(
    req: Request,
    user: Pick<CurrentUser, 'id' | 'email'>,
    reason: string,
    options: { afterPassword: boolean; code?: 'invalid_mfa_code' | 'invalid_email_code' },
  ): Promise<never> {
    await deps.audit.record(actor(req, user), { action: 'user.mfa_failed', entityType: 'user', entityId: user.id, meta: { reason } });
    if (options.afterPassword) {
      try {
        await deps.alarm.failed(user.id, (transaction) =>
          deps.mfa.queueNotice(user.id, 'mfa_failures', { link: `${deps.publicUrl}/account/security`, clientIp: req.ip ?? null, count: deps.alarm.threshold }, transaction),
        );
      } catch (error) {
        req.log?.error({ err: error, userId: user.id }, 'could not tell the owner about wrong second factors');
      }
    }
    throw new AppError(options.code ?? 'invalid_mfa_code', { log: `second factor refused: ${reason}` });
  }

  /** A change to someone's sign-in is audited and e-mailed to them in the same transaction, so they learn of it. */
  async function recordChange(req: Request, by: Pick<CurrentUser, 'id' | 'email'>, user: Pick<CurrentUser, 'id' | 'companyId'>, event: MfaEvent, transaction: Transaction, meta?: Record<string, unknown>) {
    await deps.audit.record(actor(req, by), { action: `user.${event}`, entityType: 'user', entityId: user.id, companyId: user.companyId, ...(meta && { meta }) }, transaction);
    await deps.mfa.queueNotice(user.id, event, { link: `${deps.publicUrl}/account/security`, clientIp: req.ip ?? null }, transaction);
  }

  async function confirmPassword(req: Request, user: CurrentUser, password: string | undefined): Promise<void> {
    const clientIp = req.ip ?? 'unknown';
    await deps.throttle.attempt(user.email, clientIp);
    const stored = await deps.identity.findUserById(user.id);
    if (!stored || password === undefined || !(await verifyPassword(stored.passwordHash, password))) {
      await deps.audit.record(actor(req, user), { action: 'user.mfa_failed', entityType: 'user', entityId: user.id, meta: { reason: 'wrong_password' } });
      throw new AppError('invalid_credentials', { log: 'password not confirmed for two-factor set-up' });
    }
    await deps.throttle.passed(user.email, clientIp, { resetAccount: false });
  }

  async function enabledState(userId: string): Promise<MfaState | null> {
    const state = await deps.mfa.find(userId);
    return state?.enabledAt ? state : null;
  }

  function newRecoveryCodes() {
    const codes = Array.from({ length: RECOVERY_CODES }, newRecoveryCode);
    return { codes, stored: { hashes: codes.map(hashRecoveryCode), keyId: deps.crypto.currentKeyId } };
  }

  const emailCodeText = (userId: string, code: string) => `mfa-email:${userId}:${code}`;

  /** The session's e-mailed code while it still works (sent less than ten minutes ago). */
  const liveEmailCode = (req: Request) => {
    const sent = req.session.mfaPending?.emailCode;
    return sent && Date.now() - sent.sentAt <= EMAIL_CODE_MS ? sent : null;
  };

  /**
   * E-mails a new six-digit code to the enrolling user's own address, if the account may be sent one now (one a
   * minute, ten a day, across sessions and processes); only its keyed hash stays, in this session. Answers the
   * seconds to wait when it may not.
   */
  async function sendEmailCode(req: Request, user: Pick<UserWithSecret, 'id' | 'email'>): Promise<number | null> {
    const wait = await deps.emailCodeLimits.reserveSend(user.id);
    if (wait !== null) return wait;
    const code = String(crypto.randomInt(1_000_000)).padStart(6, '0');
    try {
      req.session.mfaPending!.emailCode = { hash: deps.crypto.lookupHash(emailCodeText(user.id, code)), sentAt: Date.now() };
      await saveSession(req); // recorded before it is sent: a code that arrives works
      await deps.sequelize.transaction((transaction) =>
        // in the language of the browser the person is signing in at (a new account's stored one is only the default)
        deps.mfa.queueMail(user.id, 'mfa-enrolment-code', { code, minutes: EMAIL_CODE_MS / 60_000, clientIp: req.ip ?? null }, transaction, pickLanguage(req)),
      );
    } catch (error) {
      // nothing went out: forget the code (so setting up again sends one) and give the account its send back
      delete req.session.mfaPending!.emailCode;
      await deps.emailCodeLimits.releaseSend(user.id);
      throw error;
    }
    return null;
  }

  /** Where the code went and when another may be asked for (seconds), for the sign-in page. */
  async function emailCodeSent(user: Pick<UserWithSecret, 'id' | 'email'>) {
    return { sentTo: maskEmail(user.email), resendAfterSeconds: await deps.emailCodeLimits.secondsUntilNextSend(user.id) };
  }

  /**
   * The e-mailed code: counted against the sign-in throttle before it is checked (a right one gives its point back),
   * five tries per code, ten minutes.
   */
  async function checkEmailCode(req: Request, user: Pick<UserWithSecret, 'id' | 'email'>, emailCode: string | undefined) {
    if (emailCode === undefined) {
      throw new AppError('validation_failed', { errors: [fieldError('emailCode', 'mfa.emailCodeRequired')] });
    }
    const clientIp = req.ip ?? 'unknown';
    await deps.throttle.attempt(user.email, clientIp);
    const sent = liveEmailCode(req);
    // a code never sent or run out is no sign of someone guessing: only wrong ones count towards the owner's alarm
    const fail = (reason: string, afterPassword = true) => refuseSecondFactor(req, user, reason, { afterPassword, code: 'invalid_email_code' });
    if (!sent) return fail(req.session.mfaPending?.emailCode ? 'expired_email_code' : 'no_email_code', false);
    if (!(await deps.emailCodeLimits.countTry(sent.hash))) return fail('email_code_tries_used');
    // (under every configured key: a code sent just before a key rotation still works)
    const expected = Buffer.from(sent.hash);
    const matches = deps.crypto
      .lookupHashes(emailCodeText(user.id, emailCode))
      .map((hash) => Buffer.from(hash))
      .filter((given) => given.length === expected.length && crypto.timingSafeEqual(given, expected));
    if (matches.length === 0) return fail('wrong_email_code');
    await deps.throttle.passed(user.email, clientIp, { resetAccount: false });
  }

  /** Whoever may set up two-factor now: the signed-in user, or one whose sign-in waits for enrolment. */
  async function enrollingUser(req: Request, current: CurrentUser | null): Promise<{ user: Pick<UserWithSecret, 'id' | 'email'>; pending: UserWithSecret | null }> {
    if (current) return { user: current, pending: null };
    const pending = await pendingUser(req, ['enroll']);
    return { user: pending, pending };
  }

  return {
    /** The second step of signing in: a code from the app, or a recovery code. */
    async verify(req: Request, input: SecondFactorInput) {
      const user = await pendingUser(req, ['verify']);
      const state = await enabledState(user.id);
      if (!state) throw new AppError('mfa_session_missing');
      const secondFactor = await checkSecondFactor(req, user, state, input, true);
      const session = await deps.establishSession(req, user, secondFactor);
      return { ...session, recoveryCodesLeft: await deps.mfa.recoveryCodesLeft(user.id) };
    },

    /** The user gives up half-way: the half-session ends (it would expire after five minutes anyway). */
    async cancel(req: Request, res: Response) {
      if (!req.session?.mfaPending) throw new AppError('mfa_session_missing');
      await new Promise<void>((resolve, reject) => req.session.destroy((err) => (err ? reject(err) : resolve())));
      res.clearCookie(SESSION_COOKIE, { path: '/' });
    },

    /**
     * A new secret (replacing one never confirmed), as text and as a QR code for the authenticator app. Signed in, the
     * password is asked again, so a borrowed or stolen session cannot bind another person's authenticator.
     */
    async setup(req: Request, current: CurrentUser | null, password: string | undefined) {
      const { user, pending } = await enrollingUser(req, current);
      if (current) await confirmPassword(req, current, password);
      const secret = generateSecret();
      if (!(await deps.mfa.saveSetup(user.id, deps.crypto.encrypt(secret)))) throw new AppError('mfa_already_enabled');
      const otpauthUri = generateURI({ issuer: ISSUER, label: user.email, secret });
      const qrCodeDataUrl = await QRCode.toDataURL(otpauthUri, { errorCorrectionLevel: 'M', margin: 2, width: 240 });
      if (!pending) return { secret, otpauthUri, qrCodeDataUrl };
      // enrolling during sign-in: the e-mailed code proves the address is theirs. A code still working is kept (setting
      // up again must not silently replace the one the user is typing); otherwise one is sent if the account may have one.
      if (!liveEmailCode(req)) await sendEmailCode(req, pending);
      return { secret, otpauthUri, qrCodeDataUrl, emailCode: await emailCodeSent(pending) };
    },

    /** Enrolling during sign-in: another e-mailed code (the last one stops working); one a minute, ten a day. */
    async resendEmailCode(req: Request) {
      const user = await pendingUser(req, ['enroll']);
      const wait = await sendEmailCode(req, user);
      if (wait !== null) throw new AppError('too_many_requests', { params: { retryAfter: wait }, headers: { 'Retry-After': String(wait) } });
      return emailCodeSent(user);
    },

    /** The first right code turns two-factor on and answers the recovery codes (shown once). */
    async enable(req: Request, current: CurrentUser | null, input: { code: string; emailCode?: string }) {
      const { user, pending } = await enrollingUser(req, current);
      const state = await deps.mfa.find(user.id);
      if (!state) throw new AppError('mfa_setup_missing');
      if (state.enabledAt) throw new AppError('mfa_already_enabled');
      if (pending) await checkEmailCode(req, pending, input.emailCode);
      await checkSecondFactor(req, user, state, { code: input.code }, !!pending);
      const { codes, stored } = newRecoveryCodes();
      const enabled = await deps.sequelize.transaction(async (transaction) => {
        // only the secret this code was checked against (a set-up in another tab may have replaced it meanwhile)
        if (!(await deps.mfa.enable(user.id, state.secret, stored, transaction))) return false;
        await recordChange(req, user, pending ?? current!, 'mfa_enabled', transaction);
        return true;
      });
      if (!enabled) throw new AppError('mfa_setup_missing');
      if (!pending) return { recoveryCodes: codes };
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

    async renewRecoveryCodes(req: Request, user: CurrentUser, input: SecondFactorInput) {
      const state = await enabledState(user.id);
      if (!state) throw new AppError('mfa_setup_missing');
      await checkSecondFactor(req, user, state, input);
      const { codes, stored } = newRecoveryCodes();
      await deps.sequelize.transaction(async (transaction) => {
        await deps.mfa.replaceRecoveryCodes(user.id, stored, transaction);
        await recordChange(req, user, user, 'mfa_recovery_codes_renewed', transaction);
      });
      return { recoveryCodes: codes };
    },

    /** With the app's code or a recovery code (a lost phone): then the user may set up a new authenticator. */
    async disable(req: Request, user: CurrentUser, input: SecondFactorInput) {
      if (mfaRequiredFor(user, deps.requireMfa)) throw new AppError('mfa_required');
      const state = await enabledState(user.id);
      if (!state) throw new AppError('mfa_setup_missing');
      await checkSecondFactor(req, user, state, input);
      await deps.sequelize.transaction(async (transaction) => {
        await deps.mfa.remove(user.id, transaction);
        await recordChange(req, user, user, 'mfa_disabled', transaction);
      });
    },

    /**
     * An administrator clears another user's two-factor (lost phone and codes): the user's sessions end, they are told
     * by e-mail, and they set it up again at their next sign-in (staff) or may. Never one's own: that would bypass the
     * code `disable` asks for.
     */
    async reset(req: Request, admin: CurrentUser, userId: string, reason: string) {
      if (userId === admin.id) throw new AppError('forbidden', { log: 'an administrator may not reset their own two-factor' });
      const user = await deps.identity.findUserById(userId);
      if (!user) throw new AppError('not_found');
      await deps.sequelize.transaction(async (transaction) => {
        const removed = await deps.mfa.remove(user.id, transaction);
        await deps.mfa.endSessions(user.id, transaction);
        await recordChange(req, admin, user, 'mfa_reset', transaction, { reason, hadMfa: removed });
      });
    },
  };
}


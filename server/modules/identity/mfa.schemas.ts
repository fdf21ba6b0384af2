import Joi from 'joi';

/** Six digits from the authenticator app; spaces typed between groups are ignored. */
const totpCode = Joi.string()
  .trim()
  .replace(/\s+/g, '')
  .pattern(/^[0-9]{6}$/)
  .required();

/** The app's code or one recovery code (each works once). */
export const secondFactorBody = Joi.object({
  code: totpCode.optional(),
  recoveryCode: Joi.string().trim().max(40).pattern(/^[A-Za-z0-9 -]+$/),
}).xor('code', 'recoveryCode');

/** The first code from the app; while enrolling during sign-in, also the six-digit code e-mailed to the account. */
export const enableBody = Joi.object({ code: totpCode, emailCode: Joi.string().trim().replace(/\s+/g, '').pattern(/^[0-9]{6}$/) });

/** Signed in, the password is asked again; during an enrolling sign-in it was just given. */
export const setupBody = Joi.object({ password: Joi.string().max(200) });

export const resetMfaBody = Joi.object({ reason: Joi.string().trim().min(2).max(500).required() });

import Joi from 'joi';

/** Six digits from the authenticator app; spaces typed between groups are ignored. */
const totpCode = Joi.string()
  .trim()
  .replace(/\s+/g, '')
  .pattern(/^[0-9]{6}$/)
  .required();

export const verifyMfaBody = Joi.object({
  code: totpCode.optional(),
  recoveryCode: Joi.string().trim().max(40).pattern(/^[A-Za-z0-9 -]+$/),
}).xor('code', 'recoveryCode');

export const codeBody = Joi.object({ code: totpCode });

export const emptyBody = Joi.object({});

export const resetMfaBody = Joi.object({ reason: Joi.string().trim().min(2).max(500).required() });

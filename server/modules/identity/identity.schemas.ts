import Joi from 'joi';
import { isValidUscc, normaliseUscc } from '../../lib/uscc.ts';

const uscc = Joi.string()
  .trim()
  .custom((value: string, helpers) => (isValidUscc(value) ? normaliseUscc(value) : helpers.error('uscc.invalid')));

const password = Joi.string()
  .min(10)
  .max(200)
  .custom((value: string, helpers) => (new Set(value).size < 3 ? helpers.error('password.weak') : value));

export const registerBody = Joi.object({
  email: Joi.string().trim().lowercase().email({ tlds: false }).max(254).required(),
  password: password.required(),
  displayName: Joi.string().trim().min(1).max(100).required(),
  company: Joi.object({
    name: Joi.string().trim().min(2).max(200).required(),
    uscc: uscc.required(),
  }).required(),
});

export const loginBody = Joi.object({
  email: Joi.string().trim().max(254).required(),
  password: Joi.string().max(200).required(),
});

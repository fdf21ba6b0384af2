import Joi from 'joi';
import { REJECTION_REASON_CODES } from './reasons.ts';

export const idParams = Joi.object({ id: Joi.string().guid().required() });
export const mailParams = Joi.object({ id: Joi.number().integer().min(1).max(Number.MAX_SAFE_INTEGER).required() });
export const verifyParams = Joi.object({ code: Joi.string().pattern(/^[0-9A-Za-z]{6,32}$/).required() });

export const decisionBody = Joi.object({
  outcome: Joi.string().valid('approved', 'rejected').required(),
  amount: Joi.number().integer().strict().min(0).max(10_000_000_000),
  amountReason: Joi.string().trim().allow('').max(1000),
  reasons: Joi.array().items(Joi.string().valid(...REJECTION_REASON_CODES)).unique().max(REJECTION_REASON_CODES.length).default([]),
  note: Joi.string().trim().allow('').max(2000),
});

export const approveToLineBody = Joi.object({
  // each approval renders a letter under the year's reference lock: keep one transaction short
  applicationIds: Joi.array().items(Joi.string().guid()).unique().min(1).max(100).required(),
});

export const reissueBody = Joi.object({ reason: Joi.string().trim().min(2).max(1000).required() });

export const appealBody = Joi.object({
  reasons: Joi.string().trim().min(10).max(5000).required(),
  documentIds: Joi.array().items(Joi.string().guid()).unique().max(20).default([]),
});

export const appealsQuery = Joi.object({
  callId: Joi.string().guid(),
  limit: Joi.number().integer().min(1).max(200).default(50),
  offset: Joi.number().integer().min(0).default(0),
});

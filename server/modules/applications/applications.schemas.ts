import Joi from 'joi';
import { APPLICATION_STATUSES } from './application-status.ts';

export const idParams = Joi.object({ id: Joi.string().guid().required() });
export const documentParams = Joi.object({ id: Joi.string().guid().required(), docId: Joi.string().guid().required() });
export const startBody = Joi.object({ callId: Joi.string().guid().required() });
export const saveFactsBody = Joi.object({
  facts: Joi.object().unknown(true).required(),
  version: Joi.number().integer().min(1).required(),
});
export const listQuery = Joi.object({
  callId: Joi.string().guid(),
  status: Joi.string().valid(...APPLICATION_STATUSES),
  limit: Joi.number().integer().min(1).max(200).default(50),
  offset: Joi.number().integer().min(0).default(0),
});
export const noteBody = Joi.object({ note: Joi.string().trim().max(2000).allow('') });
export const returnBody = Joi.object({ note: Joi.string().trim().min(2).max(2000).required() });
export const uploadFields = Joi.object({ kind: Joi.string().max(64).required() });

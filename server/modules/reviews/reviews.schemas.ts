import Joi from 'joi';
import { isValidUscc } from '../../lib/uscc.ts';

export const idParams = Joi.object({ id: Joi.string().guid().required() });
export const documentParams = Joi.object({ id: Joi.string().guid().required(), docId: Joi.string().guid().required() });
export const programmeParams = Joi.object({ code: Joi.string().max(64).required() });

const itemId = Joi.string().pattern(/^[A-Za-z][A-Za-z0-9_]{0,15}$/);
export const conflictBody = Joi.object({ conflict: Joi.boolean().strict().required(), note: Joi.string().allow('', null).max(2000) });
export const scoresBody = Joi.object({
  scores: Joi.object().pattern(itemId, Joi.number().strict().min(-1e6).max(1e6)).max(50).required(),
  comments: Joi.object().pattern(itemId, Joi.string().allow('').max(4000)).max(50).default({}),
});
export const assignmentRunBody = Joi.object({
  perApplication: Joi.number().integer().min(1).max(20),
  reviewerIds: Joi.array().items(Joi.string().guid()).max(500).unique(),
});
export const assignBody = Joi.object({ reviewerId: Joi.string().guid().required() });
export const moderationBody = Joi.object({
  total: Joi.number().strict().min(0).max(1000).precision(2).required(),
  reason: Joi.string().trim().min(1).max(4000).required(),
});
export const settingsBody = Joi.object({
  blindIdentity: Joi.boolean().strict(),
  spreadMargin: Joi.number().strict().min(0).max(100).precision(2),
}).min(1);

const uscc = Joi.string()
  .uppercase()
  .length(18)
  .custom((value, helpers) => (isValidUscc(value) ? value : helpers.error('uscc.invalid')));
const affiliation = Joi.object({
  uscc: uscc.required(),
  name: Joi.string().trim().min(1).max(200).required(),
  relation: Joi.string().valid('employer', 'holding').required(),
  from: Joi.string().pattern(/^\d{4}-\d{2}-\d{2}$/).allow(null).default(null),
  to: Joi.string().pattern(/^\d{4}-\d{2}-\d{2}$/).allow(null).default(null),
});
const fields = Joi.array().items(Joi.string().pattern(/^[a-z_]{2,40}$/)).max(20).unique().required();
export const ownProfileBody = Joi.object({ fields, affiliations: Joi.array().items(affiliation).max(50).required() });
export const profileBody = Joi.object({
  kind: Joi.string().valid('technical', 'financial').required(),
  fields,
  affiliations: Joi.array().items(affiliation).max(50).required(),
  active: Joi.boolean().default(true),
});

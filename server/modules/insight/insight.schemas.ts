import Joi from 'joi';
import { PROGRAMME_CODES } from '../eligibility/rule-set.types.ts';

export const idParams = Joi.object({ id: Joi.string().guid().required() });

export const simulateBody = Joi.object({
  // parameter id → its changed value (checked against the call's rule sets: known id, same shape)
  parameters: Joi.object().pattern(Joi.string().max(100), Joi.any()).min(1).max(50).required(),
});

export const statsQuery = Joi.object({
  callId: Joi.string().guid(),
  programme: Joi.string().valid(...PROGRAMME_CODES),
}).oxor('callId', 'programme');

const bilingual = Joi.object({ zh: Joi.string().trim().min(1).max(500).required(), en: Joi.string().trim().min(1).max(500).required() });

export const planTargetParams = Joi.object({ id: Joi.string().pattern(/^[A-Z]+-[A-Z]?[0-9]{2}$/).required() });

export const planTargetBody = Joi.object({
  target: bilingual,
  value: bilingual,
  goal: Joi.number().min(0).max(1e15).allow(null),
  level: Joi.string().valid('V', 'V1', 'TBC'),
}).min(1);

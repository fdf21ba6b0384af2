import Joi from 'joi';

const isoDate = Joi.string()
  .pattern(/^\d{4}-\d{2}-\d{2}$/)
  .custom((value: string, helpers) => (Number.isNaN(Date.parse(`${value}T00:00:00Z`)) || new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value ? helpers.error('date.format') : value))
  .messages({ 'string.pattern.base': 'date.format' });

export const programmeParams = Joi.object({ code: Joi.string().max(64).required() });

export const precheckBody = Joi.object({
  // the fact schema checks the inside (types, enums, ID numbers) and answers field by field
  facts: Joi.object().unknown(true).required(),
  asOf: isoDate,
});

export const publishRuleSetBody = Joi.object({
  basedOn: Joi.object({
    id: Joi.string().max(64).required(),
    kind: Joi.string().valid('eligibility', 'award'),
    version: Joi.number().integer().min(1).required(),
  }).required(),
  effectiveFrom: isoDate.required(),
  effectiveTo: isoDate.allow(null),
  note: Joi.string().trim().min(2).max(2000).required(),
  parameters: Joi.object().pattern(Joi.string().max(128), Joi.any()).min(1).required(),
});

export { isoDate };

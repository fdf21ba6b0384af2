import Joi from 'joi';

export const idParams = Joi.object({ id: Joi.string().guid().required() });

export const simulateBody = Joi.object({
  // parameter id → its changed value (checked against the call's rule sets: known id, same shape)
  parameters: Joi.object().pattern(Joi.string().max(100), Joi.any()).min(1).max(50).required(),
});

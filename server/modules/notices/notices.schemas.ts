import Joi from 'joi';

export const idParams = Joi.object({ id: Joi.string().guid().required() });
export const yearParams = Joi.object({ year: Joi.number().integer().min(2000).max(2100).required() });
/** A real calendar day between 2000 and 2100 (2027-02-30 is refused: the date must round-trip). */
const isoDay = Joi.string()
  .pattern(/^(20\d{2}|2100)-\d{2}-\d{2}$/)
  .custom((value: string, helpers) => {
    const parsed = new Date(`${value}T00:00:00Z`);
    return Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value ? helpers.error('date.base') : value;
  });

export const publishBody = Joi.object({
  workingDays: Joi.number().integer().min(1).max(30),
  startsOn: isoDay,
});

export const listQuery = Joi.object({
  limit: Joi.number().integer().min(1).max(100).default(20),
  offset: Joi.number().integer().min(0).default(0),
});

/** An e-mail address or a phone number (mainland mobile, or a landline with area code). */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;
const contact = Joi.string()
  .trim()
  .max(254)
  .required()
  .custom((value: string, helpers) => (EMAIL.test(value) || PHONE.test(value) ? value : helpers.error('objection.contact')));

export const objectionBody = Joi.object({
  applicationId: Joi.string().guid().required(),
  name: Joi.string().trim().min(2).max(50).required(),
  contact,
  organisation: Joi.string().trim().allow('').max(200),
  content: Joi.string().trim().min(10).max(5000).required(),
});

export const resolutionBody = Joi.object({
  outcome: Joi.string().valid('upheld', 'dismissed').required(),
  reason: Joi.string().trim().min(2).max(2000).required(),
});

export const holidaysQuery = Joi.object({ year: Joi.number().integer().min(2000).max(2100).required() });
export const holidaysBody = Joi.object({
  days: Joi.array()
    .items(
      Joi.object({
        day: isoDay.required(),
        kind: Joi.string().valid('holiday', 'workday').required(),
        nameZh: Joi.string().trim().min(1).max(50).required(),
        nameEn: Joi.string().trim().min(1).max(80).required(),
        source: Joi.string().trim().max(300),
      }),
    )
    .unique('day')
    .max(120)
    .required(),
});

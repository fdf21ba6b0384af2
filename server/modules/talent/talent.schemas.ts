import Joi from 'joi';
import { isoDate } from '../eligibility/eligibility.schemas.ts';

export const teamParams = Joi.object({ id: Joi.string().guid().required() });
export const memberParams = Joi.object({ id: Joi.string().guid().required(), memberId: Joi.string().guid().required() });
export const tokenParams = Joi.object({ token: Joi.string().pattern(/^[A-Za-z0-9_-]{20,100}$/).required() });

const role = Joi.string().valid('leader', 'core', 'member');
// the number's own check (GB 11643) runs in the use case, so the error names the member's field
const idNumber = Joi.string().trim().allow('').max(18);
const member = {
  name: Joi.string().trim().min(1).max(100),
  role,
  email: Joi.string().trim().email({ tlds: false }).max(254).allow(null, ''),
  idNumber,
  consent: Joi.boolean().strict(),
};

export const createTeamBody = Joi.object({
  name: Joi.string().trim().min(1).max(200).required(),
  applicationId: Joi.string().guid().allow(null),
  members: Joi.array().items(Joi.object({ ...member, name: member.name.required(), role: role.required() })).max(50).default([]),
});
export const renameTeamBody = Joi.object({ name: Joi.string().trim().min(1).max(200).required() });
export const addMemberBody = Joi.object({ ...member, name: member.name.required(), role: role.required() });
export const updateMemberBody = Joi.object(member).min(1);
export const consentRequestBody = Joi.object({ email: Joi.string().trim().email({ tlds: false }).max(254).required() });
export const withdrawBody = Joi.object({ note: Joi.string().trim().allow('').max(1000) });
export const revealBody = Joi.object({ reason: Joi.string().trim().min(5).max(500).required() });
export const confirmConsentBody = Joi.object({ agree: Joi.boolean().strict(), idNumber: Joi.string().trim().max(18).required() });
export const listQuery = Joi.object({ limit: Joi.number().integer().min(1).max(100).default(50), offset: Joi.number().integer().min(0).default(0) });

export const requestParams = Joi.object({ id: Joi.string().guid().required() });
export const pointsBody = Joi.object({
  facts: Joi.object().required(),
  asOf: isoDate,
});
export const requestsQuery = Joi.object({
  status: Joi.string().valid('draft', 'submitted', 'confirmed'),
  teamId: Joi.string().guid(),
  limit: Joi.number().integer().min(1).max(200).default(50),
  offset: Joi.number().integer().min(0).default(0),
});
export const confirmationBody = Joi.object({
  adjustments: Joi.array()
    .items(Joi.object({ item: Joi.string().pattern(/^PT-[A-Za-z0-9]{1,5}$/).required(), points: Joi.number().min(0).max(200).required(), reason: Joi.string().trim().min(2).max(500).required() }))
    .unique('item')
    .max(20)
    .default([]),
});

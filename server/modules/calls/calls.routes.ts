import Joi from 'joi';
import type { RouteSpec } from '../../http/route.ts';
import { permissions } from '../../middleware/permissions.ts';
import type { Services } from '../../services.ts';
import { AppError } from '../../errors/app-error.ts';
import { PROGRAMME_CODES } from '../eligibility/rule-set.types.ts';

const createCallBody = Joi.object({
  programme: Joi.string().valid(...PROGRAMME_CODES).required(),
  title: Joi.string().trim().min(2).max(200).required(),
  opensAt: Joi.date().iso().required(),
  closesAt: Joi.date().iso().required(),
  graceMinutes: Joi.number().integer().min(0).max(1440).default(0),
  budget: Joi.number().integer().min(0).max(Number.MAX_SAFE_INTEGER).required(),
  reviewersPerApplication: Joi.number().integer().min(1).max(20).default(5),
});

const updateCallBody = Joi.object({
  title: Joi.string().trim().min(2).max(200),
  opensAt: Joi.date().iso(),
  closesAt: Joi.date().iso(),
  graceMinutes: Joi.number().integer().min(0).max(1440),
  budget: Joi.number().integer().min(0).max(Number.MAX_SAFE_INTEGER),
  reviewersPerApplication: Joi.number().integer().min(1).max(20),
}).min(1);

export function callsRoutes(services: Services): RouteSpec[] {
  return [
    {
      method: 'get',
      path: '/api/calls',
      tag: 'calls',
      summary: 'Calls for applications, filtered by programme and status (upcoming, open, closed)',
      permission: permissions.public,
      query: Joi.object({
        programme: Joi.string().max(64),
        status: Joi.string().valid('upcoming', 'open', 'closed'),
        limit: Joi.number().integer().min(1).max(200).default(50),
        offset: Joi.number().integer().min(0).default(0),
      }),
      responses: { 200: '{ items: [{ id, programme, title, opensAt, closesAt, graceMinutes, budget, committed }], total }' },
      handler: async (_req, res) => {
        res.json(await services.calls.list(res.locals.query));
      },
    },
    {
      method: 'post',
      path: '/api/calls',
      tag: 'calls',
      summary: 'Open a call; it freezes the rule-set version (and award scheme) in force on its opening day',
      permission: permissions.officer,
      body: createCallBody,
      responses: { 201: 'The call, with ruleSet { id, version }', 400: 'validation_failed' },
      handler: async (req, res) => {
        res.status(201).json(await services.useCases.createCall(res.locals.body, res.locals.user, req.ip ?? 'unknown'));
      },
    },
    {
      method: 'get',
      path: '/api/calls/:id',
      tag: 'calls',
      summary: 'One call',
      permission: permissions.public,
      params: Joi.object({ id: Joi.string().guid().required() }),
      responses: { 200: 'The call', 404: 'Unknown call' },
      handler: async (_req, res) => {
        const call = await services.calls.findById(res.locals.params.id);
        if (!call) throw new AppError('not_found', { log: 'call' });
        res.json(call);
      },
    },
    {
      method: 'patch',
      path: '/api/calls/:id',
      tag: 'calls',
      summary: 'Edit a call (title, window, grace, budget, panel size); audited',
      permission: permissions.officer,
      params: Joi.object({ id: Joi.string().guid().required() }),
      body: updateCallBody,
      responses: { 200: 'The call', 400: 'validation_failed', 404: 'Unknown call' },
      handler: async (req, res) => {
        res.json(await services.useCases.updateCall(res.locals.params.id, res.locals.body, res.locals.user, req.ip ?? 'unknown'));
      },
    },
  ];
}

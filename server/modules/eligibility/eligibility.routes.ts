import type { RouteSpec } from '../../http/route.ts';
import { permissions } from '../../middleware/permissions.ts';
import { pickLanguage } from '../../i18n/language.ts';
import { notFound } from '../../errors/app-error.ts';
import type { Services } from '../../services.ts';
import { localizeDeep } from './localize.ts';
import { isProgrammeCode } from './run-precheck.ts';
import { programmeParams, precheckBody, publishRuleSetBody } from './eligibility.schemas.ts';

export function eligibilityRoutes(services: Services): RouteSpec[] {
  const { useCases, ruleSets } = services;
  return [
    {
      method: 'post',
      path: '/api/programmes/:code/precheck',
      tag: 'eligibility',
      summary: 'Public pre-check: screen facts against the rule set in force at asOf (default today); every criterion explained with its clause',
      permission: permissions.public,
      csrf: false, // changes nothing, and anyone may ask
      before: [services.rateLimits.precheck],
      params: programmeParams,
      body: precheckBody,
      responses: { 200: 'The screening result (messages in the caller language)', 400: 'validation_failed (facts of the wrong type)', 404: 'Unknown programme', 429: 'Too many requests' },
      handler: async (req, res) => {
        const result = await useCases.runPrecheck(res.locals.params.code, res.locals.body);
        res.json(localizeDeep(result, pickLanguage(req)));
      },
    },
    {
      method: 'get',
      path: '/api/programmes/:code/rule-sets',
      tag: 'eligibility',
      summary: 'Every version of the programme’s rule sets and award schemes, newest first, with the calls that froze each',
      permission: permissions.officer,
      params: programmeParams,
      responses: { 200: '{ items, total }', 404: 'Unknown programme' },
      handler: async (_req, res) => {
        const code = res.locals.params.code;
        if (!isProgrammeCode(code)) throw notFound(`programme ${code}`);
        const [versions, using] = await Promise.all([ruleSets.listForProgramme(code), ruleSets.callsUsing(code)]);
        const items = versions.map(({ uid, ...version }) => ({ ...version, callsUsing: using.get(uid) ?? 0 }));
        res.json({ items, total: items.length });
      },
    },
    {
      method: 'post',
      path: '/api/programmes/:code/rule-sets',
      tag: 'eligibility',
      summary: 'Publish a new version based on an existing one, with changed parameters and an effective date (audited)',
      permission: permissions.officer,
      params: programmeParams,
      body: publishRuleSetBody,
      responses: { 201: 'The new version', 400: 'validation_failed (parameters.<id>, effectiveTo …)', 404: 'Unknown programme or base version' },
      handler: async (req, res) => {
        const { uid: _uid, ...created } = await useCases.publishRuleSetVersion(res.locals.params.code, res.locals.body, res.locals.user, req.ip ?? 'unknown');
        res.status(201).json(created);
      },
    },
  ];
}

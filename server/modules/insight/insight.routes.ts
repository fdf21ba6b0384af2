import type { RouteSpec } from '../../http/route.ts';
import { notFound } from '../../errors/app-error.ts';
import { pickLanguage } from '../../i18n/language.ts';
import { permissions } from '../../middleware/permissions.ts';
import type { Services } from '../../services.ts';
import { idParams, planTargetBody, planTargetParams, simulateBody, statsQuery } from './insight.schemas.ts';

export function insightRoutes(services: Services): RouteSpec[] {
  const { useCases } = services;
  const exportRoute = (format: 'csv' | 'xlsx', mediaType: string): RouteSpec => ({
    method: 'get',
    path: `/api/calls/:id/export.${format}`,
    tag: 'insight',
    summary: `The call's applications as ${format === 'csv' ? 'CSV (UTF-8 with BOM)' : 'XLSX'}, streamed: company, USCC, status, screening and failed criteria, mean score, decision, amount`,
    permission: permissions.officer,
    params: idParams,
    produces: mediaType,
    responses: { 200: `${format.toUpperCase()} file (attachment)`, 404: 'Unknown call' },
    handler: async (req, res) => {
      const call = await services.calls.findById(res.locals.params.id);
      if (!call) throw notFound('unknown call');
      const user = res.locals.user!;
      await services.audit.record(
        { userId: user.id, label: user.email, clientIp: req.ip ?? null },
        { action: 'call.exported', entityType: 'call', entityId: call.id, after: { format } },
      );
      res.setHeader('Content-Type', mediaType);
      res.setHeader('Cache-Control', 'no-store');
      res.attachment(`huiqi-call-${call.id}.${format}`);
      const abort = new AbortController();
      res.on('close', () => abort.abort());
      try {
        await useCases.exportCall(call.id, format, pickLanguage(req), res, abort.signal);
      } catch (error) {
        // the client went away: the export stopped as it should, nothing is left to answer
        if (abort.signal.aborted) return;
        throw error;
      }
    },
  });
  return [
    {
      method: 'get',
      path: '/api/stats',
      tag: 'insight',
      summary: 'Dashboard figures for a call, a programme or the platform: statuses, screening and most-failed criteria, scores, budget, processing times',
      permission: permissions.officer,
      query: statsQuery,
      responses: { 200: '{ scope, total, byStatus, byProgramme, screening, failedCriteria, scores, budget, processing }', 404: 'Unknown call' },
      handler: async (_req, res) => {
        res.json(await useCases.readStats(res.locals.query));
      },
    },
    {
      method: 'get',
      path: '/api/plan-targets',
      tag: 'insight',
      summary: "The plan's targets with Huiqi's own figure beside each",
      permission: permissions.officer,
      responses: { 200: '{ items: [{ id, target, value, goal, unit, level, platform, updatedAt }] }' },
      handler: async (_req, res) => {
        res.json(await useCases.readPlanTargets());
      },
    },
    {
      method: 'put',
      path: '/api/plan-targets/:id',
      tag: 'insight',
      summary: "Correct a target's wording, numeric goal or evidence level (audited)",
      permission: permissions.admin,
      params: planTargetParams,
      body: planTargetBody,
      responses: { 200: 'The target', 400: 'validation_failed', 404: 'Unknown target' },
      handler: async (req, res) => {
        res.json(await useCases.updatePlanTarget(res.locals.params.id, res.locals.body, res.locals.user!, req.ip ?? 'unknown'));
      },
    },
    {
      method: 'get',
      path: '/api/open-data',
      tag: 'insight',
      summary: 'Public statistics: per programme and submission year, applications submitted and the approvals published on notice with their amounts (aggregates only)',
      permission: permissions.public,
      before: [services.rateLimits.openData],
      responses: { 200: '{ generatedAt, items: [{ programme, name, year, submitted, approved, amount }] }' },
      handler: async (_req, res) => {
        res.setHeader('Cache-Control', 'public, max-age=300');
        res.json(await useCases.readOpenData());
      },
    },
    {
      method: 'get',
      path: '/api/calls/:id/parameters',
      tag: 'insight',
      summary: "The parameters of the call's frozen rule-set versions, which a simulation may change",
      permission: permissions.officer,
      params: idParams,
      responses: { 200: '{ callId, programme, items: [{ id, criterion, label, unit, value, source, ruleSet }] }', 404: 'Unknown call' },
      handler: async (_req, res) => {
        res.json(await useCases.callParameters(res.locals.params.id));
      },
    },
    exportRoute('csv', 'text/csv; charset=utf-8'),
    exportRoute('xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
    {
      method: 'post',
      path: '/api/calls/:id/simulate',
      tag: 'insight',
      summary: 'What-if: re-screen every submitted application of the call with changed parameters, writing nothing',
      permission: permissions.officer,
      params: idParams,
      body: simulateBody,
      responses: {
        200: '{ changed: [{ applicationId, companyName, before, after }], unchanged, total, parameters, outcomes, criteria: [{ id, name, before, after }], budget, cancelled, durationMs }',
        400: 'validation_failed (parameters.<id>: unknown parameter, different shape, out of range)',
        404: 'Unknown call',
      },
      handler: async (_req, res) => {
        // a client that goes away stops the run between batches
        const abort = new AbortController();
        res.on('close', () => abort.abort());
        res.json(await useCases.simulateCall(res.locals.params.id, res.locals.body, { signal: abort.signal }));
      },
    },
  ];
}

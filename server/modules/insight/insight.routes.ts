import type { RouteSpec } from '../../http/route.ts';
import { notFound } from '../../errors/app-error.ts';
import { pickLanguage } from '../../i18n/language.ts';
import { permissions } from '../../middleware/permissions.ts';
import type { Services } from '../../services.ts';
import { idParams, simulateBody } from './insight.schemas.ts';

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

import type { RouteSpec } from '../../http/route.ts';
import { sendDocument } from '../../http/send-document.ts';
import { permissions } from '../../middleware/permissions.ts';
import { pickLanguage } from '../../i18n/language.ts';
import { notFound } from '../../errors/app-error.ts';
import type { Services } from '../../services.ts';
import { localizeDeep } from '../eligibility/localize.ts';
import { documentParams, idParams, listQuery, noteBody, returnBody, saveFactsBody, startBody, uploadFields } from './applications.schemas.ts';
import { assertVisible } from './applications.permissions.ts';
import { singleFileUpload } from '../../http/upload.ts';

// In memory, then into PostgreSQL in one transaction: nothing touches the disk, so nothing is left behind.

export function applicationsRoutes(services: Services): RouteSpec[] {
  const { useCases, applications } = services;
  return [
    {
      method: 'post',
      path: '/api/applications',
      tag: 'applications',
      summary: 'Start the company’s application to an open call (one per company per call)',
      permission: permissions.applicant,
      body: startBody,
      responses: { 201: '{ id, status: "draft", version }', 404: 'Unknown call', 409: 'call_closed or application_exists' },
      handler: async (req, res) => {
        res.status(201).json(await useCases.startApplication(res.locals.body.callId, res.locals.user, req.ip ?? 'unknown'));
      },
    },
    {
      method: 'get',
      path: '/api/applications',
      tag: 'applications',
      summary: 'The company’s applications (officers: all), filtered by call and status',
      permission: permissions.signedIn,
      query: listQuery,
      responses: { 200: '{ items, total }' },
      handler: async (_req, res) => {
        res.json(await useCases.listApplications(res.locals.user, res.locals.query));
      },
    },
    {
      method: 'get',
      path: '/api/applications/:id',
      tag: 'applications',
      summary: 'One application with facts, documents, frozen screening and history',
      permission: permissions.signedIn,
      params: idParams,
      responses: { 200: 'The application', 404: 'Unknown or another company’s' },
      handler: async (req, res) => {
        const view = await useCases.viewApplication(res.locals.params.id, res.locals.user);
        res.json({ ...view, screening: localizeDeep(view.screening, pickLanguage(req)) });
      },
    },
    {
      method: 'patch',
      path: '/api/applications/:id',
      tag: 'applications',
      summary: 'Autosave: merge partial facts (null removes one) if version is still current',
      permission: permissions.applicant,
      params: idParams,
      body: saveFactsBody,
      responses: { 200: '{ id, version }', 400: 'validation_failed (facts.<name>)', 404: 'Not found', 409: 'version_conflict (currentVersion) or application_locked' },
      handler: async (_req, res) => {
        res.json(await useCases.saveApplicationFacts(res.locals.params.id, res.locals.body, res.locals.user));
      },
    },
    {
      method: 'post',
      path: '/api/applications/:id/documents',
      tag: 'applications',
      summary: 'Upload evidence (multipart: kind, file); PDF, JPEG, PNG or OFD by content, at most 20 MiB',
      permission: permissions.applicant,
      params: idParams,
      before: [singleFileUpload],
      responses: { 201: '{ id, kind, filename, mediaType, size, sha256 }', 400: 'validation_failed', 413: 'payload_too_large', 415: 'unsupported_media_type' },
      handler: async (req, res) => {
        const { value, error } = uploadFields.validate(req.body ?? {}, { allowUnknown: true });
        const kind = error ? '' : value.kind;
        res.status(201).json(await useCases.uploadDocument(res.locals.params.id, { kind, file: req.file }, res.locals.user, req.ip ?? 'unknown'));
      },
    },
    {
      method: 'get',
      path: '/api/applications/:id/documents/:docId',
      tag: 'applications',
      summary: 'Download a document (as an attachment)',
      permission: permissions.signedIn,
      params: documentParams,
      produces: 'application/octet-stream',
      responses: { 200: 'The file', 404: 'Not found' },
      handler: async (_req, res) => {
        const { id, docId } = res.locals.params;
        assertVisible(res.locals.user, await applications.find(id));
        const document = await applications.findDocument(id, docId);
        const content = document && (await applications.documentContent(document.sha256));
        if (!document || !content) throw notFound('document');
        sendDocument(res, document, content);
      },
    },
    {
      method: 'delete',
      path: '/api/applications/:id/documents/:docId',
      tag: 'applications',
      summary: 'Remove a document from a draft',
      permission: permissions.applicant,
      params: documentParams,
      responses: { 204: 'Removed', 404: 'Not found', 409: 'application_locked' },
      handler: async (req, res) => {
        await useCases.removeDocument(res.locals.params.id, res.locals.params.docId, res.locals.user, req.ip ?? 'unknown');
        res.status(204).end();
      },
    },
    {
      method: 'post',
      path: '/api/applications/:id/submit',
      tag: 'applications',
      summary: 'Submit before the deadline (server clock, plus grace); idempotent; freezes the screening',
      permission: permissions.applicant,
      params: idParams,
      responses: { 200: '{ id, status, screening }', 400: 'validation_failed', 404: 'Not found', 409: 'call_closed, documents_missing or invalid_transition' },
      handler: async (req, res) => {
        const result = await useCases.submitApplication(res.locals.params.id, res.locals.user, {
          idempotencyKey: req.get('Idempotency-Key')?.slice(0, 200),
          language: pickLanguage(req),
          clientIp: req.ip ?? 'unknown',
        });
        res.json({ id: result.id, status: result.status, screening: localizeDeep(result.screening, pickLanguage(req)) });
      },
    },
    {
      method: 'post',
      path: '/api/applications/:id/withdraw',
      tag: 'applications',
      summary: 'The firm withdraws its application before review',
      permission: permissions.applicant,
      params: idParams,
      body: noteBody,
      responses: { 200: '{ id, status }', 404: 'Not found', 409: 'invalid_transition' },
      handler: async (req, res) => {
        res.json(await useCases.withdrawApplication(res.locals.params.id, res.locals.user, res.locals.body.note ?? null, req.ip ?? 'unknown'));
      },
    },
    {
      method: 'post',
      path: '/api/applications/:id/return',
      tag: 'applications',
      summary: 'An officer returns an application for more information (the firm is e-mailed)',
      permission: permissions.officer,
      params: idParams,
      body: returnBody,
      responses: { 200: '{ id, status }', 404: 'Not found', 409: 'invalid_transition' },
      handler: async (req, res) => {
        res.json(await useCases.returnApplication(res.locals.params.id, res.locals.user, res.locals.body.note, pickLanguage(req), req.ip ?? 'unknown'));
      },
    },
  ];
}

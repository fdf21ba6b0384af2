// One problem+json shape for every error (RFC 9457), in the caller's language.
import type { ErrorRequestHandler, Request, Response } from 'express';
import { AppError } from './app-error.ts';
import { errorCatalogue, type ErrorCode } from './messages.ts';
import { format, localize, pickLanguage } from '../i18n/language.ts';

export function sendProblem(req: Request, res: Response, error: AppError): void {
  const language = pickLanguage(req);
  const entry = errorCatalogue[error.code];
  const title = format(localize(entry.title, language), error.params);
  for (const [name, value] of Object.entries(error.headers)) res.setHeader(name, value);
  res
    .status(error.status)
    .type('application/problem+json')
    .setHeader('Content-Language', language)
    .json({
      type: `https://huiqi.dev/problems/${error.code.replace(/_/g, '-')}`,
      title,
      status: error.status,
      code: error.code,
      detail: title,
      ...(error.errors.length > 0 && {
        errors: error.errors.map((e) => ({ field: e.field, message: format(localize(e.message, language), error.params) })),
      }),
      ...error.extra,
    });
}

const byStatus: Record<number, ErrorCode> = {
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
};

/** Maps framework errors (body parser, multer …) onto our codes; anything unknown is a 500 without internals. */
function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const e = err as { type?: string; status?: number; code?: string };
  const byType: Record<string, ErrorCode> = {
    'entity.parse.failed': 'invalid_json',
    'entity.too.large': 'payload_too_large',
    'encoding.unsupported': 'unsupported_media_type',
    'charset.unsupported': 'unsupported_media_type',
    'entity.verify.failed': 'invalid_json',
    // the client hung up, or sent fewer or more bytes than its Content-Length
    'request.aborted': 'bad_request',
    'request.size.invalid': 'bad_request',
  };
  if (e?.type && byType[e.type]) return new AppError(byType[e.type], { log: String((err as Error).message) });
  if (e?.code === 'LIMIT_FILE_SIZE') return new AppError('payload_too_large');
  // multer's own limits and busboy's parse errors (an aborted or malformed multipart body) are the client's
  if ((err as Error)?.name === 'MulterError' || /multipart|unexpected end of form|malformed part/i.test((err as Error)?.message ?? '')) {
    return new AppError('invalid_upload', { log: (err as Error).message });
  }
  // multer's words for a client that hung up part way through an upload (no one is left to answer)
  if (err instanceof Error && /^Request (aborted|closed)$/.test(err.message)) return new AppError('bad_request', { log: err.message });
  // Any other framework error that carries a client status (Express's 400 for a path parameter that is not valid
  // percent-encoding, body-parser's 400 for a body that does not inflate as its Content-Encoding says …)
  // (only errors made to be shown to the client, as http-errors marks them, and the router's bad percent-encoding:
  // an HTTP client's copy of some upstream 404 must stay a 500 of ours)
  const status = typeof e?.status === 'number' ? e.status : (err as { statusCode?: unknown })?.statusCode;
  const shownToClient = (err as { expose?: unknown })?.expose === true || /^Failed to decode param /.test((err as Error)?.message ?? '');
  if (shownToClient && typeof status === 'number' && status >= 400 && status < 500) {
    return new AppError(byStatus[status] ?? 'bad_request', { log: err instanceof Error ? err.message : String(err) });
  }
  return new AppError('internal_error', { log: err instanceof Error ? err.message : String(err) });
}

export const problemHandler: ErrorRequestHandler = (err, req, res, next) => {
  if (res.headersSent) return next(err);
  const error = toAppError(err);
  if (error.status >= 500) {
    req.log?.error({ err }, 'request failed');
  } else {
    req.log?.info({ code: error.code, reason: error.message }, 'request refused');
  }
  sendProblem(req, res, error);
};

// Shape checks at the edge: joi validates, the result goes to res.locals (never back onto req).
import type { RequestHandler } from 'express';
import type Joi from 'joi';
import { AppError, type FieldError } from '../errors/app-error.ts';
import { fieldMessages } from '../errors/messages.ts';

export type RequestSchemas = { body?: Joi.Schema; query?: Joi.Schema; params?: Joi.Schema };

/** 'company.uscc', 'members[0].idNumber' */
export function fieldPath(path: (string | number)[]): string {
  return path.reduce<string>((acc, part) => (typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${part}` : part), '');
}

export function joiToFieldErrors(error: Joi.ValidationError, prefix = ''): FieldError[] {
  return error.details.map((detail) => {
    const template = fieldMessages[detail.type] ?? fieldMessages['any.invalid'];
    const limit = detail.context?.limit;
    const fill = (s: string) => (limit === undefined ? s : s.replace('{limit}', String(limit)));
    const path = fieldPath(detail.path);
    return {
      field: prefix ? (path ? `${prefix}.${path}` : prefix) : path || (detail.context?.key ?? ''),
      message: { zh: fill(template.zh), en: fill(template.en) },
    };
  });
}

export function validateRequest(schemas: RequestSchemas): RequestHandler {
  return (req, res, next) => {
    const errors: FieldError[] = [];
    for (const part of ['params', 'query', 'body'] as const) {
      const schema = schemas[part];
      if (!schema) continue;
      const input = part === 'body' ? (req.body ?? {}) : req[part];
      const { value, error } = schema.validate(input, { abortEarly: false, stripUnknown: false, convert: true });
      if (error) errors.push(...joiToFieldErrors(error));
      else res.locals[part] = value;
    }
    if (errors.length > 0) throw new AppError('validation_failed', { errors, log: errors.map((e) => e.field).join(', ') });
    next();
  };
}

/** A route that takes a JSON body refuses other content types with 415 rather than reading nothing. */
export const requireJsonBody: RequestHandler = (req, _res, next) => {
  const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  if (hasBody && !req.is('application/json')) throw new AppError('unsupported_media_type');
  next();
};

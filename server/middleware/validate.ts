// Shape checks at the edge: joi validates, the result goes to res.locals (never back onto req).
import type { RequestHandler } from 'express';
import type Joi from 'joi';
import { AppError, type FieldError } from '../errors/app-error.ts';
import { fieldError, fieldMessages } from '../errors/messages.ts';

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

/** Deeper than any request the API takes (facts reach 4 levels, rule-set parameters a few more). */
export const MAX_INPUT_DEPTH = 32;
const MAX_INPUT_ERRORS = 20;
/** Keys that reach for prototypes when merged into objects: refused wherever they appear. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/**
 * NUL and the C0 controls other than tab, line feed and carriage return, and UTF-16 halves without their
 * partner: PostgreSQL cannot store NUL (and jsonb no lone surrogate), and none belongs in a form field.
 */
const UNACCEPTABLE_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * What no schema should have to think about, checked before joi sees the input and without recursion (so
 * 100,000 nested arrays cannot overflow the stack): nesting depth, prototype keys, unstorable characters.
 */
export function inspectInput(input: unknown): FieldError[] {
  const errors: FieldError[] = [];
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: input, path: [] }];
  while (stack.length > 0 && errors.length < MAX_INPUT_ERRORS) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') {
      if (UNACCEPTABLE_CHARACTERS.test(value)) errors.push(fieldError(fieldPath(path), 'string.unacceptableCharacters'));
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (path.length >= MAX_INPUT_DEPTH) {
      errors.push(fieldError(fieldPath(path), 'input.tooDeep', { limit: MAX_INPUT_DEPTH }));
      continue;
    }
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: [...path, i] });
      continue;
    }
    for (const key of Object.keys(value).reverse()) {
      if (FORBIDDEN_KEYS.has(key)) errors.push(fieldError(fieldPath([...path, key]), 'object.unknown'));
      else if (UNACCEPTABLE_CHARACTERS.test(key)) errors.push(fieldError(fieldPath([...path, key]), 'string.unacceptableCharacters'));
      else stack.push({ value: (value as Record<string, unknown>)[key], path: [...path, key] });
    }
  }
  return errors;
}

export function validateRequest(schemas: RequestSchemas): RequestHandler {
  return (req, res, next) => {
    const errors: FieldError[] = [];
    for (const part of ['params', 'query', 'body'] as const) {
      const schema = schemas[part];
      if (!schema) continue;
      const input = part === 'body' ? (req.body ?? {}) : req[part];
      const unacceptable = inspectInput(input);
      if (unacceptable.length > 0) {
        errors.push(...unacceptable);
        continue;
      }
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

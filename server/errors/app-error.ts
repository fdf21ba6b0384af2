import { errorCatalogue, type ErrorCode } from './messages.ts';
import type { Bilingual } from '../i18n/language.ts';

export type FieldError = { field: string; message: Bilingual };

/**
 * The one error type of the domain: a stable code (the user's message comes from the catalogue),
 * a log message for operators, optional field errors and details for the problem body.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly errors: FieldError[];
  readonly params: Record<string, unknown>;
  readonly extra: Record<string, unknown>;
  readonly headers: Record<string, string>;

  constructor(
    code: ErrorCode,
    options: {
      log?: string;
      errors?: FieldError[];
      params?: Record<string, unknown>;
      extra?: Record<string, unknown>;
      headers?: Record<string, string>;
    } = {},
  ) {
    super(options.log ?? code);
    this.name = 'AppError';
    this.code = code;
    this.status = errorCatalogue[code].status;
    this.errors = options.errors ?? [];
    this.params = options.params ?? {};
    this.extra = options.extra ?? {};
    this.headers = options.headers ?? {};
  }
}

export const notFound = (log?: string) => new AppError('not_found', { log });

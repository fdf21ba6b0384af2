/**
 * The one way the client talks to the Huiqi API: JSON over fetch with the session cookie,
 * the current language as Accept-Language, and the CSRF token on state-changing requests.
 * Failures become an ApiError carrying the server's problem+json fields.
 */

export type FieldError = { field: string; message: string };

/** Error codes made up on the client, for failures that never produced a problem+json body. */
export const NETWORK_ERROR = 'network_error';
export const UNEXPECTED_RESPONSE = 'unexpected_response';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly type?: string;
  readonly title?: string;
  readonly detail?: string;
  readonly errors: FieldError[];
  /** From the Retry-After header (seconds), when the server sent one. */
  readonly retryAfterSeconds?: number;
  /** Any other members of the problem body, e.g. `applicationId` or `currentVersion`. */
  readonly extra: Record<string, unknown>;

  constructor(init: {
    status: number;
    code: string;
    type?: string;
    title?: string;
    detail?: string;
    errors?: FieldError[];
    retryAfterSeconds?: number;
    extra?: Record<string, unknown>;
  }) {
    super(init.detail || init.title || init.code);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.type = init.type;
    this.title = init.title;
    this.detail = init.detail;
    this.errors = init.errors ?? [];
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.extra = init.extra ?? {};
  }

  /** The server's own words for the user (already in the requested language), if it sent any. */
  get serverMessage(): string | undefined {
    return this.detail || this.title || undefined;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

// Held in memory only: the session provider sets the CSRF token, the i18n provider the language.
let csrfToken: string | null = null;
let acceptLanguage = 'zh-CN';

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function setApiLanguage(language: string): void {
  acceptLanguage = language;
}

/**
 * Public forms (e.g. an objection to a notice) may be sent by visitors without a session: they first
 * fetch an anonymous CSRF token. A signed-in user already has one from the session, which is kept.
 */
export async function ensureCsrfToken(signal?: AbortSignal): Promise<void> {
  if (csrfToken) return;
  const answer = await request<{ csrfToken: string }>('GET', '/api/auth/csrf', undefined, { signal });
  csrfToken = answer.csrfToken;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
const UNSAFE_METHODS: ReadonlySet<Method> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export type RequestOptions = { signal?: AbortSignal; headers?: Record<string, string> };

async function request<T>(method: Method, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': acceptLanguage,
  };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (UNSAFE_METHODS.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  Object.assign(headers, options.headers);

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (isAbortError(error)) throw error;
    throw new ApiError({ status: 0, code: NETWORK_ERROR });
  }

  if (!response.ok) throw await toApiError(response);
  if (response.status === 204 || response.status === 205) return undefined as T;

  if (!isJson(response)) {
    throw new ApiError({ status: response.status, code: UNEXPECTED_RESPONSE });
  }
  return (await response.json()) as T;
}

function isJson(response: Response): boolean {
  const type = response.headers.get('Content-Type') ?? '';
  return /^application\/([\w.+-]+\+)?json\b/i.test(type);
}

export type UploadOptions = {
  signal?: AbortSignal;
  /** Called with the bytes sent so far and the total, as the browser reports them. */
  onProgress?: (loaded: number, total: number) => void;
};

/**
 * Sends a multipart form with XMLHttpRequest (fetch cannot report upload progress), with the same
 * headers as every other request. Resolves with the JSON answer; failures become an ApiError.
 */
export function upload<T>(path: string, form: FormData, options: UploadOptions = {}): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    xhr.setRequestHeader('Accept-Language', acceptLanguage);
    if (csrfToken) xhr.setRequestHeader('X-CSRF-Token', csrfToken);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onProgress?.(event.loaded, event.total);
    };
    xhr.onload = () => {
      const type = xhr.getResponseHeader('Content-Type') ?? '';
      let body: unknown = undefined;
      if (/^application\/([\w.+-]+\+)?json\b/i.test(type)) {
        try {
          body = JSON.parse(xhr.responseText);
        } catch {
          body = undefined;
        }
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        if (body === undefined) reject(new ApiError({ status: xhr.status, code: UNEXPECTED_RESPONSE }));
        else resolve(body as T);
        return;
      }
      reject(problemToApiError(body, xhr.status, parseRetryAfter(xhr.getResponseHeader('Retry-After'))));
    };
    xhr.onerror = () => reject(new ApiError({ status: 0, code: NETWORK_ERROR }));
    xhr.onabort = () => reject(new DOMException('Upload aborted', 'AbortError'));
    options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}

function problemToApiError(problem: unknown, status: number, retryAfterSeconds: number | undefined): ApiError {
  if (typeof problem !== 'object' || problem === null) return new ApiError({ status, code: UNEXPECTED_RESPONSE, retryAfterSeconds });
  const p = problem as Record<string, unknown>;
  return new ApiError({
    status: typeof p.status === 'number' ? p.status : status,
    code: typeof p.code === 'string' ? p.code : UNEXPECTED_RESPONSE,
    type: stringOrUndefined(p.type),
    title: stringOrUndefined(p.title),
    detail: stringOrUndefined(p.detail),
    errors: parseFieldErrors(p.errors),
    retryAfterSeconds,
    extra: p,
  });
}

/** Extra fields of a problem+json body (e.g. applicationId, currentVersion), kept on the error. */
export function problemField(error: ApiError, name: string): unknown {
  return error.extra[name];
}

async function toApiError(response: Response): Promise<ApiError> {
  const retryAfterSeconds = parseRetryAfter(response.headers.get('Retry-After'));
  const fallback = { status: response.status, code: UNEXPECTED_RESPONSE, retryAfterSeconds };
  if (!isJson(response)) return new ApiError(fallback);

  let problem: unknown;
  try {
    problem = await response.json();
  } catch {
    return new ApiError(fallback);
  }
  if (typeof problem !== 'object' || problem === null) return new ApiError(fallback);

  const p = problem as Record<string, unknown>;
  return new ApiError({
    status: typeof p.status === 'number' ? p.status : response.status,
    code: typeof p.code === 'string' ? p.code : UNEXPECTED_RESPONSE,
    type: stringOrUndefined(p.type),
    title: stringOrUndefined(p.title),
    detail: stringOrUndefined(p.detail),
    errors: parseFieldErrors(p.errors),
    retryAfterSeconds,
    extra: p,
  });
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function parseFieldErrors(value: unknown): FieldError[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) => {
    if (typeof item !== 'object' || item === null) return [];
    const { field, message } = item as Record<string, unknown>;
    return typeof field === 'string' && typeof message === 'string' ? [{ field, message }] : [];
  });
}

function parseRetryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const date = Date.parse(header);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, undefined, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, body, options),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('PUT', path, body, options),
  patch: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('PATCH', path, body, options),
  delete: <T>(path: string, options?: RequestOptions) => request<T>('DELETE', path, undefined, options),
};

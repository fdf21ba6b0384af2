// A small HTTP client for tests: keeps the session cookie and the CSRF token like a browser would.
export type Reply<T = any> = { status: number; headers: Headers; body: T; text: string };

export class TestClient {
  cookie: string | null = null;
  csrfToken: string | null = null;
  language = 'zh-CN';

  constructor(readonly baseUrl: string) {}

  async request<T = any>(
    method: string,
    path: string,
    options: { json?: unknown; body?: BodyInit; headers?: Record<string, string>; csrf?: boolean } = {},
  ): Promise<Reply<T>> {
    const headers: Record<string, string> = { 'Accept-Language': this.language, ...options.headers };
    if (this.cookie) headers.Cookie = this.cookie;
    const changesState = !['GET', 'HEAD'].includes(method);
    if (changesState && options.csrf !== false && this.csrfToken) headers['X-CSRF-Token'] = this.csrfToken;
    let body = options.body;
    if (options.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(options.json);
    }
    const response = await fetch(this.baseUrl + path, { method, headers, body, redirect: 'manual' });
    const setCookie = response.headers.getSetCookie().find((c) => c.startsWith('huiqi.sid='));
    if (setCookie) {
      const value = setCookie.split(';')[0];
      this.cookie = value === 'huiqi.sid=' ? null : value;
    }
    const text = await response.text();
    let parsed: unknown = text;
    if ((response.headers.get('content-type') ?? '').includes('json') && text) parsed = JSON.parse(text);
    return { status: response.status, headers: response.headers, body: parsed as T, text };
  }

  get<T = any>(path: string, headers?: Record<string, string>) {
    return this.request<T>('GET', path, { headers });
  }

  post<T = any>(path: string, json?: unknown, options: { headers?: Record<string, string>; csrf?: boolean } = {}) {
    return this.request<T>('POST', path, { json, ...options });
  }

  patch<T = any>(path: string, json?: unknown, options: { headers?: Record<string, string>; csrf?: boolean } = {}) {
    return this.request<T>('PATCH', path, { json, ...options });
  }

  put<T = any>(path: string, json?: unknown, options: { headers?: Record<string, string>; csrf?: boolean } = {}) {
    return this.request<T>('PUT', path, { json, ...options });
  }

  delete<T = any>(path: string, options: { headers?: Record<string, string>; csrf?: boolean } = {}) {
    return this.request<T>('DELETE', path, options);
  }

  upload<T = any>(path: string, fields: Record<string, string>, file: { name: string; content: Buffer; type?: string }) {
    const form = new FormData();
    for (const [key, value] of Object.entries(fields)) form.append(key, value);
    form.append('file', new Blob([new Uint8Array(file.content)], { type: file.type ?? 'application/octet-stream' }), file.name);
    return this.request<T>('POST', path, { body: form });
  }

  /** The raw bytes of a download (PDFs), with status and headers. */
  async download(path: string): Promise<{ status: number; headers: Headers; content: Buffer }> {
    const headers: Record<string, string> = { 'Accept-Language': this.language };
    if (this.cookie) headers.Cookie = this.cookie;
    const response = await fetch(this.baseUrl + path, { headers });
    return { status: response.status, headers: response.headers, content: Buffer.from(await response.arrayBuffer()) };
  }

  async signIn(email: string, password: string) {
    const reply = await this.post('/api/auth/login', { email, password });
    if (reply.status === 200) this.csrfToken = reply.body.csrfToken;
    return reply;
  }
}

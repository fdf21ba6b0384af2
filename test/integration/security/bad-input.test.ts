// Hostile input against the real app over HTTP and a real PostgreSQL: every refusal is a 4xx
// application/problem+json with a code (never a 5xx, never a hang), and nothing is half-written.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { expect } from 'chai';
import fc from 'fast-check';
import { QueryTypes } from 'sequelize';
import { startTestApp, type TestApp } from '../../support/app.ts';
import { TestClient, type Reply } from '../../support/client.ts';
import { registration, signedInApplicant, PASSWORD } from '../../support/factories.ts';
import { exeBytes, pdfBytes, pngBytes } from '../../support/files.ts';
import { errorCatalogue } from '../../../server/errors/messages.ts';
import { draftApplication, openCall } from '../applications/support.ts';

type JsonSchema = { type?: string; properties?: Record<string, JsonSchema>; items?: JsonSchema; required?: string[]; enum?: unknown[] };
type RawReply = { status: number; headers: http.IncomingHttpHeaders; text: string; body: any };

const ANSWER_WITHIN_MS = 15_000;
const EMPTY_UUID = '00000000-0000-4000-8000-000000000000';

/** A refusal: 4xx, problem+json, a catalogued code whose status is the one answered. */
function expectProblem(reply: { status: number; body: any; text: string }, contentType: string | null | undefined, status?: number, code?: string) {
  expect(reply.status, reply.text).to.be.within(400, 499);
  if (status !== undefined) expect(reply.status, reply.text).to.equal(status);
  expect(contentType ?? '', reply.text).to.match(/^application\/problem\+json/);
  expect(reply.body, reply.text).to.be.an('object');
  expect(reply.body.code, reply.text).to.be.a('string');
  expect(errorCatalogue, reply.text).to.have.property(reply.body.code);
  expect(reply.body.status).to.equal(reply.status);
  expect(errorCatalogue[reply.body.code as keyof typeof errorCatalogue].status).to.equal(reply.status);
  if (code !== undefined) expect(reply.body.code, reply.text).to.equal(code);
}

const expectRefused = (reply: Reply, status?: number, code?: string) => expectProblem(reply, reply.headers.get('content-type'), status, code);
const expectRawRefused = (reply: RawReply, status?: number, code?: string) => expectProblem(reply, reply.headers['content-type'], status, code);

/** Never a 5xx; a 4xx is a problem with a code. */
function expectNoServerError(reply: Reply) {
  expect(reply.status, reply.text).to.be.below(500);
  if (reply.status >= 400) expectRefused(reply);
}

/** One request on its own connection, exactly as given (broken bodies included); fails rather than waits forever. */
function raw(
  baseUrl: string,
  method: string,
  pathname: string,
  options: { headers?: Record<string, string>; body?: Buffer | string; chunks?: (Buffer | string)[] } = {},
): Promise<RawReply> {
  const url = new URL(baseUrl + pathname);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      request.destroy();
      reject(new Error(`no answer within ${ANSWER_WITHIN_MS} ms: ${method} ${pathname}`));
    }, ANSWER_WITHIN_MS);
    const request = http.request(
      { hostname: url.hostname, port: url.port, path: url.pathname + url.search, method, headers: options.headers, agent: false },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          clearTimeout(timer);
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = text;
          if ((response.headers['content-type'] ?? '').includes('json') && text) body = JSON.parse(text);
          resolve({ status: response.statusCode ?? 0, headers: response.headers, text, body });
        });
      },
    );
    request.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    if (options.chunks) {
      for (const chunk of options.chunks) request.write(chunk);
      request.end();
    } else {
      request.end(options.body);
    }
  });
}

/** Sends the head and part of the body, then hangs up. */
function hangUpHalfWay(baseUrl: string, pathname: string, headers: Record<string, string>, part: Buffer, promised: number): Promise<number | 'aborted'> {
  const url = new URL(baseUrl + pathname);
  return new Promise((resolve) => {
    const request = http.request(
      { hostname: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { ...headers, 'Content-Length': String(promised) }, agent: false },
      (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    request.on('error', () => resolve('aborted'));
    request.write(part);
    setTimeout(() => request.destroy(), 150);
  });
}

/** Every file under a folder (relative paths), for "nothing left on disk". */
function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((entry) => !entry.isDirectory())
    .map((entry) => path.relative(dir, path.join(entry.parentPath ?? (entry as unknown as { path: string }).path, entry.name)))
    .sort();
}

type MultipartPart = { name?: string; filename?: string; filenameStar?: string; type?: string; content: Buffer | string; rawDisposition?: string };

function multipart(boundary: string, parts: MultipartPart[], options: { close?: boolean } = {}): Buffer {
  const pieces: Buffer[] = [];
  for (const part of parts) {
    let disposition = part.rawDisposition ?? `form-data; name="${part.name}"`;
    if (part.filename !== undefined) disposition += `; filename="${part.filename}"`;
    if (part.filenameStar !== undefined) disposition += `; filename*=UTF-8''${part.filenameStar}`;
    const head = `--${boundary}\r\nContent-Disposition: ${disposition}\r\n${part.type ? `Content-Type: ${part.type}\r\n` : ''}\r\n`;
    pieces.push(Buffer.from(head, 'utf8'), Buffer.isBuffer(part.content) ? part.content : Buffer.from(part.content, 'utf8'), Buffer.from('\r\n'));
  }
  if (options.close !== false) pieces.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(pieces);
}

/** Nesting `levels` deep: [[[…1…]]] or {"a":{"a":…1…}}. */
function nested(levels: number, kind: 'array' | 'object'): string {
  return kind === 'array' ? '['.repeat(levels) + '1' + ']'.repeat(levels) : '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);
}

/** Any JavaScript value fast-check can think of, as the JSON a client would send (or null when it has none). */
const anythingAsJson = fc.anything({ maxDepth: 3, withNullPrototype: true, withMap: true, withSet: true, withDate: true, withTypedArray: true, withSparseArray: true }).map((value) => {
  try {
    const text = JSON.stringify(value);
    return text === undefined ? null : (JSON.parse(text) as unknown);
  } catch {
    return null;
  }
});

/** Strings that include NUL, control characters, lone surrogates and bidi overrides now and then. */
const hostileUnit = fc.oneof(
  { weight: 5, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  { weight: 1, arbitrary: fc.constantFrom('\u0000', '\u0007', '\u001b', '\ud800', '\udfff', '\u202e', '\ufeff', '__proto__') },
);
const hostileString = fc.string({ unit: hostileUnit, maxLength: 24 });
const anyJson = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.jsonValue({ maxDepth: 3, stringUnit: hostileUnit }), anythingAsJson, hostileString);

/** A copy of `base` with the value at one of `paths` replaced. */
function replaceAt(base: Record<string, unknown>, at: string[], value: unknown): Record<string, unknown> {
  const copy = structuredClone(base);
  let target: Record<string, unknown> = copy;
  for (const key of at.slice(0, -1)) target = target[key] as Record<string, unknown>;
  target[at[at.length - 1]] = value;
  return copy;
}

const TYPES = ['string', 'integer', 'number', 'boolean', 'array', 'object'] as const;
const valueOfType: Record<(typeof TYPES)[number], fc.Arbitrary<unknown>> = {
  string: fc.string({ maxLength: 12 }),
  integer: fc.integer(),
  number: fc.double({ noNaN: true, noDefaultInfinity: true }),
  boolean: fc.boolean(),
  array: fc.array(fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.boolean()), { maxLength: 3 }),
  // (prototype keys are refused before types are looked at: their own test is above)
  object: fc.dictionary(fc.string({ maxLength: 8 }).filter((key) => !['__proto__', 'constructor', 'prototype'].includes(key)), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
};

/** JSON values that are not of the schema's type (a string is never a number: the validator does not coerce). */
function wrongTyped(schema: JsonSchema): fc.Arbitrary<unknown> {
  const type = schema.type as (typeof TYPES)[number];
  // an integer is a number, and a double may be whole: neither is the wrong type for the other
  const wrong = TYPES.filter((t) => t !== type && !(type === 'number' && t === 'integer') && !(type === 'integer' && t === 'number')).map((t) => valueOfType[t]);
  if (type === 'integer') wrong.push(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }).filter((n) => !Number.isInteger(n)));
  return fc.oneof(...wrong);
}

/** Every field of a fact schema, nested ones too: its path in `facts`, the field name the API reports, and its schema. */
function factFields(properties: Record<string, JsonSchema>): { fact: string; at: (string | number)[]; field: string; schema: JsonSchema }[] {
  const out: { fact: string; at: (string | number)[]; field: string; schema: JsonSchema }[] = [];
  const walk = (fact: string, at: (string | number)[], schema: JsonSchema) => {
    const field = at.reduce<string>((acc, part) => (typeof part === 'number' ? `${acc}[${part}]` : `${acc}.${part}`), 'facts');
    out.push({ fact, at, field, schema });
    if (schema.type === 'object' && schema.properties) for (const [name, child] of Object.entries(schema.properties)) walk(fact, [...at, name], child);
    if (schema.type === 'array' && schema.items) walk(fact, [...at, 0], schema.items);
  };
  for (const [name, schema] of Object.entries(properties)) walk(name, [name], schema);
  return out;
}

/** Facts holding `value` at `at` ({ patents: [{ type: value }] }). */
function factsWith(at: (string | number)[], value: unknown): Record<string, unknown> {
  let built: unknown = value;
  for (const part of [...at].reverse()) built = typeof part === 'number' ? [built] : { [part]: built };
  return built as Record<string, unknown>;
}

describe('hostile input is refused cleanly (problem+json, never a 5xx, nothing half-written)', function () {
  let app: TestApp;
  let dataDir: string;
  let callId: string;
  let applicant: Awaited<ReturnType<typeof draftApplication>>;
  let notice: { id: string; applicationId: string };
  let objection: Record<string, string>;
  let visitor: TestClient;
  const serverErrors: string[] = [];

  const counts = async () => {
    const [row] = await app.db.sequelize.query<Record<string, number>>(
      `SELECT (SELECT count(*) FROM companies)::int AS companies, (SELECT count(*) FROM users)::int AS users,
              (SELECT count(*) FROM applications)::int AS applications, (SELECT count(*) FROM documents)::int AS documents,
              (SELECT count(*) FROM document_contents)::int AS contents, (SELECT count(*) FROM objections)::int AS objections`,
      { type: QueryTypes.SELECT },
    );
    return row;
  };

  /** Runs `act` and proves it wrote no row and left no file behind. */
  async function writesNothing(act: () => Promise<void>) {
    const [rowsBefore, filesBefore] = [await counts(), filesUnder(dataDir)];
    await act();
    expect(await counts()).to.deep.equal(rowsBefore);
    expect(filesUnder(dataDir)).to.deep.equal(filesBefore);
  }

  const postJsonText = (pathname: string, body: string | Buffer, headers: Record<string, string> = {}) =>
    raw(app.baseUrl, 'POST', pathname, { headers: { 'Content-Type': 'application/json', 'Accept-Language': 'en', ...headers }, body });

  before(async function () {
    this.timeout(60_000);
    // Failed sign-ins are the point of one property here: the throttle must not answer for the validator, and its
    // counters (kept in the database) must not throttle 127.0.0.1 for the test files that run after this one, so
    // that property signs in from a documentation address (TEST-NET-3) behind a trusted proxy.
    app = await startTestApp({
      env: { LOGIN_MAX_FAILS_PER_CLIENT: '1000000', LOGIN_MAX_FAILS_PER_ACCOUNT: '1000000', TRUST_PROXY: '1' },
      // every error the server logs (a 5xx, even for a client that hung up and never saw it)
      logTo: { write: (line: string) => void (JSON.parse(line).level >= 50 && serverErrors.push(line)) },
    });
    dataDir = app.services.config.dataDir;
    const opened = await openCall(app);
    callId = opened.call.id;
    applicant = await draftApplication(app, callId);

    // an open notice listing another firm's application (published straight into the tables: the decision path is tested elsewhere)
    const listed = await draftApplication(app, callId);
    const officer = (await opened.officer.get('/api/auth/me')).body.user;
    const [row] = await app.db.sequelize.query<{ id: string }>(
      `INSERT INTO notices (call_id, starts_on, ends_on, working_days, published_by) VALUES (:callId, current_date - 1, current_date + 14, 10, :officerId) RETURNING id`,
      { replacements: { callId, officerId: officer.id }, type: QueryTypes.SELECT },
    );
    await app.db.sequelize.query(
      `INSERT INTO notice_items (notice_id, application_id, company_name, uscc, amount, score) VALUES (:noticeId, :applicationId, :name, :uscc, 100000, 80)`,
      { replacements: { noticeId: row.id, applicationId: listed.application.id, name: listed.company.name, uscc: listed.company.uscc } },
    );
    notice = { id: row.id, applicationId: listed.application.id };
    objection = { applicationId: notice.applicationId, name: '张三', contact: '13800138000', content: '该企业申报的研发费用与实际情况不符，请核查。' };
    visitor = new TestClient(app.baseUrl);
    visitor.csrfToken = (await visitor.get('/api/auth/csrf')).body.csrfToken;
    expect(visitor.csrfToken).to.be.a('string');
  });
  after(() => app?.close());

  afterEach(() => {
    expect(serverErrors.splice(0), 'the server logged errors').to.deep.equal([]);
    // nothing any request did may have reached Object.prototype (the app runs in this process)
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    expect(Object.prototype).not.to.have.property('polluted');
  });

  describe('JSON bodies', () => {
    it('when the body is malformed JSON, then 400 invalid_json and nothing is written', async () => {
      await writesNothing(async () => {
        for (const body of ['{', '{"email":}', "{'email':'a@b.cn'}", '{"email":"a@b.cn",}', 'nul', 'undefined', '{"a":1}}', '\u0000', '{"a":NaN}', '{"a":Infinity}', '{"a":0x10}', '"just a string"', '42', 'null', 'true']) {
          const reply = await postJsonText('/api/auth/register', body);
          expectRawRefused(reply, 400, 'invalid_json');
          expect(reply.body.title).to.equal('The request body is not valid JSON');
        }
      });
    });

    it('when a JSON body is cut off anywhere, then 400 invalid_json and no company or user is written', async () => {
      const whole = JSON.stringify(registration());
      await writesNothing(async () => {
        for (let end = 0; end < whole.length; end += 3) {
          const reply = await postJsonText('/api/auth/register', whole.slice(0, end));
          expectRawRefused(reply, 400);
          expect(['invalid_json', 'validation_failed']).to.include(reply.body.code);
        }
      });
    });

    it('when the body is shorter than its Content-Length and the client hangs up, then nothing is written and the server keeps answering', async () => {
      const whole = Buffer.from(JSON.stringify(registration()));
      await writesNothing(async () => {
        const status = await hangUpHalfWay(app.baseUrl, '/api/auth/register', { 'Content-Type': 'application/json' }, whole.subarray(0, 40), whole.length + 1000);
        expect([400, 'aborted']).to.include(status);
        await new Promise((resolve) => setTimeout(resolve, 200));
      });
      expect((await raw(app.baseUrl, 'GET', '/healthz')).status).to.equal(200);
    });

    it('when the body is over the 1 MiB limit, with or without a Content-Length, then 413 payload_too_large and nothing is written', async () => {
      const big = JSON.stringify(registration({ displayName: 'x'.repeat(1_100_000) }));
      await writesNothing(async () => {
        expectRawRefused(await postJsonText('/api/auth/register', big), 413, 'payload_too_large');
        const chunked = await raw(app.baseUrl, 'POST', '/api/auth/register', {
          headers: { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' },
          chunks: Array.from({ length: 11 }, (_, i) => big.slice(i * 110_000, (i + 1) * 110_000)).concat(big.slice(11 * 110_000)),
        });
        expectRawRefused(chunked, 413, 'payload_too_large');
        const inflated = await postJsonText('/api/auth/register', zlib.gzipSync(big), { 'Content-Encoding': 'gzip' });
        expectRawRefused(inflated, 413, 'payload_too_large');
      });
    });

    it('when the content type is not JSON (or an unsupported charset or encoding), then 415 unsupported_media_type and nothing is written', async () => {
      const body = JSON.stringify(registration());
      await writesNothing(async () => {
        for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml', 'multipart/form-data; boundary=x', 'application/merge-patch+json', 'application/json; charset=utf-7', 'application/json; charset=latin1']) {
          expectRawRefused(await postJsonText('/api/auth/register', body, { 'Content-Type': type }), 415, 'unsupported_media_type');
        }
        const noType = await raw(app.baseUrl, 'POST', '/api/auth/register', { headers: { 'Content-Length': String(Buffer.byteLength(body)) }, body });
        expectRawRefused(noType, 415, 'unsupported_media_type');
        expectRawRefused(await postJsonText('/api/auth/register', body, { 'Content-Encoding': 'x-compress-me' }), 415, 'unsupported_media_type');
      });
    });

    it('when a compressed body is not what its Content-Encoding says, then 400 and nothing is written', async () => {
      await writesNothing(async () => {
        for (const encoding of ['gzip', 'deflate', 'br']) {
          const reply = await postJsonText('/api/auth/register', Buffer.from('this is not compressed at all'), { 'Content-Encoding': encoding });
          expectRawRefused(reply, 400);
        }
        const truncated = zlib.gzipSync(JSON.stringify(registration())).subarray(0, 30);
        expectRawRefused(await postJsonText('/api/auth/register', truncated, { 'Content-Encoding': 'gzip' }), 400);
      });
    });

    it('when JSON nests 10,000 (or 100,000) levels deep, then 400 rather than a stack overflow, and the server keeps answering', async () => {
      const { client, application } = applicant;
      await writesNothing(async () => {
        for (const kind of ['array', 'object'] as const) {
          for (const levels of [10_000, 100_000]) {
            const deep = nested(levels, kind);
            expectRawRefused(await postJsonText('/api/auth/register', deep), 400);
            expectRawRefused(await postJsonText('/api/auth/register', `{"email":${deep},"password":"x","displayName":"x","company":{"name":"x","uscc":"x"}}`), 400);
            expectRawRefused(await postJsonText('/api/auth/login', `{"email":"a@b.cn","password":${deep}}`), 400);
            expectRawRefused(await postJsonText('/api/programmes/tech-sme/precheck', `{"facts":{"employees":${deep}}}`), 400);
            expectRawRefused(await postJsonText('/api/programmes/talent-team/precheck', `{"facts":{"leader":{"name":${deep}}}}`), 400);
            const saved = await raw(app.baseUrl, 'PATCH', `/api/applications/${application.id}`, {
              headers: { 'Content-Type': 'application/json', Cookie: client.cookie!, 'X-CSRF-Token': client.csrfToken! },
              body: `{"facts":{"employees":${deep}},"version":${application.version}}`,
            });
            expectRawRefused(saved, 400);
          }
        }
      });
      expect((await client.get(`/api/applications/${application.id}`)).body.version).to.equal(application.version);
      expect((await raw(app.baseUrl, 'GET', '/healthz')).status).to.equal(200);
    });

    it('when __proto__, constructor or prototype keys come at the top level or nested, then they are refused and Object.prototype stays clean', async () => {
      const { client, application } = applicant;
      const poison = '{"polluted":"yes","isAdmin":true}';
      const valid = JSON.stringify(registration()).slice(1, -1);
      await writesNothing(async () => {
        for (const key of ['__proto__', 'constructor', 'prototype']) {
          const value = key === 'constructor' ? `{"prototype":${poison}}` : poison;
          const bodies: [string, string][] = [
            ['/api/auth/register', `{${valid},"${key}":${value}}`],
            ['/api/auth/register', `{${valid.replace('"company":{', `"company":{"${key}":${value},`)}}`],
            ['/api/auth/login', `{"email":"a@b.cn","password":"x","${key}":${value}}`],
            ['/api/programmes/tech-sme/precheck', `{"facts":{"${key}":${value}}}`],
            ['/api/programmes/talent-team/precheck', `{"facts":{"leader":{"${key}":${value}}}}`],
            ['/api/programmes/tech-sme/precheck', `{"facts":{},"${key}":${value}}`],
          ];
          for (const [pathname, body] of bodies) {
            const reply = await postJsonText(pathname, body);
            expectRawRefused(reply, 400, 'validation_failed');
            expect(reply.body.errors.map((e: { field: string }) => e.field).join(' ')).to.include(key);
          }
          for (const body of [`{"facts":{"${key}":${value}},"version":${application.version}}`, `{"facts":{"employees":5},"version":${application.version},"${key}":${value}}`]) {
            const saved = await raw(app.baseUrl, 'PATCH', `/api/applications/${application.id}`, {
              headers: { 'Content-Type': 'application/json', Cookie: client.cookie!, 'X-CSRF-Token': client.csrfToken! },
              body,
            });
            expectRawRefused(saved, 400, 'validation_failed');
          }
          const objected = await raw(app.baseUrl, 'POST', `/api/notices/${notice.id}/objections`, {
            headers: { 'Content-Type': 'application/json', Cookie: visitor.cookie!, 'X-CSRF-Token': visitor.csrfToken! },
            body: `{${JSON.stringify(objection).slice(1, -1)},"${key}":${value}}`,
          });
          expectRawRefused(objected, 400, 'validation_failed');
        }
      });
      const view = await client.get(`/api/applications/${application.id}`);
      expect(view.body.version).to.equal(application.version);
      expect(view.body.facts).to.deep.equal({});
    });

    it('when numbers overflow (1e400, 400 digits), then 400 names the field; -0 and underflow are read as 0', async () => {
      const { client, application } = applicant;
      const fourHundredDigits = '9'.repeat(400);
      await writesNothing(async () => {
        for (const number of ['1e400', '-1e400', fourHundredDigits, `-${fourHundredDigits}`, '9007199254740993', '1e308']) {
          const precheck = await postJsonText('/api/programmes/tech-sme/precheck', `{"facts":{"employees":${number},"salesRevenue":1}}`);
          expectRawRefused(precheck, 400, 'validation_failed');
          expect(precheck.body.errors.map((e: { field: string }) => e.field)).to.deep.equal(['facts.employees']);
          const saved = await raw(app.baseUrl, 'PATCH', `/api/applications/${application.id}`, {
            headers: { 'Content-Type': 'application/json', Cookie: client.cookie!, 'X-CSRF-Token': client.csrfToken! },
            body: `{"facts":{"employees":1},"version":${number}}`,
          });
          expectRawRefused(saved, 400, 'validation_failed');
          expect(saved.body.errors[0].field).to.equal('version');
          const started = await raw(app.baseUrl, 'POST', '/api/applications', {
            headers: { 'Content-Type': 'application/json', Cookie: client.cookie!, 'X-CSRF-Token': client.csrfToken! },
            body: `{"callId":${number}}`,
          });
          expectRawRefused(started, 400, 'validation_failed');
          expect(started.body.errors[0].field).to.equal('callId');
        }
      });
      for (const zero of ['-0', '-0.0', '0e-400', `0.${'0'.repeat(400)}1`, '-1e-400']) {
        const precheck = await postJsonText('/api/programmes/tech-sme/precheck', `{"facts":{"employees":${zero}}}`);
        expect(precheck.status, precheck.text).to.equal(200);
        expect(precheck.body.outcome).to.be.oneOf(['eligible', 'ineligible', 'incomplete']);
      }
      const view = await client.get(`/api/applications/${application.id}`);
      const saved = await raw(app.baseUrl, 'PATCH', `/api/applications/${application.id}`, {
        headers: { 'Content-Type': 'application/json', Cookie: client.cookie!, 'X-CSRF-Token': client.csrfToken! },
        body: `{"facts":{"employees":-0},"version":${view.body.version}}`,
      });
      expect(saved.status, saved.text).to.equal(200);
      const after = await client.get(`/api/applications/${application.id}`);
      expect(Object.is(after.body.facts.employees, 0)).to.equal(true);
      const undone = await client.patch(`/api/applications/${application.id}`, { facts: { employees: null }, version: after.body.version });
      expect(undone.status, undone.text).to.equal(200);
      applicant.application.version = undone.body.version;
    });

    it('when strings carry NUL, control characters or lone surrogates, then 400 names the field and nothing is written', async () => {
      const { client, application } = applicant;
      const hostile = ['a\u0000b', '\u0000', 'bell\u0007', 'esc\u001b[31m', 'x\ud800', '\udfffx', 'back\bspace'];
      await writesNothing(async () => {
        for (const bad of hostile) {
          const base = registration();
          for (const [at, field] of [
            [['displayName'], 'displayName'],
            [['email'], 'email'],
            [['company', 'name'], 'company.name'],
            [['password'], 'password'],
          ] as const) {
            const value = at[0] === 'email' ? `${bad}${base.email}` : at[0] === 'password' ? `${PASSWORD}${bad}` : `${bad}测试${bad}`;
            const reply = await raw(app.baseUrl, 'POST', '/api/auth/register', { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(replaceAt(base, [...at], value)) });
            expectRawRefused(reply, 400, 'validation_failed');
            expect(reply.body.errors.map((e: { field: string }) => e.field)).to.include(field);
          }
          const login = await postJsonText('/api/auth/login', JSON.stringify({ email: `${bad}@example.cn`, password: bad }));
          expectRawRefused(login, 400, 'validation_failed');
          const precheck = await postJsonText('/api/programmes/residence-points/precheck', JSON.stringify({ facts: { permitCity: `guangzhou${bad}` } }));
          expectRawRefused(precheck, 400, 'validation_failed');
          expect(precheck.body.errors.map((e: { field: string }) => e.field)).to.include('facts.permitCity');
          const key = await postJsonText('/api/programmes/residence-points/precheck', JSON.stringify({ facts: { [`permit${bad}City`]: 'guangzhou' } }));
          expectRawRefused(key, 400, 'validation_failed');
          const saved = await client.patch(`/api/applications/${application.id}`, { facts: { [`employees${bad}`]: 1 }, version: application.version });
          expectRefused(saved, 400, 'validation_failed');
          for (const field of ['name', 'content', 'contact', 'organisation'] as const) {
            const value = field === 'contact' ? `138001${bad}38000` : `${objection[field] ?? '某单位'}${bad}`;
            const objected = await visitor.post(`/api/notices/${notice.id}/objections`, { ...objection, [field]: value });
            expectRefused(objected, 400, 'validation_failed');
            expect(objected.body.errors.map((e: { field: string }) => e.field)).to.include(field);
          }
        }
        // raw bytes that are not UTF-8 at all (a surrogate encoded as bytes, a lone continuation byte)
        for (const bytes of [Buffer.from([0xed, 0xa0, 0x80]), Buffer.from([0x80]), Buffer.from([0xff, 0xfe])]) {
          const body = Buffer.concat([Buffer.from('{"email":"a@b.cn","password":"'), bytes, Buffer.from('"}')]);
          const reply = await postJsonText('/api/auth/login', body, { 'X-Forwarded-For': '203.0.113.7' });
          expectRawRefused(reply);
        }
      });
      expect((await client.get(`/api/applications/${application.id}`)).body.version).to.equal(application.version);
    });

    it('when strings are very long, then 400 names the field (up to the body limit) and nothing is written', async () => {
      const long = '长'.repeat(300_000);
      await writesNothing(async () => {
        const base = registration();
        for (const [at, field] of [
          [['displayName'], 'displayName'],
          [['company', 'name'], 'company.name'],
          [['password'], 'password'],
          [['email'], 'email'],
        ] as const) {
          const reply = await raw(app.baseUrl, 'POST', '/api/auth/register', { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(replaceAt(base, [...at], long)) });
          expectRawRefused(reply, 400, 'validation_failed');
          expect(reply.body.errors.map((e: { field: string }) => e.field)).to.include(field);
        }
        const longKey = await postJsonText('/api/programmes/tech-sme/precheck', JSON.stringify({ facts: { [long]: 1 } }));
        expectRawRefused(longKey, 400, 'validation_failed');
        const longFact = await postJsonText('/api/programmes/residence-points/precheck', JSON.stringify({ facts: { permitCity: long } }));
        expectRawRefused(longFact, 400, 'validation_failed');
        expect(longFact.body.errors[0].field).to.equal('facts.permitCity');
        const longObjection = await visitor.post(`/api/notices/${notice.id}/objections`, { ...objection, content: long });
        expectRefused(longObjection, 400, 'validation_failed');
        expect(longObjection.body.errors[0].field).to.equal('content');
        const manyKeys = Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`k${i}`, i]));
        const wide = await postJsonText('/api/programmes/tech-sme/precheck', JSON.stringify({ facts: manyKeys }));
        expectRawRefused(wide, 400, 'validation_failed');
        expect(wide.body.errors.length).to.be.at.most(100);
      });
    });

    it('when a path or query parameter is malformed (bad percent-encoding, NUL, not a UUID), then 4xx problem+json', async () => {
      const { client } = applicant;
      for (const pathname of [
        '/api/applications/%E0%A4%A',
        '/api/applications/%',
        '/api/applications/%00',
        '/api/applications/..%2F..%2Fetc%2Fpasswd',
        `/api/applications/${'a'.repeat(5000)}`,
        '/api/applications?limit=1e400',
        '/api/applications?limit=-0&offset=%00',
        '/api/applications?status=%00',
        '/api/applications?callId=%E0%A4%A',
        '/api/programmes/%E0%A4%A',
        '/api/programmes/%00',
        '/api/calls?programme=%00',
        '/api/notices/%E0%A4%A',
      ]) {
        const reply = await raw(app.baseUrl, 'GET', pathname, { headers: { Cookie: client.cookie! } });
        expectRawRefused(reply);
      }
    });
  });

  describe('pre-check facts of the wrong type', () => {
    it('when any fact of any programme (nested ones too) has a value of the wrong type, then 400 validation_failed names that fact', async () => {
      const programmes = (await visitor.get('/api/programmes')).body.items.map((p: { code: string }) => p.code) as string[];
      expect(programmes).to.include.members(['high-tech-enterprise', 'tech-sme', 'unicorn-cultivation', 'talent-team', 'residence-points']);
      let checked = 0;
      for (const code of programmes) {
        const described = await visitor.get(`/api/programmes/${code}`);
        expect(described.status).to.equal(200);
        const fields = factFields(described.body.factSchema.properties);
        expect(fields.length, code).to.be.greaterThan(0);
        for (const { fact, at, field, schema } of fields) {
          if (!schema.type) continue;
          await fc.assert(
            fc.asyncProperty(wrongTyped(schema), async (value) => {
              const reply = await visitor.post(`/api/programmes/${code}/precheck`, { facts: factsWith(at, value) });
              expectRefused(reply, 400, 'validation_failed');
              const reported = reply.body.errors.map((e: { field: string }) => e.field) as string[];
              // A wrong value may itself hold a refused key (`{"": {"__proto__": ""}}`): then the error names the spot inside it.
              const namesTheFact = reported.some((name) => name === field || name.startsWith(`${field}.`));
              expect(namesTheFact, `${code} ${field} ${JSON.stringify(value)}: ${reported.join(', ')}`).to.equal(true);
              for (const other of reported) expect(other.startsWith(`facts.${fact}`), `${code} ${field}: ${other}`).to.equal(true);
            }),
            { numRuns: at.length === 1 ? 8 : 4 },
          );
          checked++;
        }
      }
      expect(checked).to.be.greaterThan(60);
    });
  });

  describe('arbitrary JSON against the public API (fast-check)', () => {
    it('when anything is posted to register (whole bodies, or one field of a valid registration replaced), then never a 5xx, and a refusal writes no company or user', async () => {
      const paths = [['email'], ['password'], ['displayName'], ['company'], ['company', 'name'], ['company', 'uscc']];
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(anyJson.map((body) => ({ body, valid: false })), fc.tuple(fc.constantFrom(...paths), anyJson).map(([at, value]) => ({ body: replaceAt(registration(), at, value), valid: true }))),
          async ({ body }) => {
            const before = await counts();
            const reply = await new TestClient(app.baseUrl).post('/api/auth/register', body);
            expectNoServerError(reply);
            const after = await counts();
            if (reply.status === 201) expect(after).to.deep.include({ companies: before.companies + 1, users: before.users + 1 });
            else expect(after).to.deep.equal(before);
          },
        ),
        { numRuns: 100 },
      );
    });

    it('when anything is posted to login, then never a 5xx and always a problem with a code unless it signs in', async () => {
      const email = applicant.input.email;
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(anyJson, fc.record({ email: fc.oneof(anyJson, fc.constant(email)), password: fc.oneof(anyJson, fc.constant(PASSWORD)) })),
          async (body) => {
            const reply = await new TestClient(app.baseUrl).post('/api/auth/login', body, { headers: { 'X-Forwarded-For': `203.0.113.${crypto.randomInt(1, 255)}` } });
            expectNoServerError(reply);
            if (reply.status === 200) expect(body).to.deep.equal({ email, password: PASSWORD });
            else expect([400, 401, 429]).to.include(reply.status);
          },
        ),
        { numRuns: 100 },
      );
    });

    it('when anything is posted as facts to any programme’s pre-check, then 200 with an outcome or 400 validation_failed, never a 5xx', async () => {
      const programmes = ['high-tech-enterprise', 'tech-sme', 'unicorn-cultivation', 'talent-team', 'residence-points'];
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...programmes),
          fc.oneof(anyJson, fc.record({ facts: fc.oneof(fc.object({ maxDepth: 2 }), anyJson) }), fc.record({ facts: fc.constant({}), asOf: anyJson })),
          async (code, body) => {
            const reply = await visitor.post(`/api/programmes/${code}/precheck`, body);
            expectNoServerError(reply);
            if (reply.status === 200) expect(reply.body.outcome).to.be.oneOf(['eligible', 'ineligible', 'incomplete']);
            // a bare string or number is not a JSON body the API takes (strict parsing); anything else is a field error
            else expect(reply.body.code).to.be.oneOf(['validation_failed', 'invalid_json']);
          },
        ),
        { numRuns: 150 },
      );
    });

    it('when anything is posted as an objection to an open notice, then never a 5xx, and a refusal files no objection', async () => {
      const fields = ['applicationId', 'name', 'contact', 'organisation', 'content'];
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(anyJson, fc.tuple(fc.constantFrom(...fields), anyJson).map(([field, value]) => ({ ...objection, [field]: value }))),
          async (body) => {
            const before = await counts();
            const reply = await visitor.post(`/api/notices/${notice.id}/objections`, body);
            expectNoServerError(reply);
            const after = await counts();
            expect(after.objections).to.equal(before.objections + (reply.status === 201 ? 1 : 0));
          },
        ),
        { numRuns: 100 },
      );
      expectRefused(await visitor.post(`/api/notices/${EMPTY_UUID}/objections`, objection), 404, 'not_found');
    });

    it('when anything is posted to start an application, then never a 5xx and no application is created', async () => {
      const { client } = applicant;
      await writesNothing(async () => {
        await fc.assert(
          fc.asyncProperty(fc.oneof(anyJson, fc.record({ callId: fc.oneof(anyJson, fc.uuid(), fc.constant(callId)) })), async (body) => {
            const reply = await client.post('/api/applications', body);
            expectRefused(reply);
          }),
          { numRuns: 100 },
        );
      });
    });

    it('when anything is autosaved into a draft, then 200 with the next version or a refusal that changes nothing, never a 5xx', async () => {
      const { client, application } = applicant;
      const factNames = Object.keys((await visitor.get('/api/programmes/tech-sme')).body.factSchema.properties);
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            anyJson.map((body) => ({ body })),
            fc.record({ facts: anyJson, version: anyJson }).map((body) => ({ body })),
            // the current version with facts of this programme holding anything: some of these are saved
            fc.dictionary(fc.constantFrom(...factNames), fc.oneof(anyJson, fc.nat(1000), fc.boolean())).map((facts) => ({ facts })),
          ),
          async (generated) => {
            const before = (await client.get(`/api/applications/${application.id}`)).body;
            const body = 'facts' in generated ? { facts: generated.facts, version: before.version } : generated.body;
            const reply = await client.patch(`/api/applications/${application.id}`, body);
            expectNoServerError(reply);
            const after = (await client.get(`/api/applications/${application.id}`)).body;
            if (reply.status === 200) expect(after.version).to.equal(before.version + 1);
            else expect({ version: after.version, facts: after.facts }).to.deep.equal({ version: before.version, facts: before.facts });
          },
        ),
        { numRuns: 100 },
      );
      application.version = (await client.get(`/api/applications/${application.id}`)).body.version;
    });

    it('when arbitrary bytes are sent as a JSON body, then never a 5xx', async () => {
      await writesNothing(async () => {
        await fc.assert(
          fc.asyncProperty(fc.constantFrom('/api/auth/register', '/api/auth/login', '/api/programmes/tech-sme/precheck'), fc.uint8Array({ maxLength: 64 }), async (pathname, bytes) => {
            const reply = await postJsonText(pathname, Buffer.from(bytes));
            expectRawRefused(reply);
          }),
          { numRuns: 100 },
        );
      });
    });
  });

  describe('multipart uploads of evidence', () => {
    let documentsPath: string;
    let auth: Record<string, string>;
    before(() => {
      documentsPath = `/api/applications/${applicant.application.id}/documents`;
      auth = { Cookie: applicant.client.cookie!, 'X-CSRF-Token': applicant.client.csrfToken! };
    });
    const send = (body: Buffer, contentType: string) => raw(app.baseUrl, 'POST', documentsPath, { headers: { ...auth, 'Content-Type': contentType, 'Accept-Language': 'en' }, body });
    const documentsOf = async () => (await applicant.client.get(`/api/applications/${applicant.application.id}`)).body.documents as { id: string; filename: string }[];

    it('when the multipart body is malformed (no boundary, another boundary, no closing boundary, garbage), then 400 invalid_upload and nothing is stored', async () => {
      const boundary = `----huiqi${crypto.randomUUID()}`;
      const good = [{ name: 'kind', content: 'business_licence' }, { name: 'file', filename: 'licence.pdf', type: 'application/pdf', content: pdfBytes() }];
      await writesNothing(async () => {
        const replies = [
          await send(multipart(boundary, good), 'multipart/form-data'),
          await send(multipart(boundary, good), 'multipart/form-data; boundary='),
          await send(multipart(boundary, good), 'multipart/form-data; boundary=something-else'),
          await send(multipart(boundary, good, { close: false }), `multipart/form-data; boundary=${boundary}`),
          await send(multipart(boundary, good).subarray(0, 200), `multipart/form-data; boundary=${boundary}`),
          await send(Buffer.from('this is not multipart at all'), `multipart/form-data; boundary=${boundary}`),
          await send(Buffer.alloc(0), `multipart/form-data; boundary=${boundary}`),
          await send(Buffer.from(`--${boundary}\r\nno headers here\r\n--${boundary}--\r\n`), `multipart/form-data; boundary=${boundary}`),
          await send(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n${'X-Junk: y\r\n'.repeat(5000)}\r\n%PDF\r\n--${boundary}--\r\n`), `multipart/form-data; boundary=${boundary}`),
          await send(multipart(boundary, good), `multipart/form-data; boundary="${'b'.repeat(200)}"`),
        ];
        for (const reply of replies) expectRawRefused(reply, 400);
        for (const reply of replies.slice(0, 6)) expect(['invalid_upload', 'validation_failed']).to.include(reply.body.code);
      });
      expect(await documentsOf()).to.deep.equal([]);
    });

    it('when the client hangs up half way through a file, then nothing is stored and the server keeps answering', async () => {
      const boundary = `----huiqi${crypto.randomUUID()}`;
      const head = multipart(boundary, [{ name: 'kind', content: 'business_licence' }], { close: false });
      const fileHead = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="half.pdf"\r\nContent-Type: application/pdf\r\n\r\n`);
      await writesNothing(async () => {
        const status = await hangUpHalfWay(app.baseUrl, documentsPath, { ...auth, 'Content-Type': `multipart/form-data; boundary=${boundary}` }, Buffer.concat([head, fileHead, pdfBytes().subarray(0, 20)]), 500_000);
        expect([400, 'aborted']).to.include(status);
        await new Promise((resolve) => setTimeout(resolve, 200));
      });
      expect((await raw(app.baseUrl, 'GET', '/healthz')).status).to.equal(200);
    });

    it('when there are too many files, an unexpected file field or too many fields, then 400 invalid_upload and nothing is stored', async () => {
      const boundary = `----huiqi${crypto.randomUUID()}`;
      const kind = { name: 'kind', content: 'business_licence' };
      const file = (name: string) => ({ name, filename: `${name}.pdf`, type: 'application/pdf', content: pdfBytes(name) });
      await writesNothing(async () => {
        for (const parts of [
          [kind, file('file'), file('file')],
          [kind, ...Array.from({ length: 20 }, () => file('file'))],
          [kind, file('other')],
          [kind, file('attachment'), file('file')],
          [kind, ...Array.from({ length: 50 }, (_, i) => ({ name: `f${i}`, content: 'x' })), file('file')],
          [kind, { name: 'x'.repeat(5000), content: 'y' }, file('file')],
        ]) {
          const reply = await send(multipart(boundary, parts), `multipart/form-data; boundary=${boundary}`);
          expectRawRefused(reply, 400, 'invalid_upload');
        }
      });
      expect(await documentsOf()).to.deep.equal([]);
    });

    it('when multipart field names reach for __proto__, constructor or prototype (flat or nested), then 400 invalid_upload and Object.prototype stays clean', async () => {
      const boundary = `----huiqi${crypto.randomUUID()}`;
      const file = { name: 'file', filename: 'licence.pdf', type: 'application/pdf', content: pdfBytes() };
      await writesNothing(async () => {
        for (const name of ['__proto__', 'constructor', 'prototype', '__proto__[polluted]', 'constructor[prototype][polluted]', 'kind[__proto__][polluted]', 'a[__proto__][polluted]']) {
          const reply = await send(multipart(boundary, [{ name: 'kind', content: 'business_licence' }, { name, content: 'yes' }, file]), `multipart/form-data; boundary=${boundary}`);
          expectRawRefused(reply, 400, 'invalid_upload');
          expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
        }
        const fileNamed = await send(multipart(boundary, [{ name: 'kind', content: 'business_licence' }, { ...file, name: '__proto__' }]), `multipart/form-data; boundary=${boundary}`);
        expectRawRefused(fileNamed, 400, 'invalid_upload');
      });
      expect(await documentsOf()).to.deep.equal([]);
    });

    it('when the file is empty, missing or the kind is missing or odd, then 400 validation_failed names the field and nothing is stored', async () => {
      const boundary = `----huiqi${crypto.randomUUID()}`;
      const kind = { name: 'kind', content: 'business_licence' };
      await writesNothing(async () => {
        const empty = await send(multipart(boundary, [kind, { name: 'file', filename: 'empty.pdf', type: 'application/pdf', content: Buffer.alloc(0) }]), `multipart/form-data; boundary=${boundary}`);
        expectRawRefused(empty, 400, 'validation_failed');
        expect(empty.body.errors.map((e: { field: string }) => e.field)).to.deep.equal(['file']);
        const noFile = await send(multipart(boundary, [kind]), `multipart/form-data; boundary=${boundary}`);
        expectRawRefused(noFile, 400, 'validation_failed');
        expect(noFile.body.errors.map((e: { field: string }) => e.field)).to.deep.equal(['file']);
        const file = { name: 'file', filename: 'licence.pdf', type: 'application/pdf', content: pdfBytes() };
        for (const odd of ['', '\u0000business_licence', 'business_licence\u0000', '../business_licence', 'x'.repeat(100_000), '__proto__']) {
          const reply = await send(multipart(boundary, [{ name: 'kind', content: odd }, file]), `multipart/form-data; boundary=${boundary}`);
          expectRawRefused(reply, 400);
        }
        const twice = await send(multipart(boundary, [kind, kind, file]), `multipart/form-data; boundary=${boundary}`);
        expectRawRefused(twice, 400, 'validation_failed');
        const json = await raw(app.baseUrl, 'POST', documentsPath, { headers: { ...auth, 'Content-Type': 'application/json' }, body: JSON.stringify({ kind: 'business_licence', file: pdfBytes().toString('base64') }) });
        expectRawRefused(json, 400, 'validation_failed');
      });
      expect(await documentsOf()).to.deep.equal([]);
    });

    it('when a file is disguised (an executable named .pdf, HTML or SVG named .png), then 415 unsupported_media_type and nothing is stored', async () => {
      const html = Buffer.from('<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>');
      const svg = Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>');
      const polyglot = Buffer.concat([Buffer.from('GIF89a'), html]);
      await writesNothing(async () => {
        for (const [name, content, type] of [
          ['licence.pdf', exeBytes(), 'application/pdf'],
          ['scan.png', html, 'image/png'],
          ['scan.png', svg, 'image/png'],
          ['scan.jpg', polyglot, 'image/jpeg'],
          ['licence.pdf', Buffer.from('%PD'), 'application/pdf'],
          ['scan.png', pngBytes().subarray(0, 4), 'image/png'],
        ] as const) {
          const reply = await applicant.client.upload(documentsPath, { kind: 'business_licence' }, { name, content, type });
          expectRefused(reply, 415, 'unsupported_media_type');
        }
      });
      expect(await documentsOf()).to.deep.equal([]);
    });

    it('when a filename carries a path, NUL or control characters, an RTL override or is very long, then the file is stored only under a sanitised name, with nothing written to disk', async () => {
      const boundary = `----huiqi${crypto.randomUUID()}`;
      const enc = (name: string) => encodeURIComponent(name);
      const filesBefore = filesUnder(dataDir);
      // expected: the stored name; null: nothing is left of the name, which is a form without a file (400, field "file")
      const cases: { star?: string; plain?: string; expected?: string | null }[] = [
        { plain: '../../etc/passwd.pdf', expected: 'passwd.pdf' },
        { star: enc('..\\..\\x.pdf'), expected: 'x.pdf' },
        { star: enc('/etc/cron.d/evil.pdf'), expected: 'evil.pdf' },
        { star: enc('C:\\Windows\\System32\\evil.pdf'), expected: 'evil.pdf' },
        { star: enc('\\\\server\\share\\unc.pdf'), expected: 'unc.pdf' },
        { star: enc('re\u0000port\u0007\u001b.pdf'), expected: 'report.pdf' },
        { star: enc('report\u202egnp.pdf'), expected: 'reportgnp.pdf' },
        { star: enc('\u2066bidi\u2069\u200f.pdf'), expected: 'bidi.pdf' },
        { star: enc('line\r\nbreak.pdf'), expected: 'linebreak.pdf' },
        { star: enc('..'), expected: null },
        { star: enc('../..'), expected: null },
        { plain: '.', expected: null },
        { star: enc('\u0000'), expected: 'document' },
        { star: '%ED%A0%80%FF.pdf' },
        { star: enc(`${'很长的文件名'.repeat(200)}.pdf`) },
        { star: enc(`${'a'.repeat(1000)}.pdf`) },
        { star: enc(`${'😀'.repeat(150)}x.pdf`) },
      ];
      const stored: string[] = [];
      for (const [index, { star, plain, expected }] of cases.entries()) {
        const rowsBefore = await counts();
        const body = multipart(boundary, [
          { name: 'kind', content: 'business_licence' },
          { name: 'file', filename: plain, filenameStar: star, type: 'application/pdf', content: pdfBytes(`case ${index} ${crypto.randomUUID()}`) },
        ]);
        const reply = await send(body, `multipart/form-data; boundary=${boundary}`);
        if (expected === null) {
          expectRawRefused(reply, 400, 'validation_failed');
          expect(reply.body.errors.map((e: { field: string }) => e.field)).to.deep.equal(['file']);
          expect(await counts()).to.deep.equal(rowsBefore);
          continue;
        }
        expect(reply.status, `${index}: ${reply.text}`).to.equal(201);
        const name = reply.body.filename as string;
        if (expected) expect(name, String(index)).to.equal(expected);
        expect(name, String(index)).not.to.match(/[/\\\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/);
        expect(name, String(index)).not.to.match(/^\.+$/);
        expect(name.length, String(index)).to.be.within(1, 200);
        expect(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(name), `${index}: lone surrogate`).to.equal(false);
        if (name.length > 100) expect(name.endsWith('.pdf'), String(index)).to.equal(true);
        expect(await counts()).to.deep.include({ documents: rowsBefore.documents + 1, contents: rowsBefore.contents + 1 });
        const download = await applicant.client.download(`${documentsPath}/${reply.body.id}`);
        expect(download.status).to.equal(200);
        expect(download.headers.get('content-disposition')).to.match(/^attachment;/);
        stored.push(name);
      }
      expect((await documentsOf()).map((d) => d.filename).sort()).to.deep.equal([...stored].sort());
      expect(filesUnder(dataDir)).to.deep.equal(filesBefore);
    });

    it('when uploads arrive without a session, without the CSRF token or for another firm’s application, then 4xx and nothing is stored', async () => {
      const other = await signedInApplicant(app.baseUrl);
      const boundary = `----huiqi${crypto.randomUUID()}`;
      const body = multipart(boundary, [{ name: 'kind', content: 'business_licence' }, { name: 'file', filename: 'licence.pdf', type: 'application/pdf', content: pdfBytes() }]);
      const type = `multipart/form-data; boundary=${boundary}`;
      await writesNothing(async () => {
        expectRawRefused(await raw(app.baseUrl, 'POST', documentsPath, { headers: { 'Content-Type': type }, body }), 401);
        expectRawRefused(await raw(app.baseUrl, 'POST', documentsPath, { headers: { Cookie: auth.Cookie, 'Content-Type': type }, body }), 403, 'csrf_failed');
        expectRawRefused(await raw(app.baseUrl, 'POST', documentsPath, { headers: { Cookie: other.client.cookie!, 'X-CSRF-Token': other.client.csrfToken!, 'Content-Type': type }, body }), 404, 'not_found');
        expectRawRefused(await raw(app.baseUrl, 'POST', `/api/applications/${EMPTY_UUID}/documents`, { headers: { ...auth, 'Content-Type': type }, body }), 404, 'not_found');
        expectRawRefused(await raw(app.baseUrl, 'POST', '/api/applications/not-a-uuid/documents', { headers: { ...auth, 'Content-Type': type }, body }), 400, 'validation_failed');
      });
    });
  });
});

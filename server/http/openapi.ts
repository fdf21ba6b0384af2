// /api/openapi.json, generated from the route declarations so it cannot drift from what is mounted.
import joiToJson from 'joi-to-json';

// The package is CommonJS whose export is the parse function itself; its typings say otherwise.
const parse = joiToJson as unknown as (schema: unknown, mode: string) => unknown;
import type { RouteSpec } from './route.ts';

type Schema = Record<string, unknown>;

function toJsonSchema(schema: RouteSpec['body']): Schema | undefined {
  return schema ? (parse(schema, 'open-api') as Schema) : undefined;
}

/** /api/applications/:id → /api/applications/{id} */
function openApiPath(path: string): string {
  return path.replace(/:(\w+)/g, '{$1}');
}

export function buildOpenApi(specs: RouteSpec[], version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of specs) {
    const path = openApiPath(spec.path);
    const pathParams = [...spec.path.matchAll(/:(\w+)/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    const query = toJsonSchema(spec.query) as { properties?: Record<string, Schema> } | undefined;
    const queryParams = Object.entries(query?.properties ?? {}).map(([name, schema]) => ({ name, in: 'query', schema }));
    const body = toJsonSchema(spec.body);
    paths[path] ??= {};
    paths[path][spec.method] = {
      tags: [spec.tag],
      summary: spec.summary,
      'x-permission': { name: spec.permission.name, description: spec.permission.description },
      'x-csrf': ['post', 'put', 'patch', 'delete'].includes(spec.method) && spec.csrf !== false,
      ...(spec.permission.requiresSignIn ? { security: [{ session: [] }] } : { security: [] }),
      parameters: [...pathParams, ...queryParams],
      ...(body && { requestBody: { required: true, content: { 'application/json': { schema: body } } } }),
      responses: Object.fromEntries(
        Object.entries(spec.responses).map(([status, description]) => [
          status,
          {
            description,
            content:
              Number(status) >= 400
                ? { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } }
                : Number(status) === 204
                  ? undefined
                  : { [spec.produces ?? 'application/json']: {} },
          },
        ]),
      ),
    };
  }
  return {
    openapi: '3.0.3',
    info: {
      title: 'Huiqi (惠企) API',
      version,
      description: 'Applications, eligibility screening, review and decisions for Guangzhou innovation-subsidy programmes.',
    },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'huiqi.sid', description: 'Session cookie; state changes also send X-CSRF-Token' },
      },
      schemas: {
        Problem: {
          type: 'object',
          required: ['type', 'title', 'status', 'code'],
          properties: {
            type: { type: 'string' },
            title: { type: 'string' },
            status: { type: 'integer' },
            code: { type: 'string' },
            detail: { type: 'string' },
            errors: {
              type: 'array',
              items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } },
            },
          },
        },
      },
    },
    paths,
  };
}

import { expect } from 'chai';
import { createApp, routeTable } from '../../../server/app.ts';
import { PERMISSION } from '../../../server/middleware/authorize.ts';
import { startTestApp, type TestApp } from '../../support/app.ts';
import { TestClient } from '../../support/client.ts';

type Layer = { route?: { path: string | RegExp; methods: Record<string, boolean>; stack: { handle: Record<symbol, unknown> }[] }; handle: { stack?: Layer[] } };

/** Every route Express actually mounted, with the permission its chain declares (if any). */
function mountedRoutes(app: ReturnType<typeof createApp>) {
  const found: { method: string; path: string | RegExp; permission: unknown }[] = [];
  const walk = (stack: Layer[]) => {
    for (const layer of stack) {
      if (layer.route) {
        const permission = layer.route.stack.map((l) => l.handle[PERMISSION]).find(Boolean);
        for (const method of Object.keys(layer.route.methods)) found.push({ method, path: layer.route.path, permission });
      } else if (layer.handle?.stack) {
        walk(layer.handle.stack);
      }
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack);
  return found;
}

describe('route declarations', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp();
  });
  after(() => app.close());

  it('when the app is built, then every mounted route (API and the client shell) declares a permission', () => {
    const routes = mountedRoutes(createApp(app.services));
    expect(routes.length).to.be.greaterThan(5);
    const undeclared = routes.filter((r) => !r.permission);
    expect(undeclared, JSON.stringify(undeclared)).to.deep.equal([]);
  });

  it('when /api/openapi.json is read, then it describes every mounted route with its permission', async () => {
    const reply = await new TestClient(app.baseUrl).get('/api/openapi.json');
    expect(reply.status).to.equal(200);
    expect(reply.body.openapi).to.match(/^3\./);
    const specs = routeTable(app.services);
    for (const spec of specs) {
      const path = spec.path.replace(/:(\w+)/g, '{$1}');
      const operation = reply.body.paths[path]?.[spec.method];
      expect(operation, `${spec.method} ${path}`).to.be.an('object');
      expect(operation['x-permission'].name).to.equal(spec.permission.name);
    }
    // the paths shared/api.md promises so far (later issues add reviews, decisions, letters, stats, talent)
    const contracted: [string, string][] = [
      ['/healthz', 'get'],
      ['/api/auth/register', 'post'],
      ['/api/auth/login', 'post'],
      ['/api/auth/me', 'get'],
      ['/api/auth/logout', 'post'],
      ['/api/programmes', 'get'],
      ['/api/programmes/{code}', 'get'],
      ['/api/programmes/{code}/precheck', 'post'],
      ['/api/calls', 'get'],
      ['/api/calls', 'post'],
      ['/api/applications', 'post'],
      ['/api/applications', 'get'],
      ['/api/applications/{id}', 'get'],
      ['/api/applications/{id}', 'patch'],
      ['/api/applications/{id}/documents', 'post'],
      ['/api/applications/{id}/documents/{docId}', 'get'],
      ['/api/applications/{id}/submit', 'post'],
    ];
    for (const [path, method] of contracted) {
      expect(reply.body.paths[path]?.[method], `${method} ${path}`).to.be.an('object');
    }
    expect(reply.body.paths['/api/auth/register'].post.requestBody.content['application/json'].schema.properties).to.have.keys(
      'email', 'password', 'displayName', 'company',
    );
  });

  it('when a role-only route is called by the wrong role, then 403; without a session, then 401', async () => {
    const anonymous = await new TestClient(app.baseUrl).get('/api/audit-events');
    expect(anonymous.status).to.equal(401);
    const { signedInApplicant } = await import('../../support/factories.ts');
    const { client } = await signedInApplicant(app.baseUrl);
    const applicant = await client.get('/api/audit-events');
    expect(applicant.status).to.equal(403);
    expect(applicant.body.code).to.equal('forbidden');
  });
});

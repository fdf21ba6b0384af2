// Who may call what: one table of every route × role with the expected answer. The test enumerates the app's own
// route declarations and fails when a route is missing from the table (or the table names a route that is gone),
// so a new endpoint cannot ship without its row. Ids in paths are company A's resources: applicants of company B
// and reviewers not assigned must get 404 (not 403), so ids cannot be probed.
import { expect } from 'chai';
import { routeTable } from '../../../server/app.ts';
import { startTestApp, type TestApp } from '../../support/app.ts';
import { TestClient, type Reply } from '../../support/client.ts';
import { signedInApplicant, signedInStaff, validResidentId } from '../../support/factories.ts';
import { pdfBytes } from '../../support/files.ts';
import { openCall } from '../applications/support.ts';
import { scoredCall } from '../decisions/support.ts';
import { assignmentOf } from '../reviews/support.ts';

const ROLES = ['anonymous', 'applicantA', 'applicantB', 'reviewerAssigned', 'reviewerOther', 'officer', 'admin'] as const;
type RoleName = (typeof ROLES)[number];

/**
 * Expected answers, one token per role in ROLES order. `ok` = let through: any answer that is not 401, 403, 404 or 5xx
 * (a 200, or a 400/409 about the body or the state — the caller was allowed to ask). A number is the exact status,
 * `status:code` also checks the problem code, and `a|b` accepts either.
 */
type Row = {
  route: string;
  expect: string;
  path: (w: World) => string;
  body?: (w: World) => unknown;
  /** multipart with one small PDF, e.g. a document upload */
  upload?: Record<string, string>;
};

type World = Awaited<ReturnType<typeof buildWorld>>;

const ZERO_ID = '00000000-0000-4000-8000-000000000000';
const PUBLIC = 'ok ok ok ok ok ok ok';
const SIGNED_IN = '401 ok ok ok ok ok ok';
const OFFICER = '401 403 403 403 403 ok ok';
const ADMIN = '401 403 403 403 403 403 ok';
const APPLICANT = '401 ok ok 403 403 403 403';
const REVIEWER = '401 403 403 ok ok 403 403';
/** a company A resource acted on by its firm */
const FIRM_ACTS = '401 ok 404 403 403 403 403';
/** a company A resource read by the firm and staff */
const FIRM_READS = '401 ok 404 404 404 ok ok';
/** a review assigned to reviewerAssigned */
const REVIEW = '401 403 403 ok 404 403 403';

const memberFacts = {
  permitCity: 'guangzhou', permitValidTo: '2021-12-31', permitYears: 5, ownsHome: false, rentalYears: 3, movedOutYears: 0,
  socialInsuranceMonths: 60, insuranceYears: { pension: 5, medical: 5, unemployment: 5, workInjury: 5, maternity: 5 },
  education: 'bachelor', skill: 'mid_title', skillMatchesJob: true, patents: [], hteYears: 2, bloodDonations: 0, volunteerHours: 0,
  criminalRecord5y: false,
};

// Runs in this order (state-changing rows after the reads they could disturb; deletions and sign-out last).
const TABLE: Row[] = [
  // service and identity
  { route: 'GET /healthz', expect: PUBLIC, path: () => '/healthz' },
  { route: 'GET /api/openapi.json', expect: PUBLIC, path: () => '/api/openapi.json' },
  { route: 'POST /api/auth/register', expect: PUBLIC, path: () => '/api/auth/register', body: () => ({}) },
  { route: 'POST /api/auth/login', expect: PUBLIC, path: () => '/api/auth/login', body: () => ({}) },
  { route: 'GET /api/auth/me', expect: SIGNED_IN, path: () => '/api/auth/me' },
  { route: 'GET /api/auth/csrf', expect: PUBLIC, path: () => '/api/auth/csrf' },
  { route: 'GET /api/auth/mfa', expect: SIGNED_IN, path: () => '/api/auth/mfa' },
  // the second step needs a half-finished sign-in, which nobody here has
  { route: 'POST /api/auth/mfa/verify', expect: Array(7).fill('401:mfa_session_missing').join(' '), path: () => '/api/auth/mfa/verify', body: () => ({ code: '123456' }) },
  { route: 'POST /api/auth/mfa/setup', expect: '401:mfa_session_missing 401:invalid_credentials 401:invalid_credentials 401:invalid_credentials 401:invalid_credentials 401:invalid_credentials 401:invalid_credentials', path: () => '/api/auth/mfa/setup', body: () => ({ password: 'not-the-password' }) },
  {
    route: 'POST /api/auth/mfa/enable',
    expect: ['401:mfa_session_missing', ...Array(6).fill('409:mfa_setup_missing')].join(' '),
    path: () => '/api/auth/mfa/enable',
    body: () => ({ code: '000000' }),
  },
  { route: 'POST /api/auth/mfa/recovery-codes', expect: '401 409 409 409 409 409 409', path: () => '/api/auth/mfa/recovery-codes', body: () => ({ code: '000000' }) },
  { route: 'POST /api/auth/mfa/disable', expect: '401 409 409 409 409 409 409', path: () => '/api/auth/mfa/disable', body: () => ({ code: '000000' }) },
  { route: 'POST /api/users/:id/mfa/reset', expect: ADMIN, path: (w) => `/api/users/${w.bystander}/mfa/reset`, body: () => ({ reason: '访问控制测试' }) },
  { route: 'POST /api/auth/mfa/email-code', expect: Array(7).fill('401:mfa_session_missing').join(' '), path: () => '/api/auth/mfa/email-code', body: () => ({}) },
  { route: 'POST /api/auth/mfa/cancel', expect: Array(7).fill('401:mfa_session_missing').join(' '), path: () => '/api/auth/mfa/cancel', body: () => ({}) },
  { route: 'GET /api/company/members', expect: APPLICANT, path: () => '/api/company/members' },
  { route: 'POST /api/company/invitations', expect: APPLICANT, path: () => '/api/company/invitations', body: () => ({}) },
  { route: 'GET /api/invitations/:token', expect: '404 404 404 404 404 404 404', path: () => '/api/invitations/not-a-real-token-0123456789abcdef' },
  { route: 'POST /api/invitations/:token/accept', expect: PUBLIC, path: () => '/api/invitations/not-a-real-token-0123456789abcdef/accept', body: () => ({}) },
  // programmes, rule sets, calls
  { route: 'GET /api/programmes', expect: PUBLIC, path: () => '/api/programmes' },
  { route: 'GET /api/programmes/:code', expect: PUBLIC, path: () => '/api/programmes/tech-sme' },
  { route: 'POST /api/programmes/:code/precheck', expect: PUBLIC, path: () => '/api/programmes/tech-sme/precheck', body: () => ({ facts: {} }) },
  { route: 'GET /api/programmes/:code/rule-sets', expect: OFFICER, path: () => '/api/programmes/tech-sme/rule-sets' },
  { route: 'POST /api/programmes/:code/rule-sets', expect: OFFICER, path: () => '/api/programmes/tech-sme/rule-sets', body: () => ({}) },
  { route: 'PATCH /api/programmes/:code/review-settings', expect: OFFICER, path: () => '/api/programmes/unicorn-cultivation/review-settings', body: () => ({ unknown: 1 }) },
  { route: 'GET /api/calls', expect: PUBLIC, path: () => '/api/calls' },
  { route: 'POST /api/calls', expect: OFFICER, path: () => '/api/calls', body: () => ({}) },
  { route: 'GET /api/calls/:id', expect: PUBLIC, path: (w) => `/api/calls/${w.reviewedCall}` },
  { route: 'PATCH /api/calls/:id', expect: OFFICER, path: (w) => `/api/calls/${w.reviewedCall}`, body: () => ({ unknown: 1 }) },
  // applications
  { route: 'GET /api/applications', expect: SIGNED_IN, path: () => '/api/applications' },
  { route: 'GET /api/applications/:id', expect: FIRM_READS, path: (w) => `/api/applications/${w.draft}` },
  { route: 'POST /api/applications', expect: APPLICANT, path: () => '/api/applications', body: () => ({}) },
  { route: 'PATCH /api/applications/:id', expect: FIRM_ACTS, path: (w) => `/api/applications/${w.draft}`, body: () => ({ facts: { employees: 50 }, version: 1 }) },
  { route: 'POST /api/applications/:id/documents', expect: FIRM_ACTS, path: (w) => `/api/applications/${w.draft}/documents`, upload: { kind: 'business_licence' } },
  { route: 'GET /api/applications/:id/documents/:docId', expect: FIRM_READS, path: (w) => `/api/applications/${w.draft}/documents/${w.document}` },
  { route: 'POST /api/applications/:id/submit', expect: FIRM_ACTS, path: (w) => `/api/applications/${w.draft}/submit`, body: () => ({}) },
  { route: 'POST /api/applications/:id/return', expect: OFFICER, path: (w) => `/api/applications/${w.draft}/return`, body: () => ({}) },
  // reviews
  { route: 'GET /api/reviews', expect: REVIEWER, path: () => '/api/reviews' },
  { route: 'GET /api/reviews/:id', expect: REVIEW, path: (w) => `/api/reviews/${w.review}` },
  { route: 'GET /api/reviews/:id/documents/:docId', expect: REVIEW, path: (w) => `/api/reviews/${w.review}/documents/${w.reviewedDocument}` },
  { route: 'POST /api/reviews/:id/conflict', expect: REVIEW, path: (w) => `/api/reviews/${w.review}/conflict`, body: () => ({ conflict: false }) },
  { route: 'PUT /api/reviews/:id/scores', expect: REVIEW, path: (w) => `/api/reviews/${w.review}/scores`, body: () => ({ scores: {} }) },
  { route: 'POST /api/reviews/:id/submit', expect: REVIEW, path: (w) => `/api/reviews/${w.review}/submit`, body: () => ({}) },
  { route: 'GET /api/reviewer-profile', expect: REVIEWER, path: () => '/api/reviewer-profile' },
  { route: 'PUT /api/reviewer-profile', expect: REVIEWER, path: () => '/api/reviewer-profile', body: () => ({}) },
  { route: 'GET /api/reviewers', expect: OFFICER, path: () => '/api/reviewers' },
  { route: 'PUT /api/reviewers/:id/profile', expect: OFFICER, path: (w) => `/api/reviewers/${w.reviewerOtherId}/profile`, body: () => ({}) },
  { route: 'POST /api/calls/:id/assignments', expect: OFFICER, path: (w) => `/api/calls/${w.reviewedCall}/assignments`, body: () => ({}) },
  { route: 'GET /api/calls/:id/panels', expect: OFFICER, path: (w) => `/api/calls/${w.reviewedCall}/panels` },
  { route: 'POST /api/applications/:id/assignments', expect: OFFICER, path: (w) => `/api/applications/${w.reviewed}/assignments`, body: () => ({}) },
  { route: 'GET /api/applications/:id/scores', expect: OFFICER, path: (w) => `/api/applications/${w.reviewed}/scores` },
  { route: 'POST /api/applications/:id/moderation', expect: OFFICER, path: (w) => `/api/applications/${w.reviewed}/moderation`, body: () => ({}) },
  // decisions, letters, appeals, mail
  { route: 'GET /api/calls/:id/ranking', expect: OFFICER, path: (w) => `/api/calls/${w.reviewedCall}/ranking` },
  { route: 'POST /api/calls/:id/decisions/approve-to-line', expect: OFFICER, path: (w) => `/api/calls/${w.reviewedCall}/decisions/approve-to-line`, body: () => ({}) },
  { route: 'POST /api/applications/:id/decision', expect: OFFICER, path: (w) => `/api/applications/${w.reviewed}/decision`, body: () => ({}) },
  { route: 'GET /api/applications/:id/letters', expect: FIRM_READS, path: (w) => `/api/applications/${w.reviewed}/letters` },
  { route: 'GET /api/letters/:id/pdf', expect: FIRM_READS, path: (w) => `/api/letters/${w.letter}/pdf` },
  { route: 'POST /api/letters/:id/reissue', expect: OFFICER, path: (w) => `/api/letters/${w.letter}/reissue`, body: () => ({}) },
  { route: 'GET /api/verify/:code', expect: PUBLIC, path: (w) => `/api/verify/${w.verificationCode}` },
  {
    route: 'POST /api/applications/:id/appeal',
    expect: FIRM_ACTS,
    path: (w) => `/api/applications/${w.reviewed}/appeal`,
    body: () => ({ reasons: '评分依据与事实不符，请求复核。', documentIds: [] }),
  },
  { route: 'GET /api/appeals', expect: OFFICER, path: () => '/api/appeals' },
  { route: 'GET /api/applications/:id/mail', expect: OFFICER, path: (w) => `/api/applications/${w.reviewed}/mail` },
  { route: 'POST /api/mail/:id/resend', expect: OFFICER, path: (w) => `/api/mail/${w.mail}/resend`, body: () => ({}) },
  // notices and objections
  { route: 'GET /api/notices', expect: PUBLIC, path: () => '/api/notices' },
  { route: 'GET /api/notices/:id', expect: PUBLIC, path: (w) => `/api/notices/${w.notice}` },
  { route: 'POST /api/calls/:id/notices', expect: OFFICER, path: (w) => `/api/calls/${w.reviewedCall}/notices`, body: () => ({ unknown: 1 }) },
  { route: 'GET /api/calls/:id/notices', expect: OFFICER, path: (w) => `/api/calls/${w.reviewedCall}/notices` },
  { route: 'POST /api/notices/:id/objections', expect: PUBLIC, path: (w) => `/api/notices/${w.notice}/objections`, body: () => ({}) },
  { route: 'GET /api/notices/:id/objections', expect: OFFICER, path: (w) => `/api/notices/${w.notice}/objections` },
  { route: 'POST /api/objections/:id/resolution', expect: OFFICER, path: (w) => `/api/objections/${w.objection}/resolution`, body: () => ({}) },
  { route: 'GET /api/holidays', expect: PUBLIC, path: () => '/api/holidays?year=2026' },
  { route: 'PUT /api/holidays/:year', expect: ADMIN, path: () => '/api/holidays/2026', body: () => ({}) },
  // talent teams and residence points
  { route: 'GET /api/talent-teams', expect: SIGNED_IN, path: () => '/api/talent-teams' },
  { route: 'POST /api/talent-teams', expect: APPLICANT, path: () => '/api/talent-teams', body: () => ({}) },
  { route: 'GET /api/talent-teams/:id', expect: FIRM_READS, path: (w) => `/api/talent-teams/${w.team}` },
  { route: 'PATCH /api/talent-teams/:id', expect: FIRM_ACTS, path: (w) => `/api/talent-teams/${w.team}`, body: () => ({ name: '访问控制测试团队' }) },
  { route: 'POST /api/talent-teams/:id/members', expect: FIRM_ACTS, path: (w) => `/api/talent-teams/${w.team}/members`, body: () => ({ name: '王五', role: 'member' }) },
  { route: 'PATCH /api/talent-teams/:id/members/:memberId', expect: FIRM_ACTS, path: (w) => `/api/talent-teams/${w.team}/members/${w.member}`, body: () => ({ name: '刘洋' }) },
  {
    route: 'POST /api/talent-teams/:id/members/:memberId/consent-form',
    expect: FIRM_ACTS,
    path: (w) => `/api/talent-teams/${w.team}/members/${w.member}/consent-form`,
    upload: {},
  },
  { route: 'GET /api/talent-teams/:id/members/:memberId/consent-form', expect: FIRM_READS, path: (w) => `/api/talent-teams/${w.team}/members/${w.member}/consent-form` },
  {
    route: 'POST /api/talent-teams/:id/members/:memberId/consent-request',
    expect: FIRM_ACTS,
    path: (w) => `/api/talent-teams/${w.team}/members/${w.spareMember}/consent-request`,
    body: () => ({ email: 'member@example.cn' }),
  },
  {
    route: 'POST /api/talent-teams/:id/members/:memberId/consent-withdrawal',
    expect: FIRM_ACTS,
    path: (w) => `/api/talent-teams/${w.team}/members/${w.spareMember}/consent-withdrawal`,
    body: () => ({ note: '' }),
  },
  { route: 'POST /api/talent-teams/:id/members/:memberId/reveal', expect: OFFICER, path: (w) => `/api/talent-teams/${w.team}/members/${w.member}/reveal`, body: () => ({ reason: '核对身份证号码' }) },
  {
    route: 'POST /api/talent-teams/:id/members/:memberId/points',
    expect: FIRM_ACTS,
    path: (w) => `/api/talent-teams/${w.team}/members/${w.member}/points`,
    body: () => ({ facts: memberFacts, asOf: '2020-06-30' }),
  },
  { route: 'GET /api/recognition-requests', expect: SIGNED_IN, path: () => '/api/recognition-requests' },
  { route: 'GET /api/recognition-requests/:id', expect: FIRM_READS, path: (w) => `/api/recognition-requests/${w.recognition}` },
  { route: 'POST /api/recognition-requests/:id/submit', expect: FIRM_ACTS, path: (w) => `/api/recognition-requests/${w.recognition}/submit`, body: () => ({}) },
  { route: 'POST /api/recognition-requests/:id/confirmation', expect: OFFICER, path: (w) => `/api/recognition-requests/${w.recognition}/confirmation`, body: () => ({ unknown: 1 }) },
  // a consent link works for whoever holds it; an unknown token is 404 for everyone
  { route: 'GET /api/consent/:token', expect: '404 404 404 404 404 404 404', path: () => '/api/consent/not-a-real-token-0123456789abcdef' },
  { route: 'POST /api/consent/:token', expect: '404 404 404 404 404 404 404', path: () => '/api/consent/not-a-real-token-0123456789abcdef', body: () => ({ agree: true, idNumber: validResidentId() }) },
  { route: 'POST /api/consent/:token/withdrawal', expect: '404 404 404 404 404 404 404', path: () => '/api/consent/not-a-real-token-0123456789abcdef/withdrawal', body: () => ({}) },
  // insight
  { route: 'GET /api/stats', expect: OFFICER, path: () => '/api/stats' },
  { route: 'GET /api/plan-targets', expect: OFFICER, path: () => '/api/plan-targets' },
  { route: 'PUT /api/plan-targets/:id', expect: ADMIN, path: () => '/api/plan-targets/PLAN-01', body: () => ({ unknown: 1 }) },
  { route: 'GET /api/open-data', expect: PUBLIC, path: () => '/api/open-data' },
  { route: 'GET /api/calls/:id/parameters', expect: OFFICER, path: (w) => `/api/calls/${w.reviewedCall}/parameters` },
  { route: 'GET /api/calls/:id/export.csv', expect: OFFICER, path: (w) => `/api/calls/${w.reviewedCall}/export.csv` },
  { route: 'GET /api/calls/:id/export.xlsx', expect: OFFICER, path: (w) => `/api/calls/${w.reviewedCall}/export.xlsx` },
  { route: 'POST /api/calls/:id/simulate', expect: OFFICER, path: (w) => `/api/calls/${w.reviewedCall}/simulate`, body: () => ({ parameters: {} }) },
  { route: 'GET /api/audit-events', expect: ADMIN, path: () => '/api/audit-events' },
  { route: 'GET /api/mailbox', expect: ADMIN, path: () => '/api/mailbox' },
  // deletions and withdrawals, then signing out
  { route: 'POST /api/applications/:id/withdraw', expect: FIRM_ACTS, path: (w) => `/api/applications/${w.draft}/withdraw`, body: () => ({}) },
  { route: 'DELETE /api/applications/:id/documents/:docId', expect: FIRM_ACTS, path: (w) => `/api/applications/${w.draft}/documents/${w.spareDocument}` },
  { route: 'DELETE /api/talent-teams/:id/members/:memberId', expect: FIRM_ACTS, path: (w) => `/api/talent-teams/${w.team}/members/${w.spareMember}` },
  { route: 'DELETE /api/reviews/:id', expect: OFFICER, path: (w) => `/api/reviews/${w.spareReview}` },
  // a sign-in waiting for its second factor may also be abandoned here; nobody in this table has one
  { route: 'POST /api/auth/logout', expect: SIGNED_IN, path: () => '/api/auth/logout', body: () => ({}) },
];

async function buildWorld(app: TestApp) {
  // Company A: a unicorn application scored by its panel, approved, on notice, with a letter and a mail
  const { call, officer, firms, pool } = await scoredCall(app, [0.9], 100_000_000);
  const a = firms[0];
  const reviewed = a.applicationId;
  const panel: typeof pool.all = [];
  for (const reviewer of pool.all) if (await assignmentOf(reviewer, reviewed)) panel.push(reviewer);
  const reviewerAssigned = panel[0];
  const reviewerOther = pool.all.find((r) => !panel.includes(r))!;
  const review = (await assignmentOf(reviewerAssigned, reviewed))!.id;
  const spareReview = (await assignmentOf(panel[1], reviewed))!.id;
  const approved = await officer.post(`/api/applications/${reviewed}/decision`, { outcome: 'approved' });
  if (approved.status !== 200) throw new Error(`not approved: ${approved.text}`);
  const letters = await a.client.get(`/api/applications/${reviewed}/letters`);
  const letter = letters.body.items[0];
  const mail = (await officer.get(`/api/applications/${reviewed}/mail`)).body.items[0].id as string;
  const notice = await officer.post(`/api/calls/${call.id}/notices`, {});
  if (notice.status !== 201) throw new Error(`no notice: ${notice.text}`);
  const visitor = new TestClient(app.baseUrl);
  visitor.csrfToken = (await visitor.get('/api/auth/csrf')).body.csrfToken;
  const objection = await visitor.post(`/api/notices/${notice.body.id}/objections`, {
    applicationId: reviewed, name: '张三', contact: 'objector@example.cn', content: '该企业的估值材料与事实不符，请核查。',
  });
  if (objection.status !== 201) throw new Error(`no objection: ${objection.text}`);
  const reviewedView = await officer.get(`/api/applications/${reviewed}`);

  // Company A also has a draft in an open call, with two documents, and a talent team with a recognition request
  const { call: smeCall } = await openCall(app);
  const draft = await a.client.post('/api/applications', { callId: smeCall.id });
  const upload = (kind: string) => a.client.upload(`/api/applications/${draft.body.id}/documents`, { kind }, { name: `${kind}.pdf`, content: pdfBytes(kind), type: 'application/pdf' });
  const document = (await upload('business_licence')).body.id as string;
  const spareDocument = (await upload('financial_statements')).body.id as string;
  const team = await a.client.post('/api/talent-teams', {
    name: '访问控制团队',
    members: [
      { name: '刘洋', role: 'leader', idNumber: validResidentId(), consent: true },
      { name: '陈静', role: 'core', idNumber: validResidentId(), consent: true },
    ],
  });
  if (team.status !== 201) throw new Error(`no team: ${team.text}`);
  const [member, spareMember] = team.body.members.map((m: { id: string }) => m.id);
  const points = await a.client.post(`/api/talent-teams/${team.body.id}/members/${member}/points`, { facts: memberFacts, asOf: '2020-06-30' });
  if (points.status !== 200) throw new Error(`no points: ${points.text}`);

  const b = await signedInApplicant(app.baseUrl);
  // a user whose two-factor the admin resets (which ends their sessions): nobody the table signs in as
  const bystander = (await signedInApplicant(app.baseUrl)).user.id as string;
  const { client: admin } = await signedInStaff(app.baseUrl, app.db, ['admin']);
  const anonymous = new TestClient(app.baseUrl);
  anonymous.csrfToken = (await anonymous.get('/api/auth/csrf')).body.csrfToken;
  const clients: Record<RoleName, TestClient> = {
    anonymous,
    applicantA: a.client,
    applicantB: b.client,
    reviewerAssigned: reviewerAssigned.client,
    reviewerOther: reviewerOther.client,
    officer,
    admin,
  };
  return {
    clients,
    b,
    bystander,
    reviewedCall: call.id,
    reviewed,
    reviewedDocument: reviewedView.body.documents[0].id as string,
    review,
    spareReview,
    reviewerOtherId: reviewerOther.id,
    letter: letter.id as string,
    verificationCode: letter.verifyCode as string,
    mail,
    notice: notice.body.id as string,
    objection: objection.body.id as string,
    draft: draft.body.id as string,
    document,
    spareDocument,
    team: team.body.id as string,
    member: member as string,
    spareMember: spareMember as string,
    recognition: points.body.request.id as string,
  };
}

function send(client: TestClient, row: Row, w: World): Promise<Reply> {
  const [method] = row.route.split(' ');
  const path = row.path(w);
  if (row.upload) {
    return client.upload(path, row.upload, { name: 'evidence.pdf', content: pdfBytes('access control'), type: 'application/pdf' });
  }
  if (method === 'GET') return client.get(path);
  return client.request(method, path, row.body ? { json: row.body(w) } : {});
}

function matches(token: string, reply: Reply): boolean {
  return token.split('|').some((alternative) => {
    if (alternative === 'ok') return reply.status < 500 && ![401, 403, 404].includes(reply.status);
    const [status, code] = alternative.split(':');
    return reply.status === Number(status) && (code === undefined || reply.body?.code === code);
  });
}

describe('access control: every route × every role', function () {
  this.timeout(180_000);
  let app: TestApp;
  let world: World;
  before(async () => {
    // wrong two-factor codes in the table count against each account's sign-in throttle
    app = await startTestApp({ env: { LOGIN_MAX_FAILS_PER_ACCOUNT: '1000' } });
    world = await buildWorld(app);
  });
  after(() => app.close());

  it('when the table is compared with the app’s routes, then every route has exactly one row and every row a route', () => {
    const declared = routeTable(app.services).map((spec) => `${spec.method.toUpperCase()} ${spec.path}`);
    const rows = TABLE.map((row) => row.route);
    expect(declared.filter((route) => !rows.includes(route)), 'routes without a row').to.deep.equal([]);
    expect(rows.filter((route) => !declared.includes(route)), 'rows without a route').to.deep.equal([]);
    expect(new Set(rows).size, 'duplicate rows').to.equal(rows.length);
    for (const row of TABLE) expect(row.expect.split(' '), row.route).to.have.length(ROLES.length);
  });

  it('when a firm or a reviewer may reach a resource by id, then others of the same role get 404, never 403', () => {
    const specs = new Map(routeTable(app.services).map((spec) => [`${spec.method.toUpperCase()} ${spec.path}`, spec]));
    for (const row of TABLE) {
      const spec = specs.get(row.route)!;
      if (!spec.path.includes('/:') || spec.permission.name === 'public') continue;
      const tokens = Object.fromEntries(ROLES.map((role, i) => [role, row.expect.split(' ')[i]]));
      if (tokens.applicantA === 'ok') expect(tokens.applicantB, `${row.route} for another company`).to.equal('404');
      if (tokens.reviewerAssigned === 'ok' && spec.permission.name === 'reviewer') expect(tokens.reviewerOther, `${row.route} for another reviewer`).to.equal('404');
    }
  });

  it('when a company B applicant lists applications, teams and recognition requests, then nothing of company A is in them', async () => {
    const b = world.clients.applicantB;
    const lists = await Promise.all(['/api/applications', '/api/talent-teams', '/api/recognition-requests'].map((path) => b.get(path)));
    for (const list of lists) {
      expect(list.status).to.equal(200);
      expect(list.text).not.to.contain(world.draft);
      expect(list.text).not.to.contain(world.reviewed);
      expect(list.text).not.to.contain(world.team);
    }
    const reviews = await world.clients.reviewerOther.get('/api/reviews');
    expect(reviews.text).not.to.contain(world.review);
  });

  it('when any state-changing route is called without the session’s CSRF token, or with another, then 403 csrf_failed and nothing runs', async () => {
    const byPermission: Record<string, RoleName> = {
      public: 'anonymous', signingIn: 'anonymous', signedIn: 'applicantA', applicant: 'applicantA', reviewer: 'reviewerAssigned',
      officer: 'officer', staff: 'officer', admin: 'admin',
    };
    const rows = new Map(TABLE.map((row) => [row.route, row]));
    const exempt: string[] = [];
    const refused: string[] = [];
    for (const spec of routeTable(app.services)) {
      if (spec.method === 'get') continue;
      const route = `${spec.method.toUpperCase()} ${spec.path}`;
      if (spec.csrf === false) {
        exempt.push(route);
        continue;
      }
      const client = world.clients[byPermission[spec.permission.name]];
      const row = rows.get(route)!;
      const path = row.path(world);
      for (const token of [undefined, 'forged-token-from-elsewhere']) {
        const reply = await client.request(spec.method.toUpperCase(), path, {
          json: row.body?.(world) ?? {},
          csrf: false,
          headers: token ? { 'X-CSRF-Token': token } : {},
        });
        if (reply.status !== 403 || reply.body.code !== 'csrf_failed') refused.push(`${route}: ${reply.status} ${reply.body?.code}`);
      }
    }
    expect(refused, 'answered without a valid token').to.deep.equal([]);
    // the contract's exemptions: no session exists yet (register, login, accepting an invitation) or nothing changes (pre-check)
    expect(exempt.sort()).to.deep.equal([
      'POST /api/auth/login', 'POST /api/auth/register', 'POST /api/invitations/:token/accept', 'POST /api/programmes/:code/precheck',
    ]);
  });

  it('when every role calls every route, then each answer is the one in the table, and no answer is a 5xx', async () => {
    const mismatches: string[] = [];
    for (const row of TABLE) {
      const tokens = row.expect.split(' ');
      for (const [index, role] of ROLES.entries()) {
        const reply = await send(world.clients[role], row, world);
        if (!matches(tokens[index], reply)) {
          mismatches.push(`${row.route} as ${role}: expected ${tokens[index]}, got ${reply.status} ${reply.body?.code ?? ''}`);
        }
        if (reply.status >= 400) expect(reply.headers.get('content-type'), `${row.route} as ${role}`).to.contain('application/problem+json');
      }
    }
    expect(mismatches).to.deep.equal([]);
  });

});

// npm run bench [-- --quick]: starts Huiqi as `npm start` does (embedded PostgreSQL, RATE_LIMIT_PER_MINUTE=0), loads
// data, and measures each path beside a bare baseline measured in the same run. Writes bench/results.json and prints a
// Markdown table. Timing goals live here, never in tests. --quick runs every step briefly (a smoke test of the harness).
import { fork, spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import PDFDocument from 'pdfkit';
import { evaluate } from '../server/modules/eligibility/evaluate.ts';
import { beijingDate } from '../server/lib/dates.ts';
import { exampleHteFacts } from '../seeders/example-facts.ts';
import { defaultRuleSets } from '../server/modules/eligibility/rule-sets/index.ts';
import { renderLetter, warmUpLetters, type LetterContent } from '../server/modules/letters/render-letter.ts';
import { createRequire } from 'node:module';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const quick = process.argv.includes('--quick');
const DURATION = quick ? 1 : 8;
const CONNECTIONS = 32;
const PASSWORD = 'bench-password-1';

const hteFacts = exampleHteFacts;
const HTE_DOCUMENTS = ['business_licence', 'ip_certificates', 'rd_audit_report', 'hitech_revenue_audit', 'financial_statements', 'staff_list'];

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function waitHealthy(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(`${url}/healthz`)).status === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`no healthy ${url}/healthz after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

// BENCH_PROFILE=<folder> writes a V8 CPU profile of each platform process there (open it in Chrome DevTools).
const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_PROFILE)}`] : [];

function startPlatform(env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [...profile, '--import', 'tsx', 'server/index.ts'], { cwd: root, env, stdio: ['ignore', process.env.BENCH_VERBOSE ? 'inherit' : 'ignore', 'inherit'] });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** Peak resident memory of a process (VmHWM), in MB. */
function peakRssMb(pid: number): number | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]);
    return Number.isFinite(kb) ? Math.round(kb / 1024) : null;
  } catch {
    return null;
  }
}

/** One request of a kind before loading it: a harness mistake shows its answer instead of a table of zeros. */
async function probe(url: string, init: RequestInit, onBody?: (body: string) => void): Promise<void> {
  const reply = await fetch(url, init);
  const body = await reply.text();
  if (reply.status >= 300) throw new Error(`${init.method ?? 'GET'} ${url} answered ${reply.status}: ${body.slice(0, 300)}`);
  onBody?.(body);
}

type Load = { rps: number; p50: number; p99: number; errors: number; non2xx: number };

async function load(options: autocannon.Options): Promise<Load> {
  const result = await autocannon({ connections: CONNECTIONS, duration: DURATION, ...options });
  return {
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

class Session {
  cookie = '';
  csrf = '';
  constructor(readonly base: string) {}
  async signIn(email: string) {
    const reply = await fetch(`${this.base}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }) });
    if (reply.status !== 200) throw new Error(`sign-in of ${email} failed: ${reply.status} ${await reply.text()}`);
    this.cookie = reply.headers.getSetCookie().find((c) => c.startsWith('huiqi.sid='))!.split(';')[0];
    this.csrf = ((await reply.json()) as { csrfToken: string }).csrfToken;
    return this;
  }
  headers(json = true): Record<string, string> {
    return { Cookie: this.cookie, 'X-CSRF-Token': this.csrf, ...(json ? { 'Content-Type': 'application/json' } : {}) };
  }
}

/**
 * A high-tech call of `size` submitted applications whose S&T staff share runs from 5% to 40% (each stored with the
 * screening submission gave it), then one simulation raising the staff-share line from 10% to 20%: about a quarter flip.
 */
async function simulate(db: pg.Pool, base: string, officer: Session, size: number) {
  const { rows: [call] } = await db.query(
    `INSERT INTO calls (programme_code, title, opens_at, closes_at, grace_minutes, budget, reviewers_per_application, rule_set_uid, award_rule_set_uid)
     SELECT programme_code, 'bench simulation', opens_at, closes_at, 0, budget, reviewers_per_application, rule_set_uid, award_rule_set_uid
       FROM calls WHERE programme_code = 'high-tech-enterprise' ORDER BY created_at LIMIT 1 RETURNING id`,
  );
  const today = beijingDate();
  const variants = Array.from({ length: 36 }, (_, i) => {
    const facts = { ...hteFacts, staffTech: 5 + i };
    const screening = evaluate('high-tech-enterprise', facts, defaultRuleSets, today);
    return { facts, screening, status: screening.outcome === 'ineligible' ? 'ineligible' : 'submitted' };
  });
  let t = Date.now();
  await db.query(
    `WITH firms AS (INSERT INTO companies (name, uscc) SELECT 'sim firm ' || g, 'S' || lpad(g::text, 17, '0') FROM generate_series(1, $1::int) g RETURNING id),
          numbered AS (SELECT id, row_number() OVER () AS n FROM firms),
          variants AS (SELECT ordinality - 1 AS v, value FROM jsonb_array_elements($3::jsonb) WITH ORDINALITY)
     INSERT INTO applications (call_id, company_id, status, facts, screening, submitted_at)
     SELECT $2, numbered.id, variants.value->>'status', variants.value->'facts', variants.value->'screening', now()
       FROM numbered JOIN variants ON variants.v = numbered.n % 36`,
    [size, call.id, JSON.stringify(variants)],
  );
  await db.query('VACUUM ANALYZE applications, companies');
  const loadSeconds = (Date.now() - t) / 1000;
  t = Date.now();
  const reply = await fetch(`${base}/api/calls/${call.id}/simulate`, { method: 'POST', headers: officer.headers(), body: JSON.stringify({ parameters: { 'HTE-E04.minTechStaffShare': 0.2 } }) });
  const body = (await reply.json()) as { total: number; unchanged: number; changed: unknown[]; durationMs: number };
  const seconds = (Date.now() - t) / 1000;
  if (reply.status !== 200 || body.total !== size) throw new Error(`simulation failed: ${reply.status} ${JSON.stringify(body).slice(0, 500)}`);
  // the same call exported (streamed through a cursor): time and size of each file
  const exports: Record<string, { seconds: number; megabytes: number }> = {};
  for (const format of ['csv', 'xlsx']) {
    const started = Date.now();
    const file = await fetch(`${base}/api/calls/${call.id}/export.${format}`, { headers: officer.headers(false) });
    const bytes = (await file.arrayBuffer()).byteLength;
    if (file.status !== 200) throw new Error(`export.${format} failed: ${file.status}`);
    exports[format] = { seconds: (Date.now() - started) / 1000, megabytes: Math.round(bytes / 2 ** 20) };
  }
  return { applications: size, seconds, serverMs: body.durationMs, changed: body.changed.length, unchanged: body.unchanged, loadSeconds, exports };
}

/** Drafts of one firm across `count` copies of the open high-tech call (one application per firm and call), documents attached. */
async function prepareDrafts(db: pg.Pool, count: number, label: string, companyId: string, userId: string): Promise<string[]> {
  const template = (await db.query("SELECT * FROM calls WHERE programme_code = 'high-tech-enterprise' AND opens_at <= now() AND closes_at > now() ORDER BY created_at LIMIT 1")).rows[0];
  const content = Buffer.from(`%PDF-1.4\n% bench evidence ${label}\n%%EOF\n`);
  const sha = crypto.createHash('sha256').update(content).digest('hex');
  await db.query('INSERT INTO document_contents (sha256, content) VALUES ($1, $2) ON CONFLICT DO NOTHING', [sha, content]);
  const { rows } = await db.query(
    `WITH calls AS (
       INSERT INTO calls (programme_code, title, opens_at, closes_at, grace_minutes, budget, reviewers_per_application, rule_set_uid, award_rule_set_uid)
       SELECT programme_code, $1 || ' ' || g, opens_at, closes_at, 0, budget, reviewers_per_application, rule_set_uid, award_rule_set_uid
         FROM calls, generate_series(1, $2::int) g WHERE id = $3 RETURNING id)
     INSERT INTO applications (call_id, company_id, created_by, facts) SELECT id, $4, $5, $6::jsonb FROM calls RETURNING id`,
    [`bench ${label}`, count, template.id, companyId, userId, JSON.stringify(hteFacts)],
  );
  const ids = rows.map((r) => r.id as string);
  await db.query(
    `INSERT INTO documents (application_id, kind, filename, media_type, size, sha256, uploaded_by)
     SELECT a, k, k || '.pdf', 'application/pdf', $3, $4, $5 FROM unnest($1::uuid[]) a, unnest($2::text[]) k`,
    [ids, HTE_DOCUMENTS, content.length, sha, userId],
  );
  return ids;
}

async function main() {
  const started = Date.now();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'huiqi-bench-'));
  const port = await freePort();
  const pgPort = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(pgPort), RATE_LIMIT_PER_MINUTE: '0', DEMO_PASSWORD: PASSWORD, LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  const figures: Record<string, unknown> = {};

  // — start-up: cold (new DATA_DIR: initdb, migrations, seeds) and warm —
  let t = Date.now();
  let platform = startPlatform(env);
  await waitHealthy(base, 120_000);
  const coldMs = Date.now() - t;
  await stop(platform);
  t = Date.now();
  platform = startPlatform(env);
  await waitHealthy(base, 60_000);
  const warmMs = Date.now() - t;
  figures.start = { coldMs, warmMs };

  const databaseUrl = `postgres://postgres:${encodeURIComponent(fs.readFileSync(path.join(dataDir, 'pg-password'), 'utf8').trim())}@127.0.0.1:${pgPort}/huiqi`;
  const db = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  const portA = await freePort();
  const portB = await freePort();
  const baselines = fork(path.join(root, 'bench/baselines.ts'), [], { env: { ...process.env, BENCH_DATABASE_URL: databaseUrl, BENCH_PORT_A: String(portA), BENCH_PORT_B: String(portB) }, execArgv: ['--import', 'tsx'] });
  await new Promise((resolve) => baselines.once('message', resolve));

  try {
    const officer = await new Session(base).signIn('officer@huiqi.test');
    const firm = await new Session(base).signIn('applicant@huiqi.test');
    const { rows: [me] } = await db.query("SELECT id, company_id FROM users WHERE email = 'applicant@huiqi.test'");

    // — pre-check against A —
    const precheckBody = JSON.stringify({ facts: hteFacts });
    const baselineA = await load({ url: `http://127.0.0.1:${portA}/echo`, method: 'POST', headers: { 'Content-Type': 'application/json' }, body: precheckBody });
    const precheck = await load({ url: `${base}/api/programmes/high-tech-enterprise/precheck`, method: 'POST', headers: { 'Content-Type': 'application/json' }, body: precheckBody });

    // — autosave and submission against B —
    const autosavePayload = JSON.stringify({ facts: { staffTotal: 101 }, version: 1 });
    const baselineB = await load({ url: `http://127.0.0.1:${portB}/insert`, method: 'POST', headers: { 'Content-Type': 'application/json' }, body: autosavePayload });
    const autosaveDrafts = await prepareDrafts(db, CONNECTIONS, 'autosave', me.company_id, me.id);
    // autocannon clears a request's context between requests, so drafts (with the version each last saw) live in a pool:
    // a request takes one, its response puts it back with the new version; 32 connections never hold more than 32
    const pool = autosaveDrafts.map((id) => ({ id, version: 1 }));
    let edits = 0;
    await probe(`${base}/api/applications/${pool[0].id}`, { method: 'PATCH', headers: firm.headers(), body: JSON.stringify({ facts: { staffTotal: 100 }, version: 1 }) }, (body) => {
      pool[0].version = (JSON.parse(body) as { version: number }).version;
    });
    const autosave = await load({
      url: base,
      requests: [
        {
          setupRequest: (request: Record<string, unknown>, context: Record<string, unknown>) => {
            const slot = pool.shift()!;
            context.slot = slot;
            return { ...request, method: 'PATCH', path: `/api/applications/${slot.id}`, headers: firm.headers(), body: JSON.stringify({ facts: { staffTotal: 100 + (++edits % 50) }, version: slot.version }) };
          },
          onResponse: (status: number, body: string, context: Record<string, unknown>) => {
            const slot = context.slot as { id: string; version: number };
            if (status === 200) slot.version = (JSON.parse(body) as { version: number }).version;
            pool.push(slot);
          },
        },
      ] as never,
    });
    const submissions = quick ? 64 : 800;
    // every connection builds one request ahead: prepare that many more drafts than are submitted
    const submitDrafts = await prepareDrafts(db, submissions + CONNECTIONS * 2, 'submit', me.company_id, me.id);
    let nextSubmit = 0;
    await probe(`${base}/api/applications/${submitDrafts[nextSubmit++]}/submit`, { method: 'POST', headers: firm.headers(false) });
    const submitResult = await autocannon({
      url: base,
      connections: CONNECTIONS,
      amount: submissions,
      requests: [{ setupRequest: (request: Record<string, unknown>) => ({ ...request, method: 'POST', path: `/api/applications/${submitDrafts[nextSubmit++]}/submit`, headers: firm.headers(false) }) }] as never,
    });
    const submission: Load = {
      rps: Math.round(submitResult.requests.total / Math.max(0.001, submitResult.duration)),
      p50: submitResult.latency.p50,
      p99: submitResult.latency.p99,
      errors: submitResult.errors + submitResult.timeouts,
      non2xx: submitResult.non2xx,
    };

    // — the officer's list of a call with 10,000 applications —
    const listSize = quick ? 1_000 : 10_000;
    const { rows: [listCall] } = await db.query(
      `INSERT INTO calls (programme_code, title, opens_at, closes_at, grace_minutes, budget, reviewers_per_application, rule_set_uid, award_rule_set_uid)
       SELECT programme_code, 'bench list', opens_at, closes_at, 0, budget, reviewers_per_application, rule_set_uid, award_rule_set_uid
         FROM calls WHERE programme_code = 'high-tech-enterprise' ORDER BY created_at LIMIT 1 RETURNING id`,
    );
    await db.query(
      `WITH firms AS (INSERT INTO companies (name, uscc) SELECT 'bench firm ' || g, 'B' || lpad(g::text, 17, '0') FROM generate_series(1, $1::int) g RETURNING id)
       INSERT INTO applications (call_id, company_id, status, facts, submitted_at)
       SELECT $2, id, (ARRAY['submitted','in_review','scored','ineligible'])[1 + (row_number() OVER ()) % 4], $3::jsonb, now() - (row_number() OVER ()) * interval '1 second' FROM firms`,
      [listSize, listCall.id, JSON.stringify(hteFacts)],
    );
    // a bulk load is followed by VACUUM ANALYZE, as autovacuum would soon do: statistics and the visibility map
    await db.query('VACUUM ANALYZE applications, companies');
    await probe(`${base}/api/applications?callId=${listCall.id}&status=submitted&limit=50&offset=100`, { headers: officer.headers(false) });
    const list = await load({
      url: base,
      requests: [{ setupRequest: (request: Record<string, unknown>) => ({ ...request, method: 'GET', path: `/api/applications?callId=${listCall.id}&status=submitted&limit=50&offset=${50 * Math.floor(Math.random() * 40)}`, headers: officer.headers(false) }) }] as never,
    });

    figures.http = { baselineA, precheck, baselineB, autosave, submission, list };

    // — what-if simulation over 100,000 submitted applications —
    figures.simulation = await simulate(db, base, officer, quick ? 5_000 : 100_000);
    figures.rssMb = peakRssMb(platform.pid!);
  } finally {
    baselines.kill('SIGTERM');
    await db.end();
    await stop(platform);
  }

  // — in-process: letters against bare pdfkit, the rules engine —
  warmUpLetters();
  const letterCount = quick ? 10 : 200;
  const content: LetterContent = {
    kind: 'approval', language: 'zh-CN', reference: '穗科创〔2026〕1号', version: 1, issuedOn: '2026-11-28', verifyUrl: 'https://huiqi.example/verify/ABCDEFGHJKMN',
    company: { name: '广州示例科技有限公司', uscc: '91440101MA59TF6Q4Q' }, programme: { name: { zh: '高新技术企业认定', en: 'HTE' }, policyBasis: '国科发火〔2016〕32号' }, call: { title: '2026年度高新技术企业认定奖励申报' },
    screening: null, scores: { reviewers: 5, mean: 80, final: 80, spread: 5 },
    decision: { outcome: 'approved', stage: 'first', amount: 500_000, awardAmount: 500_000, amountReason: null, reasons: [], note: null, decidedOn: '2026-11-28', appealDeadline: null, payments: [{ label: { zh: '一次性资助', en: 'One-off' }, amount: 500_000, when: { zh: '公示期满后', en: 'After the notice' } }] },
  };
  t = Date.now();
  for (let i = 0; i < letterCount; i++) await renderLetter(content, 'ABCDEFGHJKMN');
  const lettersPerSecond = letterCount / ((Date.now() - t) / 1000);
  const font = fs.readFileSync(createRequire(import.meta.url).resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'));
  const bareText = '立项通知书 穗科创〔2026〕1号 广州示例科技有限公司 资助金额 人民币 500,000 元 行政复议 行政诉讼 '.repeat(20);
  t = Date.now();
  for (let i = 0; i < letterCount; i++) {
    const doc = new PDFDocument({ size: 'A4' });
    doc.registerFont('regular', font);
    const done = new Promise((resolve) => doc.on('end', resolve));
    doc.on('data', () => undefined);
    doc.font('regular').fontSize(11).text(bareText);
    doc.end();
    await done;
  }
  const barePdfPerSecond = letterCount / ((Date.now() - t) / 1000);
  // warmed up first: the figure is the steady state, not the compiler's first pass
  for (let i = 0; i < 2_000; i++) evaluate('high-tech-enterprise', hteFacts, defaultRuleSets, '2026-11-28');
  let evaluations = 0;
  t = Date.now();
  while (Date.now() - t < (quick ? 300 : 3_000)) {
    for (let i = 0; i < 100; i++) evaluate('high-tech-enterprise', hteFacts, defaultRuleSets, '2026-11-28');
    evaluations += 100;
  }
  const evaluationsPerSecond = evaluations / ((Date.now() - t) / 1000);
  figures.inProcess = { lettersPerSecond: Math.round(lettersPerSecond), barePdfPerSecond: Math.round(barePdfPerSecond), evaluationsPerSecond: Math.round(evaluationsPerSecond) };

  const http = figures.http as Record<string, Load>;
  const simulation = figures.simulation as { applications: number; seconds: number; serverMs: number; changed: number; unchanged: number; loadSeconds: number };
  const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
  const goals = [
    { name: 'pre-check vs baseline A', value: ratio(http.precheck.rps, http.baselineA.rps), goal: '≥ 0.6', met: http.precheck.rps / http.baselineA.rps >= 0.6 },
    { name: 'pre-check p99 (ms)', value: http.precheck.p99, goal: '≤ 50', met: http.precheck.p99 <= 50 },
    { name: 'autosave vs baseline B', value: ratio(http.autosave.rps, http.baselineB.rps), goal: '≥ 0.5', met: http.autosave.rps / http.baselineB.rps >= 0.5 },
    { name: 'autosave p99 (ms)', value: http.autosave.p99, goal: '≤ 100', met: http.autosave.p99 <= 100 },
    { name: 'submission vs baseline B', value: ratio(http.submission.rps, http.baselineB.rps), goal: '≥ 0.25', met: http.submission.rps / http.baselineB.rps >= 0.25 },
    { name: 'submission p99 (ms)', value: http.submission.p99, goal: '≤ 100', met: http.submission.p99 <= 100 },
    { name: 'list p99 (ms)', value: http.list.p99, goal: '≤ 50', met: http.list.p99 <= 50 },
    { name: 'letters vs bare pdfkit', value: ratio(lettersPerSecond, barePdfPerSecond), goal: '≥ 0.7', met: lettersPerSecond / barePdfPerSecond >= 0.7 },
    { name: 'letters per second', value: Math.round(lettersPerSecond), goal: '≥ 30', met: lettersPerSecond >= 30 },
    { name: 'engine evaluations per second', value: Math.round(evaluationsPerSecond), goal: '≥ 100,000', met: evaluationsPerSecond >= 100_000 },
    { name: 'warm start (ms)', value: warmMs, goal: '≤ 5000', met: warmMs <= 5_000 },
    { name: 'cold start (ms)', value: coldMs, goal: '≤ 20000', met: coldMs <= 20_000 },
    { name: `what-if simulation of ${simulation.applications.toLocaleString('en')} (s)`, value: simulation.seconds, goal: '≤ 10', met: simulation.seconds <= 10 },
    { name: 'peak RSS (MB)', value: figures.rssMb as number, goal: '≤ 300', met: (figures.rssMb as number) <= 300 },
  ];
  const machine = { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.release()}` };
  const results = { at: new Date().toISOString(), quick, durationSeconds: DURATION, connections: CONNECTIONS, machine, figures, goals, benchSeconds: Math.round((Date.now() - started) / 1000) };
  fs.writeFileSync(path.join(root, quick ? 'bench/results.quick.json' : 'bench/results.json'), JSON.stringify(results, null, 2) + '\n');

  const rows = [
    '| path | req/s | p50 ms | p99 ms | non-2xx | baseline req/s | ratio |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    `| pre-check | ${http.precheck.rps} | ${http.precheck.p50} | ${http.precheck.p99} | ${http.precheck.non2xx} | A ${http.baselineA.rps} | ${ratio(http.precheck.rps, http.baselineA.rps)} |`,
    `| autosave PATCH | ${http.autosave.rps} | ${http.autosave.p50} | ${http.autosave.p99} | ${http.autosave.non2xx} | B ${http.baselineB.rps} | ${ratio(http.autosave.rps, http.baselineB.rps)} |`,
    `| submission | ${http.submission.rps} | ${http.submission.p50} | ${http.submission.p99} | ${http.submission.non2xx} | B ${http.baselineB.rps} | ${ratio(http.submission.rps, http.baselineB.rps)} |`,
    `| officer list (${quick ? '1,000' : '10,000'} applications) | ${http.list.rps} | ${http.list.p50} | ${http.list.p99} | ${http.list.non2xx} | — | — |`,
    '',
    '| goal | value | target | met |',
    '| --- | ---: | --- | --- |',
    ...goals.map((g) => `| ${g.name} | ${g.value} | ${g.goal} | ${g.met ? 'yes' : '**no**'} |`),
  ];
  console.log(`\nHuiqi bench${quick ? ' (quick)' : ''} — ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGb} GB, Node ${machine.node}\n`);
  console.log(rows.join('\n'));
  const broken = Object.values(http).filter((l) => l.errors > 0);
  if (broken.length > 0 || http.precheck.non2xx > 0 || http.autosave.non2xx > 0 || http.submission.non2xx > 0 || http.list.non2xx > 0) {
    console.error('\nsome requests failed: the figures above are not trustworthy');
    process.exitCode = 1;
  }
}

await main();

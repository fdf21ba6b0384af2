import { expect } from 'chai';
import ExcelJS from 'exceljs';
import { startTestApp, type TestApp } from '../../support/app.ts';
import { TestClient } from '../../support/client.ts';
import { signedInApplicant } from '../../support/factories.ts';
import { scoredCall, UNICORN_AWARD } from '../decisions/support.ts';
import { submittedApplication } from '../reviews/support.ts';

/** RFC 4180 rows (quoted fields with doubled quotes, CRLF line ends). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += ch;
  }
  return rows;
}

describe('call exports', () => {
  let app: TestApp;
  let callId: string;
  let officer: TestClient;
  let ids: string[];
  before(async () => {
    app = await startTestApp();
    const scored = await scoredCall(app, [0.9, 0.6], 10_000_000);
    callId = scored.call.id;
    officer = scored.officer;
    ids = scored.firms.map((f) => f.applicationId);
    // one more, screened out at submission, from a firm whose name a spreadsheet would take for a formula
    const odd = await submittedApplication(app, callId, 'unicorn-cultivation', { valuationUsd: 50_000_000 }, 'ineligible');
    ids.push(odd.applicationId);
    await app.db.sequelize.query(`UPDATE companies SET name = '=HYPERLINK("http://evil.test","广州, "引号"公司")' WHERE id = (SELECT company_id FROM applications WHERE id = :id)`, { replacements: { id: odd.applicationId } });
    expect((await officer.post(`/api/applications/${ids[0]}/decision`, { outcome: 'approved' })).status).to.equal(200);
    expect((await officer.post(`/api/applications/${ids[1]}/decision`, { outcome: 'rejected', reasons: ['score_below_line'] })).status).to.equal(200);
  });
  after(async () => {
    await app.close();
  });

  it('when an officer downloads the CSV, then it is UTF-8 with a BOM, one row per submitted application with the screening, score, decision and amount, and formulas are neutralised', async () => {
    const reply = await officer.download(`/api/calls/${callId}/export.csv`);
    expect(reply.status).to.equal(200);
    expect(reply.headers.get('content-type')).to.match(/^text\/csv; charset=utf-8/);
    expect(reply.headers.get('content-disposition')).to.match(/^attachment; filename="?huiqi-call-[0-9a-f-]+\.csv"?$/);
    expect([...reply.content.subarray(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(reply.content.toString('utf8').slice(1));
    expect(rows[0]).to.deep.equal(['企业名称', '统一社会信用代码', '状态', '资格审查', '未通过条件', '评审平均分', '决定', '金额（元）', '提交时间（北京时间）', '申报编号']);
    expect(rows).to.have.length(4);
    const byId = new Map(rows.slice(1).map((r) => [r[9], r]));
    expect(byId.get(ids[0])!.slice(2, 8)).to.deep.equal(['已批准', '符合', '', byId.get(ids[0])![5], '立项', String(UNICORN_AWARD)]);
    expect(Number(byId.get(ids[0])![5])).to.be.greaterThan(Number(byId.get(ids[1])![5]));
    expect(byId.get(ids[1])!.slice(6, 8)).to.deep.equal(['不予立项', '']);
    const odd = byId.get(ids[2])!;
    expect(odd[0]).to.equal(`'=HYPERLINK("http://evil.test","广州, "引号"公司")`);
    expect(odd.slice(2, 5)).to.deep.equal(['不符合条件', '不符合', 'UNI-E04']);
    expect(odd[8]).to.match(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  });

  it('when an officer downloads the XLSX in English, then the workbook reads back with the same rows', async () => {
    officer.language = 'en';
    const reply = await officer.download(`/api/calls/${callId}/export.xlsx`);
    officer.language = 'zh-CN';
    expect(reply.status).to.equal(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(reply.content as never);
    const sheet = workbook.getWorksheet('Applications')!;
    expect(sheet.getRow(1).values).to.deep.equal([undefined, 'Company', 'USCC', 'Status', 'Screening', 'Failed criteria', 'Mean score', 'Decision', 'Amount (yuan)', 'Submitted (Beijing time)', 'Application id']);
    expect(sheet.rowCount).to.equal(4);
    const rows = new Map<string, ExcelJS.CellValue[]>();
    sheet.eachRow((row, n) => {
      if (n > 1) rows.set(String(row.getCell(10).value), row.values as ExcelJS.CellValue[]);
    });
    expect(rows.get(ids[0])!.slice(3, 5)).to.deep.equal(['Approved', 'eligible']);
    expect(rows.get(ids[0])![7]).to.equal('approved');
    expect(rows.get(ids[0])![8]).to.equal(UNICORN_AWARD);
    expect(typeof rows.get(ids[0])![6]).to.equal('number');
    expect(rows.get(ids[2])![5]).to.equal('UNI-E04');
    expect(String(rows.get(ids[2])![1]).startsWith("'=")).to.equal(true);
  });

  it('when the client goes away in the middle of a large export, then the export stops and its snapshot and connection are released', async () => {
    const [[big]] = (await app.db.sequelize.query(
      `INSERT INTO calls (programme_code, title, opens_at, closes_at, grace_minutes, budget, reviewers_per_application, rule_set_uid, award_rule_set_uid)
       SELECT programme_code, 'export abandoned', opens_at, closes_at, 0, budget, reviewers_per_application, rule_set_uid, award_rule_set_uid FROM calls WHERE id = :callId RETURNING id`,
      { replacements: { callId } },
    )) as [{ id: string }[], unknown];
    await app.db.sequelize.query(
      `WITH firms AS (INSERT INTO companies (name, uscc) SELECT 'export firm ' || g, :prefix || lpad(g::text, 13, '0') FROM generate_series(1, 20000) g RETURNING id)
       INSERT INTO applications (call_id, company_id, status, facts, submitted_at) SELECT :id, id, 'submitted', '{}'::jsonb, now() FROM firms`,
      { replacements: { id: big.id, prefix: `E${crypto.randomUUID().replaceAll('-', '').slice(0, 4).toUpperCase()}` } },
    );
    const abort = new AbortController();
    const reply = await fetch(`${app.baseUrl}/api/calls/${big.id}/export.csv`, { headers: { Cookie: officer.cookie! }, signal: abort.signal });
    expect(reply.status).to.equal(200);
    const reader = reply.body!.getReader();
    await reader.read();
    abort.abort();
    // the cursor's read-only transaction ends instead of waiting for a reader that is gone
    const open = async () =>
      (await app.db.sequelize.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'FETCH % FROM rows' AND state LIKE 'idle in transaction%'`, { plain: true })) as { n: number };
    const deadline = Date.now() + 10_000;
    let n = (await open()).n;
    while (n > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      n = (await open()).n;
    }
    expect(n).to.equal(0);
    // and the server still answers exports
    expect((await officer.download(`/api/calls/${callId}/export.csv`)).status).to.equal(200);
  });

  it('when a firm, a visitor or an unknown call is asked for, then 403 / 401 / 404 and no file', async () => {
    const firm = await signedInApplicant(app.baseUrl);
    expect((await firm.client.download(`/api/calls/${callId}/export.csv`)).status).to.equal(403);
    expect((await new TestClient(app.baseUrl).download(`/api/calls/${callId}/export.xlsx`)).status).to.equal(401);
    expect((await officer.download(`/api/calls/${crypto.randomUUID()}/export.csv`)).status).to.equal(404);
  });
});

// A call's applications as a spreadsheet, streamed: rows go out as the cursor reads them, so a call of 100,000
// applications never sits in memory. CSV is UTF-8 with a BOM (Excel then reads Chinese correctly); XLSX is
// written by exceljs' streaming writer. Cells that a spreadsheet would run as a formula are neutralised.
import type { Writable } from 'node:stream';
import { once } from 'node:events';
import ExcelJS from 'exceljs';
import type { Language } from '../../i18n/language.ts';
import type { ApplicationStatus } from '../applications/application-status.ts';
import { statusNames } from '../applications/status-names.ts';
import type { ExportRow, InsightRepository } from './insight.repository.ts';

export type ExportFormat = 'csv' | 'xlsx';

const COLUMNS = [
  { key: 'company', zh: '企业名称', en: 'Company', width: 32 },
  { key: 'uscc', zh: '统一社会信用代码', en: 'USCC', width: 22 },
  { key: 'status', zh: '状态', en: 'Status', width: 14 },
  { key: 'screening', zh: '资格审查', en: 'Screening', width: 14 },
  { key: 'failed', zh: '未通过条件', en: 'Failed criteria', width: 22 },
  { key: 'score', zh: '评审平均分', en: 'Mean score', width: 12 },
  { key: 'decision', zh: '决定', en: 'Decision', width: 12 },
  { key: 'amount', zh: '金额（元）', en: 'Amount (yuan)', width: 16 },
  { key: 'submittedAt', zh: '提交时间（北京时间）', en: 'Submitted (Beijing time)', width: 22 },
  { key: 'applicationId', zh: '申报编号', en: 'Application id', width: 38 },
] as const;

const OUTCOMES: Record<string, { zh: string; en: string }> = {
  eligible: { zh: '符合', en: 'eligible' },
  ineligible: { zh: '不符合', en: 'not eligible' },
  incomplete: { zh: '待补充', en: 'incomplete' },
  approved: { zh: '立项', en: 'approved' },
  rejected: { zh: '不予立项', en: 'rejected' },
  revoked: { zh: '已撤销', en: 'revoked' },
};

/** Text a spreadsheet would take for a formula (=, +, -, @, tab, CR) is prefixed with an apostrophe (OWASP CSV injection). */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function beijingTime(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

function cells(row: ExportRow, language: Language): (string | number | null)[] {
  const word = (names: Record<string, { zh: string; en: string }>, key: string | null) =>
    key === null ? '' : (names[key]?.[language === 'en' ? 'en' : 'zh'] ?? key);
  const decision = row.decision === null ? null : row.revoked ? 'revoked' : row.decision;
  return [
    neutralise(row.companyName),
    row.uscc,
    word(statusNames as Record<ApplicationStatus, { zh: string; en: string }>, row.status),
    word(OUTCOMES, row.screeningOutcome),
    row.failedCriteria ?? '',
    row.score,
    word(OUTCOMES, decision),
    decision === 'approved' ? row.amount : null,
    beijingTime(new Date(row.submittedAt)),
    row.id,
  ];
}

function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const BATCH = 1_000;

export function makeExportCall(deps: { insight: InsightRepository }) {
  /**
   * Writes the export to `out`, waiting for it to drain between batches. `signal` (aborted when the client goes away)
   * stops the run, so an abandoned download neither waits forever nor keeps its snapshot and connection open.
   */
  return async function exportCall(callId: string, format: ExportFormat, language: Language, out: Writable, signal?: AbortSignal): Promise<number> {
    const headers = COLUMNS.map((c) => (language === 'en' ? c.en : c.zh));
    let count = 0;
    const drained = async () => {
      signal?.throwIfAborted();
      if (out.writableNeedDrain) await once(out, 'drain', { signal });
    };
    if (format === 'csv') {
      const write = async (text: string) => {
        out.write(text);
        await drained();
      };
      await write(`\uFEFF${headers.map(csvField).join(',')}\r\n`);
      await deps.insight.forEachExportRow(callId, BATCH, async (rows) => {
        await write(rows.map((row) => `${cells(row, language).map(csvField).join(',')}\r\n`).join(''));
        count += rows.length;
      });
      out.end();
      return count;
    }
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    const sheet = workbook.addWorksheet(language === 'en' ? 'Applications' : '申报', { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = COLUMNS.map((c, i) => ({ header: headers[i], key: c.key, width: c.width }));
    sheet.getRow(1).font = { bold: true };
    sheet.getColumn('amount').numFmt = '#,##0';
    sheet.getColumn('score').numFmt = '0.00';
    await deps.insight.forEachExportRow(callId, BATCH, async (rows) => {
      for (const row of rows) sheet.addRow(cells(row, language)).commit();
      count += rows.length;
      await drained();
    });
    sheet.commit();
    await workbook.commit();
    return count;
  };
}

// A call's applications as a spreadsheet, streamed: rows go out as the cursor reads them, so a call of 100,000
// applications never sits in memory. CSV is UTF-8 with a BOM (Excel then reads Chinese correctly); XLSX is
// written by exceljs' streaming writer. Cells that a spreadsheet would run as a formula are neutralised.
import fs from 'node:fs';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import type { Language } from '../../i18n/language.ts';
import type { ApplicationStatus } from '../applications/application-status.ts';
import { statusNames } from '../applications/status-names.ts';
import type { ExportRow, InsightRepository } from './insight.repository.ts';

export type ExportFormat = 'csv' | 'xlsx';

// Column keys and widths here; their headings and the outcome words in templates/exports/labels.<language>.json,
// editable like the letters' wording.
const COLUMNS = [
  { key: 'company', width: 32 },
  { key: 'uscc', width: 22 },
  { key: 'status', width: 14 },
  { key: 'screening', width: 14 },
  { key: 'failed', width: 22 },
  { key: 'score', width: 12 },
  { key: 'decision', width: 12 },
  { key: 'amount', width: 16 },
  { key: 'submittedAt', width: 22 },
  { key: 'applicationId', width: 38 },
] as const;

type ExportLabels = { sheet: string; columns: Record<(typeof COLUMNS)[number]['key'], string>; outcomes: Record<string, string> };
const labelsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../templates/exports');
const labelCache = new Map<Language, ExportLabels>();
function labelsFor(language: Language): ExportLabels {
  let labels = labelCache.get(language);
  if (!labels) {
    labels = JSON.parse(fs.readFileSync(path.join(labelsDir, `labels.${language}.json`), 'utf8')) as ExportLabels;
    labelCache.set(language, labels);
  }
  return labels;
}

/** Text a spreadsheet would take for a formula (=, +, -, @, tab, CR) is prefixed with an apostrophe (OWASP CSV injection). */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function beijingTime(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

function cells(row: ExportRow, language: Language, labels: ExportLabels): (string | number | null)[] {
  const outcome = (key: string | null) => (key === null ? '' : (labels.outcomes[key] ?? key));
  const status = statusNames[row.status as ApplicationStatus];
  const decision = row.decision === null ? null : row.revoked ? 'revoked' : row.decision;
  return [
    neutralise(row.companyName),
    row.uscc,
    status ? status[language === 'en' ? 'en' : 'zh'] : row.status,
    outcome(row.screeningOutcome),
    row.failedCriteria ?? '',
    row.score,
    outcome(decision),
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
    const labels = labelsFor(language);
    const headers = COLUMNS.map((c) => labels.columns[c.key]);
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
        await write(rows.map((row) => `${cells(row, language, labels).map(csvField).join(',')}\r\n`).join(''));
        count += rows.length;
      });
      out.end();
      return count;
    }
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    const sheet = workbook.addWorksheet(labels.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = COLUMNS.map((c, i) => ({ header: headers[i], key: c.key, width: c.width }));
    sheet.getRow(1).font = { bold: true };
    sheet.getColumn('amount').numFmt = '#,##0';
    sheet.getColumn('score').numFmt = '0.00';
    await deps.insight.forEachExportRow(callId, BATCH, async (rows) => {
      for (const row of rows) sheet.addRow(cells(row, language, labels)).commit();
      count += rows.length;
      await drained();
    });
    sheet.commit();
    await workbook.commit();
    return count;
  };
}

// Decision letters as PDF (pdfkit, Noto Sans SC embedded as a subset). The wording lives in editable templates,
// templates/letters/<kind>.<language>.txt: Mustache placeholders, then one block per paragraph:
//   "# "  title          "> "  right-aligned line (reference, date)     "## " section heading
//   [screening] [scores] [payments] [points] [verification]  tables and the QR code, drawn from the letter's data
// The words of those tables live in templates/letters/labels.<language>.json.
// A blank line ends a paragraph. Fonts and templates are read once per process.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import * as fontkit from 'fontkit';
import Mustache from 'mustache';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

export type LetterKind = 'approval' | 'rejection' | 'revocation' | 'appeal_outcome' | 'recognition';
export type LetterLanguage = 'zh-CN' | 'en';
type Bilingual = { zh: string; en: string };

export type LetterContent = {
  kind: LetterKind;
  language: LetterLanguage;
  reference: string;
  version: number;
  issuedOn: string;
  verifyUrl: string;
  company: { name: string; uscc: string };
  programme: { name: Bilingual; policyBasis: string };
  call: { title: string };
  screening: { outcome: string; ruleSet: { id: string; version: number }; criteria: { id: string; outcome: string; message: Bilingual }[] } | null;
  scores: { reviewers: number; mean: number; final: number; spread: number } | null;
  decision: {
    outcome: 'approved' | 'rejected';
    stage: 'first' | 'appeal';
    amount: number;
    awardAmount: number | null;
    amountReason: string | null;
    reasons: Bilingual[];
    note: string | null;
    decidedOn: string;
    appealDeadline: string | null;
    payments: { label: Bilingual; amount: number; when: Bilingual }[];
  };
  appeal?: { filedOn: string; score: number | null } | null;
  revocation?: { reason: string; objectionReference: string | null; revokedOn: string } | null;
  reissue?: { reason: string; replaces: number } | null;
  /** A recognition letter's member and points (residence points, per member). */
  recognition?: {
    memberName: string;
    idNumberMasked: string | null;
    teamName: string;
    asOf: string;
    items: { id: string; label: Bilingual; computed: number; confirmed: number; reason: string | null }[];
    total: number;
    threshold: number;
    recognised: boolean;
  } | null;
};

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const require = createRequire(import.meta.url);
let fonts: { regular: fontkit.Font; bold: fontkit.Font } | null = null;
const templates = new Map<string, string>();

/**
 * The fonts, parsed once per process and shared by every letter: pdfkit takes a parsed font in place of the file,
 * so a letter neither re-reads nor re-parses 10 MB of CJK font, and glyph layouts found once are reused.
 */
function loadFonts() {
  const parse = (file: string) => fontkit.create(fs.readFileSync(require.resolve(file)));
  fonts ??= {
    regular: parse('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'),
    bold: parse('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf'),
  };
  return fonts;
}

function loadTemplate(kind: LetterKind, language: LetterLanguage): string {
  const key = `${kind}.${language}`;
  let text = templates.get(key);
  if (text === undefined) {
    text = fs.readFileSync(path.join(root, 'templates/letters', `${key}.txt`), 'utf8');
    templates.set(key, text);
  }
  return text;
}

/** Reads fonts and templates now rather than on the first letter. */
export function warmUpLetters() {
  loadFonts();
  for (const language of ['zh-CN', 'en'] as const) {
    labelsFor(language);
    for (const kind of ['approval', 'rejection', 'revocation', 'appeal_outcome', 'recognition'] as const) loadTemplate(kind, language);
  }
}

/** The words the letter's tables use (column headers, outcomes): editable beside the templates, labels.<language>.json. */
type LetterLabels = Record<'adjustReason' | 'amount' | 'code' | 'computed' | 'confirmed' | 'criterion' | 'detail' | 'eligible' | 'fail' | 'final' | 'incomplete' | 'ineligible' | 'item' | 'mean' | 'missing' | 'outcome' | 'pass' | 'pointsItem' | 'result' | 'review' | 'reviewers' | 'ruleSet' | 'spread' | 'total' | 'tranche' | 'value' | 'verify' | 'when', string>;
const labelCache = new Map<LetterLanguage, LetterLabels>();
function labelsFor(language: LetterLanguage): LetterLabels {
  let found = labelCache.get(language);
  if (!found) {
    found = JSON.parse(fs.readFileSync(path.join(root, 'templates/letters', `labels.${language}.json`), 'utf8')) as LetterLabels;
    labelCache.set(language, found);
  }
  return found;
}

export function formatYuan(amount: number, language: LetterLanguage): string {
  const digits = amount.toLocaleString('en-US');
  return language === 'en' ? `CNY ${digits}` : `人民币 ${digits} 元`;
}

export function formatDate(day: string, language: LetterLanguage): string {
  const [y, m, d] = day.split('-').map(Number);
  if (language === 'en') return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return `${y}年${m}月${d}日`;
}

/** Values the templates may print; one line each, so a value can never start a block of its own. */
export function letterView(content: LetterContent): Record<string, unknown> {
  const lang = content.language;
  const pick = (b: Bilingual) => (lang === 'en' ? b.en : b.zh);
  const oneLine = (value: string | null | undefined) => (value ? value.replace(/\s*[\r\n]+\s*/g, ' ').trim() : '');
  const d = content.decision;
  return {
    reference: content.reference,
    issuedDate: formatDate(content.issuedOn, lang),
    companyName: oneLine(content.company.name),
    uscc: content.company.uscc,
    programmeName: pick(content.programme.name),
    policyBasis: oneLine(content.programme.policyBasis),
    callTitle: oneLine(content.call.title),
    decidedDate: formatDate(d.decidedOn, lang),
    amountText: d.outcome === 'approved' ? formatYuan(d.amount, lang) : '',
    awardAmountText: d.awardAmount !== null ? formatYuan(d.awardAmount, lang) : '',
    lowered: d.awardAmount !== null && d.amount < d.awardAmount,
    amountReason: oneLine(d.amountReason),
    reasonsText: d.reasons.map(pick).join(lang === 'en' ? '; ' : '；'),
    note: oneLine(d.note),
    appealDeadline: d.appealDeadline ? formatDate(d.appealDeadline, lang) : '',
    approved: d.outcome === 'approved',
    rejected: d.outcome === 'rejected',
    appealFiledDate: content.appeal ? formatDate(content.appeal.filedOn, lang) : '',
    appealScore: content.appeal?.score ?? '',
    revocationReason: oneLine(content.revocation?.reason),
    objectionReference: content.revocation?.objectionReference ?? '',
    revokedDate: content.revocation ? formatDate(content.revocation.revokedOn, lang) : '',
    reissued: Boolean(content.reissue),
    reissueReason: oneLine(content.reissue?.reason),
    version: content.version,
    verifyUrl: content.verifyUrl,
    memberName: oneLine(content.recognition?.memberName),
    idNumberMasked: content.recognition?.idNumberMasked ?? '',
    teamName: oneLine(content.recognition?.teamName),
    asOfDate: content.recognition ? formatDate(content.recognition.asOf, lang) : '',
    totalPoints: content.recognition ? content.recognition.total.toFixed(2) : '',
    thresholdPoints: content.recognition?.threshold ?? '',
    recognised: content.recognition?.recognised ?? false,
    notRecognised: content.recognition ? !content.recognition.recognised : false,
  };
}

type Doc = InstanceType<typeof PDFDocument>;

/** Private-use characters around every substituted value (see renderLetter); never printed. */
const VALUE_START = '\uE000';
const VALUE_END = '\uE001';
const unfence = (text: string) => text.replace(/[\uE000\uE001]/g, '');

function ensureRoom(doc: Doc, height: number) {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

function table(doc: Doc, columns: { header: string; width: number; align?: 'left' | 'right' }[], rows: string[][]) {
  const left = doc.page.margins.left;
  const padding = 4;
  const drawRow = (cells: string[], bold: boolean) => {
    doc.font(bold ? 'bold' : 'regular').fontSize(9.5);
    const height = Math.max(...cells.map((cell, i) => doc.heightOfString(cell, { width: columns[i].width - 2 * padding }))) + 2 * padding;
    ensureRoom(doc, height);
    const top = doc.y;
    let x = left;
    cells.forEach((cell, i) => {
      doc.text(cell, x + padding, top + padding, { width: columns[i].width - 2 * padding, align: columns[i].align ?? 'left' });
      x += columns[i].width;
    });
    doc.moveTo(left, top + height).lineTo(x, top + height).lineWidth(0.5).strokeColor('#888888').stroke();
    doc.x = left;
    doc.y = top + height;
  };
  drawRow(columns.map((c) => c.header), true);
  for (const row of rows) drawRow(row, false);
  doc.moveDown(0.6);
  doc.font('regular').fontSize(11);
}

function drawScreening(doc: Doc, content: LetterContent) {
  const l = labelsFor(content.language);
  const s = content.screening;
  if (!s) return;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  doc.fontSize(10).text(`${l.ruleSet}: ${s.ruleSet.id} v${s.ruleSet.version} · ${l.outcome}: ${l[s.outcome as 'eligible'] ?? s.outcome}`);
  doc.moveDown(0.3);
  table(
    doc,
    [{ header: l.criterion, width: 70 }, { header: l.result, width: 80 }, { header: l.detail, width: width - 150 }],
    s.criteria.map((c) => [c.id, l[c.outcome as 'pass'] ?? c.outcome, content.language === 'en' ? c.message.en : c.message.zh]),
  );
}

function drawScores(doc: Doc, content: LetterContent) {
  const l = labelsFor(content.language);
  const s = content.scores;
  if (!s) return;
  table(doc, [{ header: l.item, width: 220 }, { header: l.value, width: 100, align: 'right' }], [
    [l.reviewers, String(s.reviewers)],
    [l.mean, s.mean.toFixed(2)],
    [l.final, s.final.toFixed(2)],
    [l.spread, s.spread.toFixed(2)],
  ]);
}

function drawPoints(doc: Doc, content: LetterContent) {
  const l = labelsFor(content.language);
  const r = content.recognition;
  if (!r) return;
  const pick = (b: Bilingual) => (content.language === 'en' ? b.en : b.zh);
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  table(
    doc,
    [{ header: l.pointsItem, width: 170 }, { header: l.computed, width: 70, align: 'right' }, { header: l.confirmed, width: 70, align: 'right' }, { header: l.adjustReason, width: width - 310 }],
    [
      ...r.items.map((item) => [`${item.id} ${pick(item.label)}`, item.computed.toFixed(2), item.confirmed.toFixed(2), item.reason ?? '']),
      [l.total, '', r.total.toFixed(2), ''],
    ],
  );
}

function drawPayments(doc: Doc, content: LetterContent) {
  const l = labelsFor(content.language);
  const payments = content.decision.payments;
  if (payments.length === 0) return;
  const pick = (b: Bilingual) => (content.language === 'en' ? b.en : b.zh);
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  table(
    doc,
    [{ header: l.tranche, width: 160 }, { header: l.amount, width: 100, align: 'right' }, { header: l.when, width: width - 260 }],
    payments.map((p) => [pick(p.label), p.amount.toLocaleString('en-US'), pick(p.when)]),
  );
}

function drawVerification(doc: Doc, content: LetterContent, verifyCode: string) {
  const l = labelsFor(content.language);
  const qr = QRCode.create(content.verifyUrl, { errorCorrectionLevel: 'M' });
  const size = qr.modules.size;
  const cell = 2.4;
  const box = (size + 8) * cell;
  ensureRoom(doc, box + 10);
  const left = doc.page.margins.left;
  const top = doc.y;
  doc.save().fillColor('#000000');
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      if (qr.modules.get(row, col)) doc.rect(left + (col + 4) * cell, top + (row + 4) * cell, cell, cell).fill();
    }
  }
  doc.restore();
  const textLeft = left + box + 12;
  doc.font('regular').fontSize(9.5).text(l.verify, textLeft, top + 12, { width: doc.page.width - doc.page.margins.right - textLeft });
  doc.text(content.verifyUrl, { link: content.verifyUrl, underline: false });
  doc.text(`${l.code}: ${verifyCode}`);
  doc.x = left;
  doc.y = Math.max(doc.y, top + box) + 6;
  doc.fontSize(11);
}

/** Renders the letter and resolves with the PDF bytes. */
export async function renderLetter(content: LetterContent, verifyCode: string): Promise<Buffer> {
  const { regular, bold } = loadFonts();
  // Values are fenced while the text is parsed, so a value (a company named "# …", a note starting with "[") can
  // never pass for a template marker; the fences go before anything is drawn.
  const text = Mustache.render(loadTemplate(content.kind, content.language), letterView(content), {}, { escape: (v: unknown) => `${VALUE_START}${String(v)}${VALUE_END}` });
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 64, bottom: 64, left: 64, right: 64 },
    info: { Title: content.reference, Author: '惠企 Huiqi', Subject: content.kind, Keywords: verifyCode },
    lang: content.language,
    displayTitle: true,
  });
  // pdfkit's types know only files and bytes; at run time it takes a parsed fontkit font as well
  doc.registerFont('regular', regular as unknown as Buffer);
  doc.registerFont('bold', bold as unknown as Buffer);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font('regular').fontSize(11);
  const joiner = content.language === 'en' ? ' ' : '';
  for (const block of text.split(/\r?\n\s*\r?\n/)) {
    const lines = block.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
    let prose: string[] = [];
    const flush = () => {
      if (prose.length === 0) return;
      ensureRoom(doc, 30);
      doc.text(prose.join(joiner), { align: 'justify', lineGap: 3 }).moveDown(0.6);
      prose = [];
    };
    for (const line of lines) {
      const special = line.startsWith('#') || line.startsWith('>') || /^\[\w+\]$/.test(line);
      if (!special) {
        prose.push(unfence(line));
        continue;
      }
      flush();
      if (line.startsWith('## ')) {
        ensureRoom(doc, 40);
        doc.moveDown(0.4).font('bold').fontSize(12).text(unfence(line.slice(3))).font('regular').fontSize(11).moveDown(0.3);
      } else if (line.startsWith('# ')) {
        doc.font('bold').fontSize(18).text(unfence(line.slice(2)), { align: 'center' }).font('regular').fontSize(11).moveDown(0.8);
      } else if (line.startsWith('>')) {
        doc.fontSize(10.5).text(unfence(line.slice(1).trim()), { align: 'right' }).fontSize(11);
      } else if (line === '[screening]') drawScreening(doc, content);
      else if (line === '[scores]') drawScores(doc, content);
      else if (line === '[payments]') drawPayments(doc, content);
      else if (line === '[points]') drawPoints(doc, content);
      else if (line === '[verification]') drawVerification(doc, content, verifyCode);
    }
    flush();
  }
  doc.end();
  return finished;
}

// Decision letters: the PDF, its sha256 and verification code, and the gapless yearly reference counter.
import crypto from 'node:crypto';
import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import type { LetterKind, LetterLanguage } from './render-letter.ts';

export const REFERENCE_PREFIX = '穗科创';

export type LetterInfo = {
  id: string;
  /** A decision letter's application, or a recognition letter's request: exactly one is set. */
  applicationId: string | null;
  recognitionRequestId: string | null;
  decisionId: string | null;
  kind: LetterKind;
  reference: string;
  year: number;
  number: number;
  version: number;
  language: LetterLanguage;
  sha256: string;
  verifyCode: string;
  size: number;
  issuedAt: string;
  status: 'current' | 'superseded';
  supersededBy: string | null;
  supersededAt: string | null;
  reissueReason: string | null;
};

type Row = {
  id: string; application_id: string | null; recognition_request_id: string | null; decision_id: string | null; kind: LetterKind; reference: string; year: number; number: number;
  version: number; language: LetterLanguage; sha256: string; verify_code: string; size: number; issued_at: Date;
  superseded_by: string | null; superseded_at: Date | null; reissue_reason: string | null;
};

const COLUMNS = 'id, application_id, recognition_request_id, decision_id, kind, reference, year, number, version, language, sha256, verify_code, size, issued_at, superseded_by, superseded_at, reissue_reason';

function toLetter(row: Row): LetterInfo {
  return {
    id: row.id,
    applicationId: row.application_id,
    recognitionRequestId: row.recognition_request_id,
    decisionId: row.decision_id,
    kind: row.kind,
    reference: row.reference,
    year: row.year,
    number: row.number,
    version: row.version,
    language: row.language,
    sha256: row.sha256.trim(),
    verifyCode: row.verify_code,
    size: row.size,
    issuedAt: new Date(row.issued_at).toISOString(),
    status: row.superseded_by ? 'superseded' : 'current',
    supersededBy: row.superseded_by,
    supersededAt: row.superseded_at ? new Date(row.superseded_at).toISOString() : null,
    reissueReason: row.reissue_reason,
  };
}

/** 12 characters from an alphabet without look-alikes (no 0/O, 1/I/L): about 58 bits, printed on the letter. */
export function newVerifyCode(): string {
  const alphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
  const bytes = crypto.randomBytes(12);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}

export function formatReference(year: number, number: number): string {
  return `${REFERENCE_PREFIX}〔${year}〕${number}号`;
}

export type LettersRepository = ReturnType<typeof createLettersRepository>;

export function createLettersRepository(sequelize: Sequelize) {
  const select = <T extends object>(sql: string, replacements: Record<string, unknown>, transaction?: Transaction) =>
    sequelize.query<T>(sql, { replacements, type: QueryTypes.SELECT, transaction });

  return {
    /** The next number of the year. The counter row stays locked until the transaction ends: no gaps, no repeats. */
    async nextNumber(year: number, transaction: Transaction): Promise<number> {
      const [row] = await select<{ last_number: number }>(
        `INSERT INTO letter_sequences (year, last_number) VALUES (:year, 1)
         ON CONFLICT (year) DO UPDATE SET last_number = letter_sequences.last_number + 1 RETURNING last_number`,
        { year },
        transaction,
      );
      return row.last_number;
    },

    async insert(
      letter: {
        applicationId: string | null; recognitionRequestId: string | null; decisionId: string | null; kind: LetterKind; year: number; number: number; reference: string; version: number;
        language: LetterLanguage; sha256: string; verifyCode: string; content: Buffer; issuedAt: Date; issuedBy: string;
        supersedes: string | null; reissueReason: string | null;
      },
      transaction: Transaction,
    ): Promise<LetterInfo> {
      const [row] = await select<Row>(
        `INSERT INTO letters (application_id, recognition_request_id, decision_id, kind, year, number, reference, version, language, sha256, verify_code, content, size,
                              issued_at, issued_by, supersedes, reissue_reason)
         VALUES (:applicationId, :recognitionRequestId, :decisionId, :kind, :year, :number, :reference, :version, :language, :sha256, :verifyCode, :content, :size,
                 :issuedAt, :issuedBy, :supersedes, :reissueReason)
         RETURNING ${COLUMNS}`,
        { ...letter, size: letter.content.length, issuedAt: letter.issuedAt.toISOString() },
        transaction,
      );
      return toLetter(row);
    },

    async markSuperseded(id: string, by: string, transaction: Transaction): Promise<void> {
      await sequelize.query('UPDATE letters SET superseded_by = :by, superseded_at = now() WHERE id = :id AND superseded_by IS NULL', {
        replacements: { id, by },
        transaction,
      });
    },

    async find(id: string, options: { transaction?: Transaction; lock?: boolean } = {}): Promise<LetterInfo | null> {
      const rows = await select<Row>(`SELECT ${COLUMNS} FROM letters WHERE id = :id ${options.lock ? 'FOR UPDATE' : ''}`, { id }, options.transaction);
      return rows[0] ? toLetter(rows[0]) : null;
    },

    async content(id: string): Promise<Buffer | null> {
      const rows = await select<{ content: Buffer }>('SELECT content FROM letters WHERE id = :id', { id });
      return rows[0]?.content ?? null;
    },

    async forApplication(applicationId: string, transaction?: Transaction): Promise<LetterInfo[]> {
      const rows = await select<Row>(`SELECT ${COLUMNS} FROM letters WHERE application_id = :applicationId ORDER BY issued_at, version`, { applicationId }, transaction);
      return rows.map(toLetter);
    },

    /** The company a letter concerns (for visibility checks): through its application or its recognition request. */
    async companyOf(id: string): Promise<string | null> {
      const rows = await select<{ company_id: string | null }>(
        `SELECT coalesce(a.company_id, t.company_id) AS company_id FROM letters l
           LEFT JOIN applications a ON a.id = l.application_id
           LEFT JOIN recognition_requests r ON r.id = l.recognition_request_id
           LEFT JOIN talent_teams t ON t.id = r.team_id
          WHERE l.id = :id`,
        { id },
      );
      return rows[0]?.company_id ?? null;
    },

    async forRecognition(recognitionRequestId: string): Promise<LetterInfo[]> {
      const rows = await select<Row>(`SELECT ${COLUMNS} FROM letters WHERE recognition_request_id = :recognitionRequestId ORDER BY issued_at, version`, { recognitionRequestId });
      return rows.map(toLetter);
    },

    /** What the public verification page shows: never the firm's other data. */
    async verification(code: string) {
      const rows = await select<Row & {
        company_name: string; programme_code: string; name_zh: string; name_en: string; outcome: string | null; amount: string | null;
        revoked_at: Date | null; next_reference: string | null; next_version: number | null; next_issued_at: Date | null; recognition_outcome: string | null;
      }>(
        `SELECT ${COLUMNS.split(', ').map((c) => `l.${c}`).join(', ')}, coalesce(co.name, tc.name) AS company_name, p.code AS programme_code, p.name_zh, p.name_en,
                d.outcome, d.amount, d.revoked_at, r.confirmed_outcome AS recognition_outcome,
                n.reference AS next_reference, n.version AS next_version, n.issued_at AS next_issued_at
           FROM letters l
           LEFT JOIN applications a ON a.id = l.application_id
           LEFT JOIN companies co ON co.id = a.company_id
           LEFT JOIN calls k ON k.id = a.call_id
           LEFT JOIN recognition_requests r ON r.id = l.recognition_request_id
           LEFT JOIN talent_teams t ON t.id = r.team_id
           LEFT JOIN companies tc ON tc.id = t.company_id
           JOIN programmes p ON p.code = coalesce(k.programme_code, CASE WHEN l.recognition_request_id IS NOT NULL THEN 'residence-points' END)
           LEFT JOIN decisions d ON d.id = l.decision_id
           LEFT JOIN letters n ON n.id = l.superseded_by
          WHERE l.verify_code = :code`,
        { code },
      );
      const row = rows[0];
      if (!row) return null;
      const letter = toLetter(row);
      const outcome =
        letter.kind === 'revocation' ? 'revoked' : letter.kind === 'recognition' ? (row.recognition_outcome === 'eligible' ? 'recognised' : 'not_recognised') : row.outcome;
      return {
        reference: letter.reference,
        kind: letter.kind,
        version: letter.version,
        company: row.company_name,
        programme: row.programme_code,
        programmeName: { zh: row.name_zh, en: row.name_en },
        outcome,
        amount: row.outcome === 'approved' && letter.kind !== 'revocation' ? Number(row.amount) : null,
        issuedAt: letter.issuedAt,
        sha256: letter.sha256,
        status: letter.status === 'superseded' ? 'superseded' : row.revoked_at && letter.kind !== 'revocation' ? 'revoked' : 'valid',
        supersededBy: row.next_reference ? { reference: row.next_reference, version: row.next_version, issuedAt: new Date(row.next_issued_at!).toISOString() } : null,
      };
    },
  };
}

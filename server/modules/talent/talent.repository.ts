// Talent teams and members. ID numbers arrive here already encrypted and hashed; nothing in this file sees one.
import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';

export type ConsentStatus = 'none' | 'requested' | 'given' | 'withdrawn';
export type MemberRole = 'leader' | 'core' | 'member';

type MemberRow = {
  id: string; team_id: string; name: string; role: MemberRole; email: string | null; id_last4: string | null; id_number_enc: Buffer | null;
  consent_status: ConsentStatus; consent_method: string | null; consent_text_version: string | null; consent_at: Date | null;
  consent_form_id: string | null; consent_form_filename: string | null; consent_form_sha256: string | null; consent_form_media_type: string | null;
  consent_token_expires_at: Date | null; erased_at: Date | null;
};
type TeamRow = { id: string; company_id: string; company_name: string; application_id: string | null; name: string; created_at: Date; updated_at: Date; total?: string };

const iso = (value: Date | null) => (value ? new Date(value).toISOString() : null);

export function toMember(row: MemberRow) {
  return {
    id: row.id,
    teamId: row.team_id,
    name: row.name,
    role: row.role,
    email: row.email,
    idNumberMasked: row.id_last4 ? `${'*'.repeat(14)}${row.id_last4}` : null,
    /** api.md: whether the member's consent is held now; `consentRecord` says how, when and under which text. */
    consent: row.consent_status === 'given',
    consentRecord: {
      status: row.consent_status,
      method: row.consent_method,
      textVersion: row.consent_text_version,
      at: iso(row.consent_at),
      form: row.consent_form_id ? { id: row.consent_form_id, filename: row.consent_form_filename! } : null,
      requestExpiresAt: row.consent_status === 'requested' ? iso(row.consent_token_expires_at) : null,
    },
    erasedAt: iso(row.erased_at),
  };
}
export type Member = ReturnType<typeof toMember>;

const MEMBER_COLUMNS = `id, team_id, name, role, email, id_last4, consent_status, consent_method, consent_text_version, consent_at, consent_form_id,
  consent_form_filename, consent_form_sha256, consent_form_media_type, consent_token_expires_at, erased_at`;

export type StoredIdNumber = { encrypted: Buffer; hash: string; last4: string };

export type TalentRepository = ReturnType<typeof createTalentRepository>;

export function createTalentRepository(sequelize: Sequelize) {
  const select = <T extends object>(sql: string, replacements: Record<string, unknown>, transaction?: Transaction) =>
    sequelize.query<T>(sql, { replacements, type: QueryTypes.SELECT, transaction });

  async function membersOf(teamIds: string[], transaction?: Transaction) {
    const map = new Map<string, Member[]>();
    if (teamIds.length === 0) return map;
    const rows = await select<MemberRow>(`SELECT ${MEMBER_COLUMNS} FROM team_members WHERE team_id IN (:teamIds) AND removed_at IS NULL ORDER BY created_at, id`, { teamIds }, transaction);
    for (const row of rows) map.set(row.team_id, [...(map.get(row.team_id) ?? []), toMember(row)]);
    return map;
  }

  const teamView = (row: TeamRow, members: Member[]) => ({
    id: row.id,
    name: row.name,
    company: { id: row.company_id, name: row.company_name },
    applicationId: row.application_id,
    members,
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
  });
  const TEAM_SELECT = 'SELECT t.*, c.name AS company_name FROM talent_teams t JOIN companies c ON c.id = t.company_id';

  return {
    async createTeam(team: { companyId: string; applicationId: string | null; name: string; createdBy: string }, transaction: Transaction): Promise<string> {
      const [row] = await select<{ id: string }>(
        'INSERT INTO talent_teams (company_id, application_id, name, created_by) VALUES (:companyId, :applicationId, :name, :createdBy) RETURNING id',
        team,
        transaction,
      );
      return row.id;
    },

    async renameTeam(id: string, name: string, transaction: Transaction) {
      await sequelize.query('UPDATE talent_teams SET name = :name, updated_at = now() WHERE id = :id', { replacements: { id, name }, transaction });
    },

    async findTeam(id: string, transaction?: Transaction, options: { lock?: boolean } = {}) {
      const rows = await select<TeamRow>(`${TEAM_SELECT} WHERE t.id = :id ${options.lock ? 'FOR UPDATE OF t' : ''}`, { id }, transaction);
      if (!rows[0]) return null;
      return teamView(rows[0], (await membersOf([id], transaction)).get(id) ?? []);
    },

    async listTeams(filter: { companyId?: string; limit: number; offset: number }) {
      const where = filter.companyId ? 'WHERE t.company_id = :companyId' : '';
      const rows = await select<TeamRow>(`SELECT x.*, count(*) OVER () AS total FROM (${TEAM_SELECT} ${where}) x ORDER BY x.created_at DESC LIMIT :limit OFFSET :offset`, filter);
      const members = await membersOf(rows.map((r) => r.id));
      return { items: rows.map((r) => teamView(r, members.get(r.id) ?? [])), total: rows.length > 0 ? Number(rows[0].total) : 0 };
    },

    async addMember(
      member: { teamId: string; name: string; role: MemberRole; email: string | null; idNumber: StoredIdNumber | null; consent: { method: string; version: string } | null },
      transaction: Transaction,
    ): Promise<string> {
      const [row] = await select<{ id: string }>(
        `INSERT INTO team_members (team_id, name, role, email, id_number_enc, id_number_hash, id_last4, consent_status, consent_method, consent_text_version, consent_at)
         VALUES (:teamId, :name, :role, :email, :encrypted, :hash, :last4, :status, :method, :version, CASE WHEN :status = 'given' THEN now() END)
         RETURNING id`,
        {
          ...member,
          encrypted: member.idNumber?.encrypted ?? null,
          hash: member.idNumber?.hash ?? null,
          last4: member.idNumber?.last4 ?? null,
          status: member.consent ? 'given' : 'none',
          method: member.consent?.method ?? null,
          version: member.consent?.version ?? null,
        },
        transaction,
      );
      return row.id;
    },

    async findMember(teamId: string, memberId: string, transaction?: Transaction, options: { lock?: boolean; withSecret?: boolean } = {}) {
      const rows = await select<MemberRow>(
        `SELECT ${MEMBER_COLUMNS}${options.withSecret ? ', id_number_enc' : ''} FROM team_members WHERE id = :memberId AND team_id = :teamId AND removed_at IS NULL ${options.lock ? 'FOR UPDATE' : ''}`,
        { teamId, memberId },
        transaction,
      );
      const row = rows[0];
      return row ? { member: toMember(row), encrypted: row.id_number_enc ?? null, form: row.consent_form_sha256 ? { sha256: row.consent_form_sha256, mediaType: row.consent_form_media_type! } : null } : null;
    },

    async updateMember(memberId: string, changes: { name?: string; role?: MemberRole; email?: string | null }, transaction: Transaction) {
      await sequelize.query(
        `UPDATE team_members SET name = coalesce(:name, name), role = coalesce(:role, role),
            email = CASE WHEN :emailGiven THEN :email ELSE email END, updated_at = now() WHERE id = :memberId`,
        { replacements: { memberId, name: changes.name ?? null, role: changes.role ?? null, emailGiven: changes.email !== undefined, email: changes.email ?? null }, transaction },
      );
    },

    /**
     * Records an ID number together with the consent that allows it (one statement: the CHECK sees both). A member who
     * consented through their link keeps it, for `keepLinkDays`, to withdraw the consent themselves.
     */
    async setIdNumber(memberId: string, idNumber: StoredIdNumber, consent: { method: string; version: string; keepLinkDays?: number }, transaction: Transaction) {
      await sequelize.query(
        `UPDATE team_members SET id_number_enc = :encrypted, id_number_hash = :hash, id_last4 = :last4, consent_status = 'given',
            consent_method = :method, consent_text_version = :version, consent_at = now(),
            consent_token_hash = CASE WHEN :keepLinkDays > 0 THEN consent_token_hash END,
            consent_token_expires_at = CASE WHEN :keepLinkDays > 0 THEN now() + make_interval(days => :keepLinkDays) END,
            updated_at = now() WHERE id = :memberId`,
        { replacements: { memberId, ...idNumber, method: consent.method, version: consent.version, keepLinkDays: consent.keepLinkDays ?? 0 }, transaction },
      );
    },

    /** `hashes`: the number's hash under each configured key (rows not yet rotated hold an older one). */
    async hashTaken(teamId: string, hashes: string[], exceptMemberId: string | null, transaction?: Transaction): Promise<boolean> {
      const rows = await select(
        'SELECT 1 FROM team_members WHERE team_id = :teamId AND id_number_hash IN (:hashes) AND removed_at IS NULL AND id <> coalesce(:exceptMemberId::uuid, gen_random_uuid())',
        { teamId, hashes, exceptMemberId },
        transaction,
      );
      return rows.length > 0;
    },

    async setConsentForm(memberId: string, form: { sha256: string; content: Buffer; filename: string; mediaType: string }, transaction: Transaction): Promise<string> {
      await sequelize.query('INSERT INTO document_contents (sha256, content) VALUES (:sha256, :content) ON CONFLICT (sha256) DO NOTHING', {
        replacements: { sha256: form.sha256, content: form.content },
        transaction,
      });
      const [row] = await select<{ consent_form_id: string }>(
        `UPDATE team_members SET consent_form_id = gen_random_uuid(), consent_form_sha256 = :sha256, consent_form_filename = :filename,
            consent_form_media_type = :mediaType, updated_at = now() WHERE id = :memberId RETURNING consent_form_id`,
        { memberId, sha256: form.sha256, filename: form.filename, mediaType: form.mediaType },
        transaction,
      );
      return row.consent_form_id;
    },

    async formContent(sha256: string): Promise<Buffer | null> {
      const rows = await select<{ content: Buffer }>('SELECT content FROM document_contents WHERE sha256 = :sha256', { sha256 });
      return rows[0]?.content ?? null;
    },

    async requestConsent(memberId: string, tokenHash: string, expiresAt: Date, email: string, transaction: Transaction) {
      await sequelize.query(
        `UPDATE team_members SET consent_token_hash = :tokenHash, consent_token_expires_at = :expiresAt, email = :email,
            consent_status = CASE WHEN consent_status = 'given' THEN consent_status ELSE 'requested' END, updated_at = now()
          WHERE id = :memberId`,
        { replacements: { memberId, tokenHash, expiresAt: expiresAt.toISOString(), email }, transaction },
      );
    },

    async findByConsentToken(tokenHash: string, transaction?: Transaction, options: { lock?: boolean } = {}) {
      const rows = await select<MemberRow & { team_name: string; company_name: string }>(
        `SELECT m.id, m.team_id, m.name, m.role, m.consent_status, m.consent_token_expires_at, m.id_last4, t.name AS team_name, c.name AS company_name
           FROM team_members m JOIN talent_teams t ON t.id = m.team_id JOIN companies c ON c.id = t.company_id
          WHERE m.consent_token_hash = :tokenHash AND m.removed_at IS NULL AND m.consent_token_expires_at > now() ${options.lock ? 'FOR UPDATE OF m' : ''}`,
        { tokenHash },
        transaction,
      );
      const row = rows[0];
      return row
        ? {
            memberId: row.id,
            teamId: row.team_id,
            name: row.name,
            role: row.role,
            status: row.consent_status,
            idNumberMasked: row.id_last4 ? `${'*'.repeat(14)}${row.id_last4}` : null,
            teamName: row.team_name,
            companyName: row.company_name,
            expiresAt: iso(row.consent_token_expires_at)!,
          }
        : null;
    },

    /** Erases the ID number (and with `everything`, the name and contact too). The consent record stays as evidence. */
    async erase(memberIds: string[], options: { everything: boolean; withdrawn: boolean }, transaction: Transaction): Promise<number> {
      if (memberIds.length === 0) return 0;
      const forms = (
        await select<{ sha256: string }>('SELECT consent_form_sha256 AS sha256 FROM team_members WHERE id IN (:memberIds) AND consent_form_sha256 IS NOT NULL', { memberIds }, transaction)
      ).map((r) => r.sha256);
      const rows = await select(
        `UPDATE team_members SET id_number_enc = NULL, id_number_hash = NULL, id_last4 = NULL, consent_token_hash = NULL, consent_token_expires_at = NULL,
            consent_status = CASE WHEN :withdrawn THEN 'withdrawn' ELSE consent_status END,
            consent_at = CASE WHEN :withdrawn THEN now() ELSE consent_at END,
            name = CASE WHEN :everything THEN '（已匿名）' ELSE name END,
            email = CASE WHEN :everything THEN NULL ELSE email END,
            consent_form_id = NULL, consent_form_sha256 = NULL, consent_form_filename = NULL, consent_form_media_type = NULL,
            erased_at = now(), updated_at = now()
          WHERE id IN (:memberIds) RETURNING id`,
        { memberIds, everything: options.everything, withdrawn: options.withdrawn },
        transaction,
      );
      // a signed consent form usually shows the number: its file goes too, unless an evidence document is the same file
      await sequelize.query(
        `DELETE FROM document_contents c WHERE c.sha256 IN (:hashes)
           AND NOT EXISTS (SELECT 1 FROM documents d WHERE d.sha256 = c.sha256)
           AND NOT EXISTS (SELECT 1 FROM team_members m WHERE m.consent_form_sha256 = c.sha256)`,
        { replacements: { hashes: forms.length > 0 ? forms : ['-'] }, transaction },
      );
      if (options.everything || options.withdrawn) {
        // the points stay as a figure; the facts behind them (education, insurance, …) go
        await sequelize.query(
          `UPDATE recognition_requests SET facts = '{}'::jsonb, result = jsonb_build_object('anonymised', true, 'score', result->'score'), updated_at = now()
            WHERE member_id IN (:memberIds)`,
          { replacements: { memberIds }, transaction },
        );
      }
      return rows.length;
    },

    async remove(memberId: string, transaction: Transaction) {
      await sequelize.query('UPDATE team_members SET removed_at = now() WHERE id = :memberId', { replacements: { memberId }, transaction });
    },

    /** Members whose personal data has outlived its purpose: the programme's call closed (or, without an application, the team last changed) `days` ago. */
    async dueForRetention(days: number, transaction: Transaction): Promise<{ id: string; teamId: string }[]> {
      const rows = await select<{ id: string; team_id: string }>(
        `SELECT m.id, m.team_id FROM team_members m
           JOIN talent_teams t ON t.id = m.team_id
           LEFT JOIN applications a ON a.id = t.application_id
           LEFT JOIN calls k ON k.id = a.call_id
          WHERE (m.id_number_enc IS NOT NULL OR m.name <> '（已匿名）' OR m.email IS NOT NULL)
            AND coalesce(k.closes_at, (SELECT max(m2.updated_at) FROM team_members m2 WHERE m2.team_id = t.id), t.created_at) < now() - make_interval(days => :days)
          ORDER BY m.id FOR UPDATE OF m SKIP LOCKED`,
        { days },
        transaction,
      );
      return rows.map((r) => ({ id: r.id, teamId: r.team_id }));
    },

    /** Whether the company's roster holds a person with this number and their consent. */
    async consentedMember(companyId: string, idNumberHashes: string[]): Promise<boolean> {
      const rows = await select(
        `SELECT 1 FROM team_members m JOIN talent_teams t ON t.id = m.team_id
          WHERE t.company_id = :companyId AND m.id_number_hash IN (:idNumberHashes) AND m.consent_status = 'given' AND m.removed_at IS NULL LIMIT 1`,
        { companyId, idNumberHashes },
      );
      return rows.length > 0;
    },

    async applicationOf(applicationId: string): Promise<{ companyId: string; programme: string } | null> {
      const rows = await select<{ company_id: string; programme_code: string }>(
        'SELECT a.company_id, k.programme_code FROM applications a JOIN calls k ON k.id = a.call_id WHERE a.id = :applicationId',
        { applicationId },
      );
      return rows[0] ? { companyId: rows[0].company_id, programme: rows[0].programme_code } : null;
    },
  };
}

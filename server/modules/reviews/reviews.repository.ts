// The reviewer pool, panel assignments and moderated scores. Plain objects out; SQL stays here.
import { QueryTypes, type Transaction } from 'sequelize';
import type { Models } from '../../db/models/index.ts';
import type { Affiliation } from './conflicts.ts';
import type { ReviewerKind } from './plan-assignments.ts';
import { REVIEWABLE_APPLICATION_STATUSES, type AssignmentStatus, type ReleaseReason } from './review-status.ts';
import { enqueueMail, type QueuedMail } from '../../notifications/queue-mail.ts';

export type ReviewerProfile = {
  id: string;
  email: string;
  displayName: string;
  language: string;
  kind: ReviewerKind;
  fields: string[];
  active: boolean;
  affiliations: Affiliation[];
};

export type Assignment = {
  id: string;
  applicationId: string;
  reviewerId: string;
  status: AssignmentStatus;
  method: 'auto' | 'officer';
  conflict: boolean | null;
  conflictNote: string | null;
  declaredAt: string | null;
  releaseReason: ReleaseReason | null;
  scores: Record<string, number>;
  comments: Record<string, string>;
  total: number | null;
  savedAt: string | null;
  submittedAt: string | null;
  assignedAt: string;
  /** 1: the first panel; 2: the appeal panel. */
  round: number;
};

export type ReviewableApplication = {
  id: string;
  companyId: string;
  companyName: string;
  uscc: string;
  status: string;
  facts: Record<string, unknown>;
  submittedAt: string | null;
  /** The panel being filled: 2 while an appeal awaits its re-review. */
  round: number;
};

export type Moderation = { id: number; previousTotal: number; total: number; reason: string; by: { id: string; displayName: string }; at: string };

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());
const num = (value: string | number | null) => (value === null ? null : Number(value));
const day = (value: string | Date | null) => (value === null ? null : typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10));

type AssignmentRow = {
  id: string; application_id: string; reviewer_id: string; status: AssignmentStatus; method: 'auto' | 'officer';
  conflict: boolean | null; conflict_note: string | null; declared_at: Date | null; release_reason: ReleaseReason | null;
  scores: Record<string, number>; comments: Record<string, string>; total: string | null; saved_at: Date | null;
  submitted_at: Date | null; created_at: Date; round: number;
};

function toAssignment(row: AssignmentRow): Assignment {
  return {
    id: row.id,
    applicationId: row.application_id,
    reviewerId: row.reviewer_id,
    status: row.status,
    method: row.method,
    conflict: row.conflict,
    conflictNote: row.conflict_note,
    declaredAt: iso(row.declared_at),
    releaseReason: row.release_reason,
    scores: row.scores ?? {},
    comments: row.comments ?? {},
    total: num(row.total),
    savedAt: iso(row.saved_at),
    submittedAt: iso(row.submitted_at),
    assignedAt: iso(row.created_at)!,
    round: row.round,
  };
}

export type ReviewsRepository = ReturnType<typeof createReviewsRepository>;

export function createReviewsRepository(models: Models) {
  const sequelize = models.Application.sequelize!;
  const select = <T extends object>(sql: string, replacements: Record<string, unknown> = {}, transaction?: Transaction) =>
    sequelize.query<T>(sql, { replacements, type: QueryTypes.SELECT, transaction });

  async function affiliationsOf(reviewerIds: string[], transaction?: Transaction): Promise<Map<string, Affiliation[]>> {
    const map = new Map<string, Affiliation[]>(reviewerIds.map((id) => [id, []]));
    if (reviewerIds.length === 0) return map;
    const rows = await select<{ reviewer_id: string; uscc: string; name: string; relation: Affiliation['relation']; from_date: string | null; to_date: string | null }>(
      `SELECT reviewer_id, uscc, name, relation, from_date::text AS from_date, to_date::text AS to_date
         FROM reviewer_affiliations WHERE reviewer_id IN (:reviewerIds) ORDER BY id`,
      { reviewerIds },
      transaction,
    );
    for (const r of rows) map.get(r.reviewer_id)?.push({ uscc: r.uscc, name: r.name, relation: r.relation, from: day(r.from_date), to: day(r.to_date) });
    return map;
  }

  return {
    /** Reviewers with a profile; `ids` narrows the pool, `activeOnly` leaves out those stood down. */
    async reviewers(filter: { ids?: string[]; activeOnly?: boolean } = {}, transaction?: Transaction): Promise<ReviewerProfile[]> {
      if (filter.ids && filter.ids.length === 0) return [];
      const rows = await select<{ id: string; email: string; display_name: string; language: string; kind: ReviewerKind; fields: string[]; active: boolean }>(
        `SELECT u.id, u.email, u.display_name, u.language, p.kind, p.fields, p.active
           FROM reviewer_profiles p JOIN users u ON u.id = p.user_id
          WHERE u.disabled_at IS NULL AND 'reviewer' = ANY(u.roles)
            ${filter.ids ? 'AND u.id IN (:ids)' : ''} ${filter.activeOnly ? 'AND p.active' : ''}
          ORDER BY u.id`,
        { ids: filter.ids ?? [] },
        transaction,
      );
      const affiliations = await affiliationsOf(rows.map((r) => r.id), transaction);
      return rows.map((r) => ({
        id: r.id,
        email: r.email,
        displayName: r.display_name,
        language: r.language,
        kind: r.kind,
        fields: r.fields,
        active: r.active,
        affiliations: affiliations.get(r.id) ?? [],
      }));
    },

    async hasReviewerRole(userId: string, transaction?: Transaction): Promise<boolean> {
      const rows = await select<{ ok: boolean }>(`SELECT true AS ok FROM users WHERE id = :userId AND 'reviewer' = ANY(roles) AND disabled_at IS NULL`, { userId }, transaction);
      return rows.length > 0;
    },

    async saveProfile(
      reviewerId: string,
      profile: { kind?: ReviewerKind; fields: string[]; active?: boolean; affiliations: Affiliation[] },
      transaction: Transaction,
    ): Promise<void> {
      await sequelize.query(
        `INSERT INTO reviewer_profiles (user_id, kind, fields, active)
         VALUES (:reviewerId, coalesce(:kind, 'technical'), ARRAY(SELECT jsonb_array_elements_text(:fields::jsonb)), coalesce(:active, true))
         ON CONFLICT (user_id) DO UPDATE SET kind = coalesce(:kind, reviewer_profiles.kind), fields = EXCLUDED.fields,
           active = coalesce(:active, reviewer_profiles.active), updated_at = now()`,
        { replacements: { reviewerId, kind: profile.kind ?? null, fields: JSON.stringify(profile.fields), active: profile.active ?? null }, transaction },
      );
      await sequelize.query('DELETE FROM reviewer_affiliations WHERE reviewer_id = :reviewerId', { replacements: { reviewerId }, transaction });
      for (const a of profile.affiliations) {
        await sequelize.query(
          `INSERT INTO reviewer_affiliations (reviewer_id, uscc, name, relation, from_date, to_date) VALUES (:reviewerId, :uscc, :name, :relation, :from, :to)`,
          { replacements: { reviewerId, uscc: a.uscc, name: a.name, relation: a.relation, from: a.from, to: a.to }, transaction },
        );
      }
    },

    /**
     * Applications of a call that take reviewers: submitted (eligible by screening), already in review, or appealed
     * and awaiting the appeal panel's re-review.
     */
    async reviewableApplications(callId: string, transaction?: Transaction): Promise<ReviewableApplication[]> {
      const rows = await select<{ id: string; company_id: string; company_name: string; uscc: string; status: string; facts: Record<string, unknown>; submitted_at: Date | null; review_round: number }>(
        `SELECT a.id, a.company_id, c.name AS company_name, c.uscc, a.status, a.facts, a.submitted_at, a.review_round
           FROM applications a JOIN companies c ON c.id = a.company_id
          WHERE a.call_id = :callId
            AND (a.status IN (:statuses)
                 OR (a.status = 'appealed' AND EXISTS (SELECT 1 FROM appeals ap WHERE ap.application_id = a.id AND ap.score IS NULL)))
          ORDER BY a.submitted_at, a.id`,
        { callId, statuses: REVIEWABLE_APPLICATION_STATUSES },
        transaction,
      );
      return rows.map((r) => ({ id: r.id, companyId: r.company_id, companyName: r.company_name, uscc: r.uscc, status: r.status, facts: r.facts, submittedAt: iso(r.submitted_at), round: r.review_round }));
    },

    /** Applications of a call in the given statuses, with what the panels page shows (one query, no N+1). */
    async panelApplications(callId: string, statuses: string[]) {
      const rows = await select<{ id: string; company_name: string; uscc: string; status: string; field: string | null; submitted_at: Date | null; review_result: unknown; score: string | null }>(
        `SELECT a.id, c.name AS company_name, c.uscc, a.status, coalesce(a.facts->>'techField', a.facts->>'field') AS field,
                a.submitted_at, a.review_result, a.score
           FROM applications a JOIN companies c ON c.id = a.company_id
          WHERE a.call_id = :callId AND a.status IN (:statuses)
          ORDER BY a.submitted_at, a.id`,
        { callId, statuses },
      );
      return rows.map((r) => ({
        id: r.id,
        companyName: r.company_name,
        uscc: r.uscc,
        status: r.status,
        field: r.field,
        submittedAt: iso(r.submitted_at),
        result: r.review_result === null ? null : { result: r.review_result, score: num(r.score) },
      }));
    },

    /** Every e-mail address of each company's users (for the e-mail-domain conflict rule). */
    async companyEmails(companyIds: string[], transaction?: Transaction): Promise<Map<string, string[]>> {
      const map = new Map<string, string[]>(companyIds.map((id) => [id, []]));
      if (companyIds.length === 0) return map;
      const rows = await select<{ company_id: string; email: string }>(
        'SELECT company_id, email FROM users WHERE company_id IN (:companyIds)',
        { companyIds },
        transaction,
      );
      for (const r of rows) map.get(r.company_id)?.push(r.email);
      return map;
    },

    async assignmentsOfApplications(applicationIds: string[], transaction?: Transaction): Promise<Assignment[]> {
      if (applicationIds.length === 0) return [];
      const rows = await select<AssignmentRow>(
        'SELECT * FROM review_assignments WHERE application_id IN (:applicationIds) ORDER BY created_at, id',
        { applicationIds },
        transaction,
      );
      return rows.map(toAssignment);
    },

    async assignmentsOfCall(callId: string, transaction?: Transaction): Promise<Assignment[]> {
      const rows = await select<AssignmentRow>(
        `SELECT r.* FROM review_assignments r JOIN applications a ON a.id = r.application_id
          WHERE a.call_id = :callId ORDER BY r.created_at, r.id`,
        { callId },
        transaction,
      );
      return rows.map(toAssignment);
    },

    async create(
      input: { applicationId: string; reviewerId: string; method: 'auto' | 'officer'; assignedBy: string },
      transaction: Transaction,
    ): Promise<Assignment> {
      const rows = await select<AssignmentRow>(
        `INSERT INTO review_assignments (application_id, reviewer_id, method, assigned_by, round)
         VALUES (:applicationId, :reviewerId, :method, :assignedBy, (SELECT review_round FROM applications WHERE id = :applicationId)) RETURNING *`,
        input,
        transaction,
      );
      return toAssignment(rows[0]);
    },

    async find(id: string, options: { transaction?: Transaction; lock?: boolean } = {}): Promise<Assignment | null> {
      const rows = await select<AssignmentRow>(
        `SELECT * FROM review_assignments WHERE id = :id ${options.lock ? 'FOR UPDATE' : ''}`,
        { id },
        options.transaction,
      );
      return rows[0] ? toAssignment(rows[0]) : null;
    },

    async forReviewer(reviewerId: string): Promise<Assignment[]> {
      const rows = await select<AssignmentRow>(
        'SELECT * FROM review_assignments WHERE reviewer_id = :reviewerId ORDER BY created_at DESC, id',
        { reviewerId },
      );
      return rows.map(toAssignment);
    },

    async declare(id: string, declaration: { conflict: boolean; note: string | null }, transaction: Transaction): Promise<void> {
      await sequelize.query(
        `UPDATE review_assignments SET conflict = :conflict, conflict_note = :note, declared_at = now(),
                status = CASE WHEN :conflict THEN 'released' ELSE status END,
                release_reason = CASE WHEN :conflict THEN 'conflict' ELSE release_reason END,
                released_at = CASE WHEN :conflict THEN now() ELSE released_at END,
                updated_at = now()
          WHERE id = :id`,
        { replacements: { id, conflict: declaration.conflict, note: declaration.note }, transaction },
      );
    },

    async release(ids: string[], reason: ReleaseReason, by: string | null, transaction: Transaction): Promise<void> {
      if (ids.length === 0) return;
      await sequelize.query(
        `UPDATE review_assignments SET status = 'released', release_reason = :reason, released_at = now(), released_by = :by, updated_at = now()
          WHERE id IN (:ids) AND status = 'assigned'`,
        { replacements: { ids, reason, by }, transaction },
      );
    },

    async releaseOpenSeats(applicationId: string, by: string, transaction: Transaction): Promise<number> {
      const [, count] = await sequelize.query(
        `UPDATE review_assignments SET status = 'released', release_reason = 'returned', released_at = now(), released_by = :by, updated_at = now()
          WHERE application_id = :applicationId AND status = 'assigned'`,
        { replacements: { applicationId, by }, transaction, type: QueryTypes.UPDATE },
      );
      return Number(count ?? 0);
    },

    async saveSheet(id: string, sheet: { scores: Record<string, number>; comments: Record<string, string>; total: number }, transaction: Transaction): Promise<void> {
      await sequelize.query(
        `UPDATE review_assignments SET scores = :scores::jsonb, comments = :comments::jsonb, total = :total, saved_at = now(), updated_at = now() WHERE id = :id`,
        { replacements: { id, scores: JSON.stringify(sheet.scores), comments: JSON.stringify(sheet.comments), total: sheet.total }, transaction },
      );
    },

    async markSubmitted(id: string, transaction: Transaction): Promise<void> {
      await sequelize.query(`UPDATE review_assignments SET status = 'submitted', submitted_at = now(), updated_at = now() WHERE id = :id`, {
        replacements: { id },
        transaction,
      });
    },

    async saveResult(
      applicationId: string,
      result: { reviewResult: unknown; score: number; flagged: boolean },
      transaction: Transaction,
    ): Promise<void> {
      await sequelize.query(
        `UPDATE applications SET review_result = :result::jsonb, score = :score, score_flagged = :flagged, scored_at = now(), updated_at = now() WHERE id = :applicationId`,
        { replacements: { applicationId, result: JSON.stringify(result.reviewResult), score: result.score, flagged: result.flagged }, transaction },
      );
    },

    /** The appeal panel's result goes on the appeal; the first panel's stays on the application. */
    async saveAppealResult(applicationId: string, result: { reviewResult: unknown; score: number }, transaction: Transaction): Promise<void> {
      await sequelize.query(
        `UPDATE appeals SET review_result = :result::jsonb, score = :score, reviewed_at = now() WHERE application_id = :applicationId`,
        { replacements: { applicationId, result: JSON.stringify(result.reviewResult), score: result.score }, transaction },
      );
    },

    async setScore(applicationId: string, score: number, transaction: Transaction): Promise<void> {
      await sequelize.query('UPDATE applications SET score = :score, updated_at = now() WHERE id = :applicationId', { replacements: { applicationId, score }, transaction });
    },

    async reviewResult(applicationId: string, transaction?: Transaction): Promise<{ result: unknown; score: number | null; flagged: boolean; scoredAt: string | null } | null> {
      const rows = await select<{ review_result: unknown; score: string | null; score_flagged: boolean; scored_at: Date | null }>(
        'SELECT review_result, score, score_flagged, scored_at FROM applications WHERE id = :applicationId',
        { applicationId },
        transaction,
      );
      const r = rows[0];
      return r ? { result: r.review_result, score: num(r.score), flagged: r.score_flagged, scoredAt: iso(r.scored_at) } : null;
    },

    async addModeration(entry: { applicationId: string; previousTotal: number; total: number; reason: string; byUser: string }, transaction: Transaction): Promise<number> {
      const rows = await select<{ id: string }>(
        `INSERT INTO score_moderations (application_id, previous_total, total, reason, by_user) VALUES (:applicationId, :previousTotal, :total, :reason, :byUser) RETURNING id`,
        entry,
        transaction,
      );
      return Number(rows[0].id);
    },

    async moderations(applicationIds: string[]): Promise<Map<string, Moderation[]>> {
      const map = new Map<string, Moderation[]>();
      if (applicationIds.length === 0) return map;
      const rows = await select<{ id: string; application_id: string; previous_total: string; total: string; reason: string; by_user: string; display_name: string; at: Date }>(
        `SELECT m.*, u.display_name FROM score_moderations m JOIN users u ON u.id = m.by_user
          WHERE m.application_id IN (:applicationIds) ORDER BY m.id`,
        { applicationIds },
      );
      for (const r of rows) {
        const list = map.get(r.application_id) ?? [];
        list.push({ id: Number(r.id), previousTotal: Number(r.previous_total), total: Number(r.total), reason: r.reason, by: { id: r.by_user, displayName: r.display_name }, at: iso(r.at)! });
        map.set(r.application_id, list);
      }
      return map;
    },

    async programmeSettings(code: string, transaction?: Transaction): Promise<{ blindIdentity: boolean; spreadMargin: number } | null> {
      const rows = await select<{ blind_identity: boolean; spread_margin: string }>(
        'SELECT blind_identity, spread_margin FROM programmes WHERE code = :code',
        { code },
        transaction,
      );
      return rows[0] ? { blindIdentity: rows[0].blind_identity, spreadMargin: Number(rows[0].spread_margin) } : null;
    },

    async saveProgrammeSettings(code: string, settings: { blindIdentity?: boolean; spreadMargin?: number }, transaction: Transaction): Promise<void> {
      await sequelize.query(
        `UPDATE programmes SET blind_identity = coalesce(:blind, blind_identity), spread_margin = coalesce(:margin, spread_margin), updated_at = now() WHERE code = :code`,
        { replacements: { code, blind: settings.blindIdentity ?? null, margin: settings.spreadMargin ?? null }, transaction },
      );
    },

    /** Serialises assignment runs and hand changes of one call (a transaction-scoped advisory lock). */
    /** The call's row lock: the one every change to the ranking or the budget queues on. */
    async lockCallRow(callId: string, transaction: Transaction): Promise<void> {
      await sequelize.query('SELECT id FROM calls WHERE id = :callId FOR UPDATE', { replacements: { callId }, transaction });
    },

    async lockCall(callId: string, transaction: Transaction): Promise<void> {
      await sequelize.query(`SELECT pg_advisory_xact_lock(hashtext('review-panel:' || :callId))`, { replacements: { callId }, transaction });
    },

    async queueMail(mail: QueuedMail, transaction: Transaction): Promise<void> {
      await enqueueMail(models.MailOutbox.sequelize!, mail, transaction);
    },
  };
}

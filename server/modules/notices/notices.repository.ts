// Public notices (公示), their items, objections, and the holiday calendar. SQL stays here.
import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';

type NoticeRow = { id: string; call_id: string; title: string; programme_code: string; starts_on: string; ends_on: string; working_days: number; published_at: Date };
type ItemRow = { notice_id: string; application_id: string; company_name: string; uscc: string; amount: string; score: string | null; status: string };
type ObjectionRow = {
  id: string; reference: string; notice_id: string; application_id: string; name: string; contact: string; organisation: string | null;
  content: string; language: string; received_at: Date; status: 'pending' | 'upheld' | 'dismissed'; resolution_reason: string | null;
  resolved_at: Date | null; company_name: string; uscc: string;
};

export type NoticeStatus = 'upcoming' | 'open' | 'closed';

export function noticeStatus(notice: { startsOn: string; endsOn: string }, today: string): NoticeStatus {
  if (today < notice.startsOn) return 'upcoming';
  return today <= notice.endsOn ? 'open' : 'closed';
}

const day = (value: string | Date) => (typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10));

function toNotice(row: NoticeRow) {
  return {
    id: row.id,
    call: { id: row.call_id, title: row.title, programme: row.programme_code },
    startsOn: day(row.starts_on),
    endsOn: day(row.ends_on),
    workingDays: row.working_days,
    publishedAt: new Date(row.published_at).toISOString(),
  };
}
export type Notice = ReturnType<typeof toNotice>;

function toObjection(row: ObjectionRow) {
  return {
    id: row.id,
    reference: row.reference,
    noticeId: row.notice_id,
    applicationId: row.application_id,
    company: { name: row.company_name, uscc: row.uscc },
    name: row.name,
    contact: row.contact,
    organisation: row.organisation,
    content: row.content,
    language: row.language,
    receivedAt: new Date(row.received_at).toISOString(),
    status: row.status,
    resolution: row.resolved_at ? { reason: row.resolution_reason!, at: new Date(row.resolved_at).toISOString() } : null,
  };
}
export type Objection = ReturnType<typeof toObjection>;

const NOTICE_SELECT = `SELECT n.id, n.call_id, k.title, k.programme_code, n.starts_on::text, n.ends_on::text, n.working_days, n.published_at
  FROM notices n JOIN calls k ON k.id = n.call_id`;
const OBJECTION_SELECT = `SELECT o.*, i.company_name, i.uscc FROM objections o JOIN notice_items i ON i.application_id = o.application_id`;

export type NoticesRepository = ReturnType<typeof createNoticesRepository>;

export function createNoticesRepository(sequelize: Sequelize) {
  const select = <T extends object>(sql: string, replacements: Record<string, unknown>, transaction?: Transaction) =>
    sequelize.query<T>(sql, { replacements, type: QueryTypes.SELECT, transaction });

  async function itemsOf(noticeIds: string[], transaction?: Transaction) {
    const map = new Map<string, { applicationId: string; company: { name: string; uscc: string }; amount: number; score: number | null; status: 'listed' | 'revoked' }[]>();
    if (noticeIds.length === 0) return map;
    const rows = await select<ItemRow>(
      `SELECT i.*, a.status FROM notice_items i JOIN applications a ON a.id = i.application_id
        WHERE i.notice_id IN (:noticeIds) ORDER BY i.score DESC NULLS LAST, i.company_name`,
      { noticeIds },
      transaction,
    );
    for (const r of rows) {
      const item = { applicationId: r.application_id, company: { name: r.company_name, uscc: r.uscc }, amount: Number(r.amount), score: r.score === null ? null : Number(r.score), status: r.status === 'revoked' ? ('revoked' as const) : ('listed' as const) };
      map.set(r.notice_id, [...(map.get(r.notice_id) ?? []), item]);
    }
    return map;
  }

  return {
    itemsOf,

    /** Approved applications of the call that no notice lists yet, locked for the publication. */
    async approvedNotNoticed(callId: string, transaction: Transaction) {
      return select<{ id: string; company_name: string; uscc: string; amount: string; score: string | null; status: string; company_id: string }>(
        `SELECT a.id, a.company_id, c.name AS company_name, c.uscc, d.amount, a.score, a.status
           FROM applications a
           JOIN companies c ON c.id = a.company_id
           JOIN decisions d ON d.application_id = a.id AND d.outcome = 'approved' AND d.revoked_at IS NULL
          WHERE a.call_id = :callId AND a.status = 'approved'
            AND NOT EXISTS (SELECT 1 FROM notice_items i WHERE i.application_id = a.id)
          ORDER BY a.score DESC NULLS LAST, a.id
          FOR UPDATE OF a`,
        { callId },
        transaction,
      );
    },

    async calendar(from: string, to: string, transaction?: Transaction): Promise<Map<string, 'holiday' | 'workday'>> {
      const rows = await select<{ day: string; kind: 'holiday' | 'workday' }>(
        'SELECT day::text, kind FROM public_holidays WHERE day BETWEEN :from AND :to',
        { from, to },
        transaction,
      );
      return new Map(rows.map((r) => [r.day, r.kind]));
    },

    async calendarYears(years: number[]): Promise<number[]> {
      const rows = await select<{ year: number }>(
        'SELECT DISTINCT extract(year FROM day)::int AS year FROM public_holidays WHERE extract(year FROM day)::int IN (:years)',
        { years },
      );
      return rows.map((r) => r.year);
    },

    async holidays(year: number) {
      const rows = await select<{ day: string; kind: string; name_zh: string; name_en: string; source: string | null }>(
        `SELECT day::text, kind, name_zh, name_en, source FROM public_holidays WHERE extract(year FROM day)::int = :year ORDER BY day`,
        { year },
      );
      return rows.map((r) => ({ day: r.day, kind: r.kind, name: { zh: r.name_zh, en: r.name_en }, source: r.source }));
    },

    async replaceHolidays(year: number, days: { day: string; kind: string; nameZh: string; nameEn: string; source?: string }[], transaction: Transaction) {
      await sequelize.query('DELETE FROM public_holidays WHERE extract(year FROM day)::int = :year', { replacements: { year }, transaction });
      if (days.length === 0) return;
      await sequelize.query(
        `INSERT INTO public_holidays (day, kind, name_zh, name_en, source)
         SELECT d.day::date, d.kind, d."nameZh", d."nameEn", d.source FROM json_to_recordset(:days::json)
           AS d(day text, kind text, "nameZh" text, "nameEn" text, source text)`,
        { replacements: { days: JSON.stringify(days) }, transaction },
      );
    },

    async insertNotice(notice: { callId: string; startsOn: string; endsOn: string; workingDays: number; publishedBy: string }, transaction: Transaction) {
      const [row] = await select<{ id: string }>(
        `INSERT INTO notices (call_id, starts_on, ends_on, working_days, published_by) VALUES (:callId, :startsOn, :endsOn, :workingDays, :publishedBy) RETURNING id`,
        notice,
        transaction,
      );
      return row.id;
    },

    async insertItem(item: { noticeId: string; applicationId: string; companyName: string; uscc: string; amount: number; score: number | null }, transaction: Transaction) {
      await sequelize.query(
        `INSERT INTO notice_items (notice_id, application_id, company_name, uscc, amount, score) VALUES (:noticeId, :applicationId, :companyName, :uscc, :amount, :score)`,
        { replacements: item, transaction },
      );
    },

    async find(id: string, transaction?: Transaction): Promise<Notice | null> {
      const rows = await select<NoticeRow>(`${NOTICE_SELECT} WHERE n.id = :id`, { id }, transaction);
      return rows[0] ? toNotice(rows[0]) : null;
    },

    async list(filter: { callId?: string; limit: number; offset: number }) {
      const where = filter.callId ? 'WHERE n.call_id = :callId' : '';
      const [rows, [{ count }]] = await Promise.all([
        select<NoticeRow & { items: string }>(
          `SELECT x.*, (SELECT count(*) FROM notice_items i WHERE i.notice_id = x.id) AS items FROM (${NOTICE_SELECT} ${where}) x
            ORDER BY x.starts_on DESC, x.published_at DESC LIMIT :limit OFFSET :offset`,
          filter,
        ),
        select<{ count: string }>(`SELECT count(*) FROM notices n ${where}`, filter),
      ]);
      return { total: Number(count), items: rows.map((r) => ({ ...toNotice(r), count: Number(r.items) })) };
    },

    async objectionCounts(noticeIds: string[]) {
      const map = new Map<string, { pending: number; upheld: number; dismissed: number }>();
      if (noticeIds.length === 0) return map;
      const rows = await select<{ notice_id: string; status: 'pending' | 'upheld' | 'dismissed'; count: string }>(
        'SELECT notice_id, status, count(*) FROM objections WHERE notice_id IN (:noticeIds) GROUP BY notice_id, status',
        { noticeIds },
      );
      for (const r of rows) {
        const counts = map.get(r.notice_id) ?? { pending: 0, upheld: 0, dismissed: 0 };
        counts[r.status] = Number(r.count);
        map.set(r.notice_id, counts);
      }
      return map;
    },

    async insertObjection(objection: { reference: string; noticeId: string; applicationId: string; name: string; contact: string; organisation: string | null; content: string; language: string }, transaction: Transaction) {
      const [row] = await select<{ id: string; reference: string; received_at: Date }>(
        `INSERT INTO objections (reference, notice_id, application_id, name, contact, organisation, content, language)
         VALUES (:reference, :noticeId, :applicationId, :name, :contact, :organisation, :content, :language) RETURNING id, reference, received_at`,
        objection,
        transaction,
      );
      return { id: row.id, reference: row.reference, receivedAt: new Date(row.received_at).toISOString() };
    },

    async objections(noticeId: string) {
      const rows = await select<ObjectionRow>(`${OBJECTION_SELECT} WHERE o.notice_id = :noticeId ORDER BY o.received_at`, { noticeId });
      return rows.map(toObjection);
    },

    async findObjection(id: string, options: { transaction?: Transaction; lock?: boolean } = {}) {
      const rows = await select<ObjectionRow>(`${OBJECTION_SELECT} WHERE o.id = :id ${options.lock ? 'FOR UPDATE OF o' : ''}`, { id }, options.transaction);
      return rows[0] ? toObjection(rows[0]) : null;
    },

    async resolveObjection(id: string, resolution: { status: 'upheld' | 'dismissed'; reason: string; by: string }, transaction: Transaction) {
      await sequelize.query(
        `UPDATE objections SET status = :status, resolution_reason = :reason, resolved_by = :by, resolved_at = now() WHERE id = :id AND status = 'pending'`,
        { replacements: { id, ...resolution }, transaction },
      );
    },
  };
}

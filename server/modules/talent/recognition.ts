// Residence-point recognition for team members: the firm computes a member's points from their facts (the birth date
// comes from the member's encrypted ID number when not given), submits the request, and an officer confirms it,
// adjusting items — including the officer-entered tax (PT-P5) and honours (PT-P6) items — each with a reason.
import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import { AppError, notFound } from '../../errors/app-error.ts';
import { fieldError } from '../../errors/messages.ts';
import type { FieldCrypto } from '../../lib/field-crypto.ts';
import type { AuditRepository } from '../audit/audit.repository.ts';
import type { CurrentUser } from '../identity/identity.types.ts';
import type { PrecheckResult } from '../eligibility/rule-set.types.ts';
import { add, compare, fromNumber, parseExact, rational, sub, toNumber2, type Rational } from '../eligibility/exact.ts';
import type { TalentRepository } from './talent.repository.ts';
import { storeLetter, type LetterDeps } from '../letters/issue-letter.ts';
import { letterSummary } from '../decisions/view-decision.ts';
import { beijingDate } from '../../lib/dates.ts';
import { enqueueMail } from '../../notifications/queue-mail.ts';
import { formatDate } from '../letters/render-letter.ts';

type Deps = LetterDeps & {
  talent: TalentRepository;
  crypto: FieldCrypto;
  audit: AuditRepository;
  runPrecheck: (programme: string, input: { facts: unknown; asOf?: string }) => Promise<PrecheckResult>;
};
type Actor = { user: CurrentUser; clientIp: string };
export type Adjustment = { item: string; points: number; reason: string };

/** Items only an officer enters (policy [TBC]: not computed). */
export const OFFICER_ITEMS = {
  'PT-P5': { zh: '纳税', en: 'Tax paid' },
  'PT-P6': { zh: '表彰奖励', en: 'Honours' },
} as const;

type Row = {
  id: string; team_id: string; member_id: string; facts: Record<string, unknown>; as_of: string; result: PrecheckResult; computed_points: string;
  status: 'draft' | 'submitted' | 'confirmed'; adjustments: Adjustment[]; confirmed_points: string | null; confirmed_outcome: string | null;
  submitted_at: Date | null; confirmed_at: Date | null; member_name: string; id_last4: string | null; team_name: string; company_id: string; company_name: string;
  uscc: string; contact_email: string | null; contact_language: 'zh-CN' | 'en' | null;
};

const iso = (value: Date | null) => (value ? new Date(value).toISOString() : null);

function toRequest(row: Row) {
  return {
    id: row.id,
    team: { id: row.team_id, name: row.team_name },
    company: { id: row.company_id, name: row.company_name },
    member: { id: row.member_id, name: row.member_name, idNumberMasked: row.id_last4 ? `${'*'.repeat(14)}${row.id_last4}` : null },
    asOf: String(row.as_of).slice(0, 10),
    facts: row.facts,
    result: row.result,
    computedPoints: Number(row.computed_points),
    status: row.status,
    adjustments: row.adjustments,
    confirmedPoints: row.confirmed_points === null ? null : Number(row.confirmed_points),
    confirmedOutcome: row.confirmed_outcome,
    submittedAt: iso(row.submitted_at),
    confirmedAt: iso(row.confirmed_at),
  };
}
export type RecognitionRequest = ReturnType<typeof toRequest>;

/**
 * The confirmed total, exactly: the computed score (exact, patent shares can be thirds) with each adjusted item's
 * exact value replaced by the officer's figure.
 */
export function confirmedTotal(result: PrecheckResult, adjustments: Adjustment[]): Rational {
  const items = new Map((result.scoreItems ?? []).map((item) => [item.id, parseExact(item.exact)]));
  let total = result.scoreExact ? parseExact(result.scoreExact) : fromNumber(result.score ?? 0);
  for (const adjustment of adjustments) {
    total = add(sub(total, items.get(adjustment.item) ?? rational(0)), fromNumber(adjustment.points));
  }
  return total;
}

/** Eligible when every condition other than the points holds and the exact confirmed total reaches the threshold. */
export function confirmedOutcome(result: PrecheckResult, total: Rational): 'eligible' | 'ineligible' {
  const threshold = fromNumber(Number(result.criteria.find((c) => c.id === 'PT-E04')?.required ?? 100));
  const others = result.criteria.filter((c) => c.id !== 'PT-E04');
  return others.every((c) => c.outcome === 'pass' || c.outcome === 'review') && compare(total, threshold) >= 0 ? 'eligible' : 'ineligible';
}

/** After withdrawal or retention only the figure stays: nothing is left to submit or confirm. */
const isAnonymised = (row: { result: PrecheckResult }) => !Array.isArray(row.result.criteria);

const SELECT = `SELECT r.*, m.name AS member_name, m.id_last4, t.name AS team_name, t.company_id, c.name AS company_name, c.uscc,
    u.email AS contact_email, u.language AS contact_language
  FROM recognition_requests r JOIN team_members m ON m.id = r.member_id JOIN talent_teams t ON t.id = r.team_id JOIN companies c ON c.id = t.company_id
  LEFT JOIN users u ON u.id = t.created_by`;

/** The points table of the letter: every computed item, and the officer-entered ones that were set. */
function letterItems(result: PrecheckResult, adjustments: Adjustment[]) {
  const adjusted = new Map(adjustments.map((a) => [a.item, a]));
  const computed = (result.scoreItems ?? []).map((item) => ({
    id: item.id,
    label: item.label,
    computed: item.points,
    confirmed: adjusted.get(item.id)?.points ?? item.points,
    reason: adjusted.get(item.id)?.reason ?? null,
  }));
  const entered = Object.entries(OFFICER_ITEMS).flatMap(([id, label]) => {
    const adjustment = adjusted.get(id);
    return adjustment ? [{ id, label, computed: 0, confirmed: adjustment.points, reason: adjustment.reason }] : [];
  });
  return [...computed, ...entered];
}

export function makeRecognition(deps: Deps) {
  const select = <T extends object>(sql: string, replacements: Record<string, unknown>, transaction?: Transaction) =>
    deps.sequelize.query<T>(sql, { replacements, type: QueryTypes.SELECT, transaction });
  const isStaff = (user: CurrentUser) => user.roles.includes('officer') || user.roles.includes('admin');

  async function find(where: string, replacements: Record<string, unknown>, transaction?: Transaction, lock = false) {
    const rows = await select<Row>(`${SELECT} WHERE ${where} ${lock ? 'FOR UPDATE OF r' : ''}`, replacements, transaction);
    return rows[0] ?? null;
  }

  async function visible(id: string, user: CurrentUser, transaction?: Transaction, lock = false) {
    const row = await find('r.id = :id', { id }, transaction, lock);
    if (!row || !(isStaff(user) || row.company_id === user.companyId)) throw notFound('recognition request');
    return row;
  }

  const record = (actor: Actor, action: string, row: { id: string; company_id: string }, after: Record<string, unknown>, transaction: Transaction) =>
    deps.audit.record({ userId: actor.user.id, label: actor.user.email, clientIp: actor.clientIp }, { action, entityType: 'recognition_request', entityId: row.id, companyId: row.company_id, after }, transaction);

  /** The member's recognition letter, e-mailed to the firm's contact, in the confirmation's transaction. */
  async function issueRecognitionLetter(row: Row, adjustments: Adjustment[], total: number, outcome: 'eligible' | 'ineligible', actor: Actor, transaction: Transaction) {
    const [programme] = await select<{ name_zh: string; name_en: string; policy_basis: string }>("SELECT name_zh, name_en, policy_basis FROM programmes WHERE code = 'residence-points'", {}, transaction);
    const language = row.contact_language === 'en' ? 'en' : 'zh-CN';
    const threshold = Number(row.result.criteria.find((c) => c.id === 'PT-E04')?.required ?? 100);
    const letter = await storeLetter(
      deps,
      {
        kind: 'recognition',
        applicationId: null,
        recognitionRequestId: row.id,
        decisionId: null,
        issuedBy: actor.user.id,
        build: ({ reference, version, issuedAt, verifyUrl }) => ({
          kind: 'recognition',
          language,
          reference,
          version,
          issuedOn: beijingDate(issuedAt),
          verifyUrl,
          company: { name: row.company_name, uscc: row.uscc },
          programme: { name: { zh: programme.name_zh, en: programme.name_en }, policyBasis: programme.policy_basis },
          call: { title: row.team_name },
          screening: null,
          scores: null,
          decision: {
            outcome: outcome === 'eligible' ? 'approved' : 'rejected',
            stage: 'first',
            amount: 0,
            awardAmount: null,
            amountReason: null,
            reasons: [],
            note: null,
            decidedOn: beijingDate(issuedAt),
            appealDeadline: null,
            payments: [],
          },
          recognition: {
            memberName: row.member_name,
            idNumberMasked: row.id_last4 ? `${'*'.repeat(14)}${row.id_last4}` : null,
            teamName: row.team_name,
            asOf: String(row.as_of).slice(0, 10),
            items: letterItems(row.result, adjustments),
            total,
            threshold,
            recognised: outcome === 'eligible',
          },
        }),
      },
      transaction,
    );
    if (row.contact_email) {
      await enqueueMail(
        deps.sequelize,
        {
          to: row.contact_email,
          template: 'recognition-issued',
          language,
          data: { companyName: row.company_name, teamName: row.team_name, memberName: row.member_name, reference: letter.reference, verifyCode: letter.verifyCode, points: total.toFixed(2), asOf: formatDate(String(row.as_of).slice(0, 10), language), teamId: row.team_id },
          attachments: [{ letterId: letter.id }],
        },
        transaction,
      );
    }
    return letter;
  }

  return {
    /** Computes (or recomputes, while a draft) the member's points and keeps them as the member's request. */
    async compute(teamId: string, memberId: string, input: { facts: Record<string, unknown>; asOf?: string }, actor: Actor) {
      const team = await deps.talent.findTeam(teamId);
      if (!team || team.company.id !== actor.user.companyId) throw notFound('team');
      const found = await deps.talent.findMember(teamId, memberId, undefined, { withSecret: true });
      if (!found) throw notFound('member');
      const facts = { ...input.facts };
      // the birth date is on the ID card: taken from the encrypted number for the computation, and not stored beside
      // the last four characters (together they would narrow the number down)
      let evaluated = facts;
      if (facts.birthDate === undefined && found.encrypted) {
        const digits = deps.crypto.decrypt(found.encrypted).slice(6, 14);
        evaluated = { ...facts, birthDate: `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}` };
      }
      const result = await deps.runPrecheck('residence-points', { facts: evaluated, asOf: input.asOf });
      const id = await deps.sequelize.transaction(async (transaction) => {
        const existing = await find('r.member_id = :memberId', { memberId }, transaction, true);
        if (existing && existing.status !== 'draft') throw new AppError('invalid_transition', { extra: { status: existing.status } });
        const [row] = await select<{ id: string }>(
          `INSERT INTO recognition_requests (team_id, member_id, facts, as_of, result, computed_points)
           VALUES (:teamId, :memberId, :facts, :asOf, :result, :points)
           ON CONFLICT (member_id) DO UPDATE SET facts = EXCLUDED.facts, as_of = EXCLUDED.as_of, result = EXCLUDED.result,
             computed_points = EXCLUDED.computed_points, updated_at = now()
           RETURNING id`,
          { teamId, memberId, facts: JSON.stringify(facts), asOf: result.asOf, result: JSON.stringify(result), points: result.score ?? 0 },
          transaction,
        );
        return row.id;
      });
      return toRequest((await find('r.id = :id', { id }))!);
    },

    async submit(id: string, actor: Actor) {
      await deps.sequelize.transaction(async (transaction) => {
        const row = await visible(id, actor.user, transaction, true);
        if (row.company_id !== actor.user.companyId) throw notFound('recognition request');
        if (row.status !== 'draft' || isAnonymised(row)) throw new AppError('invalid_transition', { extra: { status: row.status } });
        await deps.sequelize.query("UPDATE recognition_requests SET status = 'submitted', submitted_at = now(), submitted_by = :userId, updated_at = now() WHERE id = :id", {
          replacements: { id, userId: actor.user.id },
          transaction,
        });
        await record(actor, 'recognition.submitted', row, { points: Number(row.computed_points) }, transaction);
      });
      return toRequest((await find('r.id = :id', { id }))!);
    },

    async view(id: string, user: CurrentUser) {
      const request = toRequest(await visible(id, user));
      return { ...request, letters: (await deps.letters.forRecognition(id)).map(letterSummary) };
    },

    /** The officer's queue, and a team's summary for the firm. */
    async list(user: CurrentUser, filter: { status?: string; teamId?: string; limit: number; offset: number }) {
      const conditions = [
        ...(isStaff(user) ? [] : ['t.company_id = :companyId']),
        ...(filter.status ? ['r.status = :status'] : []),
        ...(filter.teamId ? ['r.team_id = :teamId'] : []),
      ];
      if (!isStaff(user) && !user.companyId) return { items: [], total: 0 };
      const rows = await select<Row & { total: string }>(
        `SELECT x.*, count(*) OVER () AS total FROM (${SELECT} ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}) x
          ORDER BY x.submitted_at NULLS LAST, x.created_at LIMIT :limit OFFSET :offset`,
        { ...filter, companyId: user.companyId },
      );
      return { items: rows.map(toRequest), total: rows.length > 0 ? Number(rows[0].total) : 0 };
    },

    async confirm(id: string, adjustments: Adjustment[], actor: Actor) {
      await deps.sequelize.transaction(async (transaction) => {
        const row = await visible(id, actor.user, transaction, true);
        if (row.status !== 'submitted') throw new AppError('invalid_transition', { extra: { status: row.status } });
        const known = new Set([...(row.result.scoreItems ?? []).map((item) => item.id), ...Object.keys(OFFICER_ITEMS)]);
        const errors = adjustments.flatMap((a, index) => (known.has(a.item) ? [] : [fieldError(`adjustments[${index}].item`, 'recognition.unknownItem')]));
        if (errors.length > 0) throw new AppError('validation_failed', { errors });
        if (isAnonymised(row)) throw new AppError('invalid_transition', { log: 'the member’s data was erased' });
        const exactTotal = confirmedTotal(row.result, adjustments);
        const outcome = confirmedOutcome(row.result, exactTotal);
        const total = toNumber2(exactTotal);
        await deps.sequelize.query(
          `UPDATE recognition_requests SET status = 'confirmed', adjustments = :adjustments, confirmed_points = :total, confirmed_outcome = :outcome,
              confirmed_at = now(), confirmed_by = :userId, updated_at = now() WHERE id = :id`,
          { replacements: { id, adjustments: JSON.stringify(adjustments), total, outcome, userId: actor.user.id }, transaction },
        );
        await record(actor, 'recognition.confirmed', row, { computed: Number(row.computed_points), confirmed: total, outcome, adjustments }, transaction);
        await issueRecognitionLetter(row, adjustments, total, outcome, actor, transaction);
      });
      return toRequest((await find('r.id = :id', { id }))!);
    },
  };
}

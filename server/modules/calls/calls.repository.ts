import { Op, QueryTypes, type Transaction, type WhereOptions } from 'sequelize';
import type { CallModel, Models } from '../../db/models/index.ts';

export type CallStatus = 'upcoming' | 'open' | 'closed';

export type Call = {
  id: string;
  programme: string;
  title: string;
  opensAt: string;
  closesAt: string;
  graceMinutes: number;
  budget: number;
  committed: number;
  reviewersPerApplication: number;
  /** The versions frozen when the call opened. */
  ruleSet: { id: string; version: number } | null;
  awardScheme: { id: string; version: number } | null;
};

/** What an officer may change after a call is created. */
export type CallChanges = Partial<Pick<NewCall, 'title' | 'opensAt' | 'closesAt' | 'graceMinutes' | 'budget' | 'reviewersPerApplication'>>;

type FrozenRefs = Map<number, { id: string; version: number }>;

function toCall(row: CallModel, refs: FrozenRefs): Call {
  return {
    id: row.id,
    programme: row.programmeCode,
    title: row.title,
    opensAt: row.opensAt.toISOString(),
    closesAt: row.closesAt.toISOString(),
    graceMinutes: row.graceMinutes,
    budget: Number(row.budget),
    committed: Number(row.committed),
    reviewersPerApplication: row.reviewersPerApplication,
    ruleSet: row.ruleSetUid ? (refs.get(Number(row.ruleSetUid)) ?? null) : null,
    awardScheme: row.awardRuleSetUid ? (refs.get(Number(row.awardRuleSetUid)) ?? null) : null,
  };
}

export type NewCall = {
  programme: string;
  title: string;
  opensAt: Date;
  closesAt: Date;
  graceMinutes: number;
  budget: number;
  reviewersPerApplication: number;
  ruleSetUid: number;
  awardRuleSetUid: number | null;
  createdBy: string | null;
};

export type CallsRepository = ReturnType<typeof createCallsRepository>;

export function createCallsRepository(models: Models) {
  async function frozenRefs(rows: CallModel[], transaction?: Transaction): Promise<FrozenRefs> {
    const uids = [...new Set(rows.flatMap((r) => [r.ruleSetUid, r.awardRuleSetUid]).filter((u): u is number => u !== null).map(Number))];
    if (uids.length === 0) return new Map();
    const found = await models.RuleSet.findAll({ where: { uid: uids }, attributes: ['uid', 'id', 'version'], transaction });
    return new Map(found.map((r) => [Number(r.uid), { id: r.id, version: r.version }]));
  }

  // A call's programme is set when it is created and never changes (CallChanges cannot touch it).
  const programmes = new Map<string, string>();

  return {
    /** The programme of a call, read once per process; null for an unknown call. */
    async programmeOf(id: string): Promise<string | null> {
      const known = programmes.get(id);
      if (known) return known;
      const row = await models.Call.findByPk(id, { attributes: ['programmeCode'] });
      if (!row) return null;
      if (programmes.size >= 10_000) programmes.clear();
      programmes.set(id, row.programmeCode);
      return row.programmeCode;
    },

    /**
     * What screening an application needs of its call in one statement: the window, the frozen rule-set versions and the
     * database clock (deadlines use the clock every server shares).
     */
    async readForScreening(id: string, transaction?: Transaction): Promise<{ call: Pick<Call, 'id' | 'programme' | 'title' | 'opensAt' | 'closesAt' | 'graceMinutes'>; ruleSetUids: number[]; now: Date } | null> {
      const [row] = await models.Call.sequelize!.query<{ id: string; programme: string; title: string; opensAt: Date; closesAt: Date; graceMinutes: number; ruleSetUid: string | null; awardRuleSetUid: string | null; now: Date }>(
        `SELECT id, programme_code AS programme, title, opens_at AS "opensAt", closes_at AS "closesAt", grace_minutes AS "graceMinutes",
                rule_set_uid AS "ruleSetUid", award_rule_set_uid AS "awardRuleSetUid", now() AS now
           FROM calls WHERE id = :id`,
        { replacements: { id }, type: QueryTypes.SELECT, transaction },
      );
      if (!row) return null;
      return {
        call: { id: row.id, programme: row.programme, title: row.title, opensAt: row.opensAt.toISOString(), closesAt: row.closesAt.toISOString(), graceMinutes: row.graceMinutes },
        ruleSetUids: [row.ruleSetUid, row.awardRuleSetUid].filter((uid): uid is string => uid !== null).map(Number),
        now: row.now,
      };
    },

    /** "open" is judged on the database clock, the one clock every server shares. */
    async list(filter: { programme?: string; status?: CallStatus; limit: number; offset: number }) {
      const now = models.Call.sequelize!.fn('now');
      const where: WhereOptions = {};
      if (filter.programme) Object.assign(where, { programmeCode: filter.programme });
      if (filter.status === 'open') Object.assign(where, { opensAt: { [Op.lte]: now }, closesAt: { [Op.gt]: now } });
      if (filter.status === 'upcoming') Object.assign(where, { opensAt: { [Op.gt]: now } });
      if (filter.status === 'closed') Object.assign(where, { closesAt: { [Op.lte]: now } });
      const { rows, count } = await models.Call.findAndCountAll({
        where,
        order: [['opensAt', 'DESC'], ['id', 'ASC']],
        limit: filter.limit,
        offset: filter.offset,
      });
      const refs = await frozenRefs(rows);
      return { items: rows.map((row) => toCall(row, refs)), total: count };
    },

    async findById(id: string, transaction?: Transaction, options: { lock?: boolean } = {}): Promise<Call | null> {
      const row = await models.Call.findByPk(id, { transaction, lock: options.lock ? true : undefined });
      return row ? toCall(row, await frozenRefs([row], transaction)) : null;
    },

    async create(call: NewCall, transaction?: Transaction): Promise<Call> {
      const { programme, ...rest } = call;
      const row = await models.Call.create({ ...rest, programmeCode: programme }, { transaction });
      return toCall(row, await frozenRefs([row], transaction));
    },

    async update(id: string, changes: CallChanges, transaction: Transaction): Promise<Call> {
      await models.Call.update(changes, { where: { id }, transaction });
      const row = (await models.Call.findByPk(id, { transaction }))!;
      return toCall(row, await frozenRefs([row], transaction));
    },

    async applicationCount(id: string, transaction?: Transaction): Promise<number> {
      return models.Application.count({ where: { callId: id }, transaction });
    },

    async listUnfrozen(): Promise<{ id: string; programme: string; opensAt: Date }[]> {
      const rows = await models.Call.findAll({ where: { ruleSetUid: null } });
      return rows.map((r) => ({ id: r.id, programme: r.programmeCode, opensAt: r.opensAt }));
    },

    async freeze(id: string, uids: { ruleSetUid: number; awardRuleSetUid: number | null }): Promise<void> {
      await models.Call.update(uids, { where: { id, ruleSetUid: null } });
    },
  };
}

import { Op, type WhereOptions } from 'sequelize';
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
};

function toCall(row: CallModel): Call {
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
  };
}

export type CallsRepository = ReturnType<typeof createCallsRepository>;

export function createCallsRepository(models: Models) {
  return {
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
      return { items: rows.map(toCall), total: count };
    },
  };
}

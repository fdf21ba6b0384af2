import type { Models, ProgrammeModel } from '../../db/models/index.ts';

export type Programme = {
  code: string;
  name: { zh: string; en: string };
  summary: { zh: string; en: string };
  policyBasis: string;
  planAction: string | null;
  /** How expert review runs: applicant identity hidden from reviewers; the spread of totals that flags a panel. */
  reviewSettings: { blindIdentity: boolean; spreadMargin: number };
};

function toProgramme(row: ProgrammeModel): Programme {
  return {
    code: row.code,
    name: { zh: row.nameZh, en: row.nameEn },
    summary: { zh: row.summaryZh, en: row.summaryEn },
    policyBasis: row.policyBasis,
    planAction: row.planAction,
    reviewSettings: { blindIdentity: row.blindIdentity, spreadMargin: Number(row.spreadMargin) },
  };
}

export type ProgrammesRepository = ReturnType<typeof createProgrammesRepository>;

export function createProgrammesRepository(models: Models) {
  return {
    async list(): Promise<Programme[]> {
      const rows = await models.Programme.findAll({ order: [['sortOrder', 'ASC'], ['code', 'ASC']] });
      return rows.map(toProgramme);
    },
    async find(code: string): Promise<Programme | null> {
      const row = await models.Programme.findByPk(code);
      return row ? toProgramme(row) : null;
    },
  };
}

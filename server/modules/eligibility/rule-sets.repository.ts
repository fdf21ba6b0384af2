// Stored rule-set versions. Returns plain RuleSet objects (plus publication details).
import type { Transaction } from 'sequelize';
import type { Models, RuleSetModel } from '../../db/models/index.ts';
import type { Parameter, ProgrammeCode, RuleSet, RuleSetKind } from './rule-set.types.ts';

export type StoredRuleSet = RuleSet & {
  uid: number;
  note: string | null;
  basedOnVersion: number | null;
  createdBy: string | null;
  createdAt: string;
};

function toRuleSet(row: RuleSetModel): StoredRuleSet {
  return {
    uid: Number(row.uid),
    id: row.id,
    programme: row.programmeCode as ProgrammeCode,
    kind: row.kind,
    version: row.version,
    effectiveFrom: row.effectiveFrom,
    effectiveTo: row.effectiveTo,
    parameters: row.parameters as Parameter[],
    note: row.note,
    basedOnVersion: row.basedOnVersion,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The public part of a version: what pre-check results and GET /api/programmes/:code show. */
export function publicRuleSet(ruleSet: RuleSet) {
  const { id, kind, version, effectiveFrom, effectiveTo, parameters } = ruleSet;
  return { id, kind, version, effectiveFrom, effectiveTo, parameters };
}

export type RuleSetsRepository = ReturnType<typeof createRuleSetsRepository>;

/** How long a process trusts its copy of a programme's rule sets; a version published here clears it at once. */
const CACHE_MS = 5_000;

export function createRuleSetsRepository(models: Models) {
  // Rule sets are immutable rows and new versions take effect on a future date, so the public pre-check reads them from
  // memory rather than the database on every request (a version published by another server is seen within 5 s).
  const cache = new Map<string, { at: number; versions: Promise<StoredRuleSet[]> }>();
  const byUid = new Map<number, StoredRuleSet>();
  return {
    async listForProgrammeCached(programme: string): Promise<StoredRuleSet[]> {
      const hit = cache.get(programme);
      if (hit && Date.now() - hit.at < CACHE_MS) return hit.versions;
      const versions = this.listForProgramme(programme);
      cache.set(programme, { at: Date.now(), versions });
      versions.catch(() => cache.delete(programme));
      return versions;
    },

    async listForProgramme(programme: string, transaction?: Transaction): Promise<StoredRuleSet[]> {
      const rows = await models.RuleSet.findAll({
        where: { programmeCode: programme },
        order: [['kind', 'DESC'], ['effectiveFrom', 'DESC'], ['version', 'DESC']],
        transaction,
      });
      return rows.map(toRuleSet);
    },

    async find(key: { id: string; kind: RuleSetKind; version: number }, transaction?: Transaction): Promise<StoredRuleSet | null> {
      const row = await models.RuleSet.findOne({ where: key, transaction });
      return row ? toRuleSet(row) : null;
    },

    /** Versions by uid. A published version never changes, so each is read from the database once per process. */
    async findByUids(uids: number[], transaction?: Transaction): Promise<StoredRuleSet[]> {
      if (byUid.size >= 1_000) byUid.clear();
      const missing = uids.filter((uid) => !byUid.has(uid));
      if (missing.length > 0) {
        const rows = await models.RuleSet.findAll({ where: { uid: missing }, transaction });
        for (const row of rows) byUid.set(Number(row.uid), toRuleSet(row));
      }
      return uids.map((uid) => byUid.get(uid)).filter((ruleSet): ruleSet is StoredRuleSet => ruleSet !== undefined);
    },

    /** Serialises publications of one rule set, so two officers never get the same version number. */
    async nextVersion(id: string, kind: RuleSetKind, transaction: Transaction): Promise<number> {
      await models.RuleSet.sequelize!.query('SELECT pg_advisory_xact_lock(hashtext(:key))', {
        replacements: { key: `rule_set:${kind}:${id}` },
        transaction,
      });
      const max = (await models.RuleSet.max('version', { where: { id, kind }, transaction })) as number | null;
      return (max ?? 0) + 1;
    },

    async insert(
      ruleSet: RuleSet & { note: string | null; basedOnVersion: number | null; createdBy: string | null },
      transaction?: Transaction,
    ): Promise<StoredRuleSet> {
      cache.delete(ruleSet.programme);
      const row = await models.RuleSet.create(
        {
          id: ruleSet.id,
          kind: ruleSet.kind,
          version: ruleSet.version,
          programmeCode: ruleSet.programme,
          effectiveFrom: ruleSet.effectiveFrom,
          effectiveTo: ruleSet.effectiveTo,
          parameters: ruleSet.parameters,
          note: ruleSet.note,
          basedOnVersion: ruleSet.basedOnVersion,
          createdBy: ruleSet.createdBy,
        },
        { transaction },
      );
      return toRuleSet(row);
    },

    /** How many calls froze each version (keyed by uid). */
    async callsUsing(programme: string): Promise<Map<number, number>> {
      const [rows] = await models.RuleSet.sequelize!.query(
        `SELECT r.uid, count(c.id)::int AS n FROM rule_sets r
           LEFT JOIN calls c ON c.rule_set_uid = r.uid OR c.award_rule_set_uid = r.uid
          WHERE r.programme_code = :programme GROUP BY r.uid`,
        { replacements: { programme } },
      );
      return new Map((rows as { uid: number; n: number }[]).map((r) => [Number(r.uid), r.n]));
    },
  };
}

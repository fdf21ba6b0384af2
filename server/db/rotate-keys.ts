// Key rotation for encrypted fields: after SECRET_KEY changes (the old key moved to PREVIOUS_SECRET_KEYS), re-encrypts
// every stored secret under the new key and re-computes the lookup hashes, so the old key can eventually be dropped.
// Row by row, each a compare-and-set on the value it read: safe while the platform runs, safe to run again, and a
// row changed meanwhile (a new authenticator, a withdrawn consent) is left to the next run rather than overwritten.
import { QueryTypes, type Sequelize } from 'sequelize';
import type { FieldCrypto } from '../lib/field-crypto.ts';

export type RotationReport = {
  authenticatorSecrets: { rotated: number; current: number };
  idNumbers: { rotated: number; current: number };
  /** Rows that could not be read with any configured key: they stay as they are and are counted here. */
  unreadable: number;
  /**
   * Unused recovery codes made before this run: they are stored only as hashes, so they cannot be re-hashed; those made
   * under a previous key work while that key stays in PREVIOUS_SECRET_KEYS (or until their owner makes new ones).
   */
  recoveryCodesMadeBefore: number;
};

const PAGE = 500;

export async function rotateFieldKeys(sequelize: Sequelize, crypto: FieldCrypto): Promise<RotationReport> {
  const startedAt = new Date();
  const report: RotationReport = { authenticatorSecrets: { rotated: 0, current: 0 }, idNumbers: { rotated: 0, current: 0 }, unreadable: 0, recoveryCodesMadeBefore: 0 };

  /** Pages through `table` by `key` and re-encrypts `column` where it is not under the current key yet. */
  async function rotateColumn(
    table: 'user_mfa' | 'team_members',
    key: 'user_id' | 'id',
    column: 'secret' | 'id_number_enc',
    counts: { rotated: number; current: number },
    rehash?: 'id_number_hash',
  ) {
    let after: string | null = null;
    for (;;) {
      const rows: { key: string; value: Buffer }[] = await sequelize.query(
        `SELECT ${key}::text AS key, ${column} AS value FROM ${table}
          WHERE ${column} IS NOT NULL ${after === null ? '' : `AND ${key} > :after::uuid`} ORDER BY ${key} LIMIT ${PAGE}`,
        { replacements: { after }, type: QueryTypes.SELECT },
      );
      if (rows.length === 0) return;
      for (const row of rows) {
        if (crypto.isCurrent(row.value)) {
          counts.current += 1;
          continue;
        }
        let plain: string;
        try {
          plain = crypto.decrypt(row.value);
        } catch {
          report.unreadable += 1;
          continue;
        }
        const [, changed] = await sequelize.query(
          `UPDATE ${table} SET ${column} = :value${rehash ? `, ${rehash} = :hash` : ''} WHERE ${key} = :key::uuid AND ${column} = :old`,
          { replacements: { value: crypto.encrypt(plain), hash: rehash ? crypto.lookupHash(plain) : null, key: row.key, old: row.value } },
        );
        if ((changed as unknown as { rowCount?: number })?.rowCount === 1) counts.rotated += 1;
      }
      after = rows[rows.length - 1].key;
    }
  }

  await rotateColumn('user_mfa', 'user_id', 'secret', report.authenticatorSecrets);
  await rotateColumn('team_members', 'id', 'id_number_enc', report.idNumbers, 'id_number_hash');
  const [{ n }] = await sequelize.query<{ n: number }>('SELECT count(*)::int AS n FROM mfa_recovery_codes WHERE used_at IS NULL AND created_at < :startedAt', {
    replacements: { startedAt },
    type: QueryTypes.SELECT,
  });
  report.recoveryCodesMadeBefore = n;
  return report;
}

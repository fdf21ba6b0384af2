// Key rotation for encrypted fields: after SECRET_KEY changes (the old key moved to PREVIOUS_SECRET_KEYS), re-encrypts
// every stored secret under the new key and re-computes the lookup hashes, so the old key can eventually be dropped.
// Row by row, each a compare-and-set on the value it read: safe while the platform runs, safe to run again, and a
// row changed meanwhile (a new authenticator, a withdrawn consent) is left to the next run rather than overwritten.
import { QueryTypes, UniqueConstraintError, type Sequelize } from 'sequelize';
import type { FieldCrypto } from '../lib/field-crypto.ts';

type ColumnReport = {
  /** re-encrypted now */
  rotated: number;
  /** already under the current key */
  current: number;
  /** changed by the platform between this run's read and its write: left for the next run */
  changed: number;
};

export type RotationReport = {
  authenticatorSecrets: ColumnReport & {
    /** set up but not confirmed yet: left as they are (an enrolment in progress must not be broken; a new set-up replaces them) */
    unconfirmed: number;
  };
  idNumbers: ColumnReport & {
    /** whose new hash equals another active member's of the same team (a duplicate that slipped in during the change) */
    conflicts: number;
    conflictingMembers: string[];
  };
  /** Rows that could not be read with any configured key: they stay as they are and are counted here. */
  unreadable: number;
  /**
   * Unused recovery codes not made under the current key. They are stored only as hashes and cannot be re-hashed:
   * they work while their key stays in PREVIOUS_SECRET_KEYS, or until their owners make new ones.
   */
  recoveryCodes: { underOtherKeys: number; users: string[] };
  /** Nothing is left that needs a previous key (run again until it is). */
  done: boolean;
};

const LISTED = 100;

export async function rotateFieldKeys(sequelize: Sequelize, crypto: FieldCrypto, options: { pageSize?: number } = {}): Promise<RotationReport> {
  const pageSize = options.pageSize ?? 500;
  const secrets = { rotated: 0, current: 0, changed: 0, unconfirmed: 0 };
  const numbers = { rotated: 0, current: 0, changed: 0, conflicts: 0, conflictingMembers: [] as string[] };
  let unreadable = 0;

  /** Pages through `table` by `key` and re-encrypts `column` where it is not under the current key yet. */
  async function rotateColumn(
    table: 'user_mfa' | 'team_members',
    key: 'user_id' | 'id',
    column: 'secret' | 'id_number_enc',
    counts: ColumnReport,
    options: { rehash?: 'id_number_hash'; skip?: (row: { pending: boolean }) => boolean; onConflict?: (key: string) => void },
  ) {
    let after: string | null = null;
    for (;;) {
      const rows: { key: string; value: Buffer; pending: boolean }[] = await sequelize.query(
        `SELECT ${key}::text AS key, ${column} AS value, ${table === 'user_mfa' ? 'enabled_at IS NULL' : 'false'} AS pending FROM ${table}
          WHERE ${column} IS NOT NULL ${after === null ? '' : `AND ${key} > :after::uuid`} ORDER BY ${key} LIMIT ${pageSize}`,
        { replacements: { after }, type: QueryTypes.SELECT },
      );
      if (rows.length === 0) return;
      for (const row of rows) {
        if (crypto.isCurrent(row.value)) {
          counts.current += 1;
          continue;
        }
        if (options.skip?.(row)) continue;
        let plain: string;
        try {
          plain = crypto.decrypt(row.value);
        } catch {
          unreadable += 1;
          continue;
        }
        try {
          const [, result] = await sequelize.query(
            `UPDATE ${table} SET ${column} = :value${options.rehash ? `, ${options.rehash} = :hash` : ''} WHERE ${key} = :key::uuid AND ${column} = :old`,
            { replacements: { value: crypto.encrypt(plain), hash: options.rehash ? crypto.lookupHash(plain) : null, key: row.key, old: row.value } },
          );
          if ((result as { rowCount?: number } | undefined)?.rowCount === 1) counts.rotated += 1;
          else counts.changed += 1;
        } catch (error) {
          // the error names the statement and its values: only the row's id goes on
          if (!(error instanceof UniqueConstraintError) || !options.onConflict) throw new Error(`re-encrypting ${table} ${row.key} failed (${(error as { name?: string }).name ?? 'error'})`);
          options.onConflict(row.key);
        }
      }
      after = rows[rows.length - 1].key;
    }
  }

  await rotateColumn('user_mfa', 'user_id', 'secret', secrets, {
    skip: (row) => {
      if (row.pending) secrets.unconfirmed += 1;
      return row.pending;
    },
  });
  await rotateColumn('team_members', 'id', 'id_number_enc', numbers, {
    rehash: 'id_number_hash',
    onConflict: (memberId) => {
      numbers.conflicts += 1;
      if (numbers.conflictingMembers.length < LISTED) numbers.conflictingMembers.push(memberId);
    },
  });
  const codes = await sequelize.query<{ user_id: string; n: number }>(
    `SELECT user_id::text, count(*)::int AS n FROM mfa_recovery_codes
      WHERE used_at IS NULL AND key_id IS DISTINCT FROM :keyId GROUP BY user_id ORDER BY user_id`,
    { replacements: { keyId: crypto.currentKeyId }, type: QueryTypes.SELECT },
  );
  const recoveryCodes = { underOtherKeys: codes.reduce((sum, row) => sum + row.n, 0), users: codes.slice(0, LISTED).map((row) => row.user_id) };
  const done = secrets.rotated + secrets.changed + numbers.rotated + numbers.changed + numbers.conflicts + unreadable + recoveryCodes.underOtherKeys === 0;
  return { authenticatorSecrets: secrets, idNumbers: numbers, unreadable, recoveryCodes, done };
}

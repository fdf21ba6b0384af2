// Two-factor state per user. The TOTP secret arrives here already encrypted; recovery codes already hashed.
import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import { enqueueMail } from '../../notifications/queue-mail.ts';

type MfaRow = { user_id: string; secret: Buffer; enabled_at: Date | null; last_step: string | null };

export type MfaState = { userId: string; secret: Buffer; enabledAt: Date | null; lastStep: number | null };

const toState = (row: MfaRow): MfaState => ({
  userId: row.user_id,
  secret: row.secret,
  enabledAt: row.enabled_at,
  lastStep: row.last_step === null ? null : Number(row.last_step),
});

export type MfaRepository = ReturnType<typeof createMfaRepository>;

/** A new set of recovery codes as stored: their keyed hashes and the id of the key that made them. */
export type RecoveryCodeHashes = { hashes: string[]; keyId: string };

export function createMfaRepository(sequelize: Sequelize) {
  const select = <T extends object>(sql: string, replacements: Record<string, unknown>, transaction?: Transaction) =>
    sequelize.query<T>(sql, { replacements, type: QueryTypes.SELECT, transaction });

  /** An e-mail to the user, greeting them by name, in `language` or else the one stored for them. */
  async function queueMail(userId: string, template: string, data: Record<string, unknown>, transaction: Transaction, language?: string): Promise<void> {
    const [user] = await select<{ email: string; language: string | null; display_name: string }>(
      'SELECT email, language, display_name FROM users WHERE id = :userId',
      { userId },
      transaction,
    );
    await enqueueMail(sequelize, { to: user.email, template, language: language ?? user.language ?? 'zh-CN', data: { ...data, name: user.display_name } }, transaction);
  }

  return {
    async find(userId: string, transaction?: Transaction): Promise<MfaState | null> {
      const [row] = await select<MfaRow>('SELECT user_id, secret, enabled_at, last_step FROM user_mfa WHERE user_id = :userId', { userId }, transaction);
      return row ? toState(row) : null;
    },

    async isEnabled(userId: string): Promise<boolean> {
      const [row] = await select<{ on: boolean }>('SELECT enabled_at IS NOT NULL AS on FROM user_mfa WHERE user_id = :userId', { userId });
      return row?.on ?? false;
    },

    /** A new secret waiting for its first code; refuses (false) when two-factor is already on. */
    async saveSetup(userId: string, secret: Buffer): Promise<boolean> {
      const rows = await select<{ user_id: string }>(
        `INSERT INTO user_mfa (user_id, secret) VALUES (:userId, :secret)
         ON CONFLICT (user_id) DO UPDATE SET secret = EXCLUDED.secret, last_step = NULL, updated_at = now()
           WHERE user_mfa.enabled_at IS NULL
         RETURNING user_id`,
        { userId, secret },
      );
      return rows.length === 1;
    },

    /**
     * Accepts the code's time step once: only when it is later than the last accepted one. Two requests with the same
     * code race on this row and only one wins.
     */
    async acceptStep(userId: string, step: number, transaction?: Transaction): Promise<boolean> {
      const rows = await select<{ user_id: string }>(
        `UPDATE user_mfa SET last_step = :step, updated_at = now()
          WHERE user_id = :userId AND (last_step IS NULL OR last_step < :step) RETURNING user_id`,
        { userId, step },
        transaction,
      );
      return rows.length === 1;
    },

    /** Turns two-factor on, only for the secret the first code was checked against. */
    async enable(userId: string, secret: Buffer, codes: RecoveryCodeHashes, transaction: Transaction): Promise<boolean> {
      const rows = await select<{ user_id: string }>(
        'UPDATE user_mfa SET enabled_at = now(), updated_at = now() WHERE user_id = :userId AND enabled_at IS NULL AND secret = :secret RETURNING user_id',
        { userId, secret },
        transaction,
      );
      if (rows.length !== 1) return false;
      await this.replaceRecoveryCodes(userId, codes, transaction);
      return true;
    },

    async replaceRecoveryCodes(userId: string, codes: RecoveryCodeHashes, transaction: Transaction): Promise<void> {
      await sequelize.query('DELETE FROM mfa_recovery_codes WHERE user_id = :userId', { replacements: { userId }, transaction });
      await sequelize.query(
        `INSERT INTO mfa_recovery_codes (user_id, code_hash, key_id) SELECT :userId, unnest(ARRAY[:codeHashes]::text[]), :keyId`,
        { replacements: { userId, codeHashes: codes.hashes, keyId: codes.keyId }, transaction },
      );
    },

    /**
     * Marks an unused recovery code used, whichever configured key its hash was made under (`codeHashes`: one per key);
     * false when it is unknown or spent (two racing uses: one wins).
     */
    async useRecoveryCode(userId: string, codeHashes: string[]): Promise<boolean> {
      const rows = await select<{ id: string }>(
        `UPDATE mfa_recovery_codes SET used_at = now() WHERE user_id = :userId AND code_hash IN (:codeHashes) AND used_at IS NULL RETURNING id`,
        { userId, codeHashes },
      );
      return rows.length === 1;
    },

    async recoveryCodesLeft(userId: string): Promise<number> {
      const [row] = await select<{ n: number }>('SELECT count(*)::int AS n FROM mfa_recovery_codes WHERE user_id = :userId AND used_at IS NULL', { userId });
      return row.n;
    },

    /** Every session of the user ends (their sign-in factors changed under them). */
    async endSessions(userId: string, transaction: Transaction): Promise<void> {
      await sequelize.query(`DELETE FROM sessions WHERE sess::jsonb ->> 'userId' = :userId OR sess::jsonb -> 'mfaPending' ->> 'userId' = :userId`, {
        replacements: { userId },
        transaction,
      });
    },

    /** Tells the user, in the language they last signed in with, that their sign-in factors changed. */
    async queueNotice(userId: string, event: string, data: Record<string, unknown>, transaction: Transaction): Promise<void> {
      await queueMail(userId, 'account-security', { ...data, event, [event]: true }, transaction);
    },

    queueMail,

    /** Turns two-factor off (the user's own choice, or an administrator's reset after a lost phone). */
    async remove(userId: string, transaction: Transaction): Promise<boolean> {
      await sequelize.query('DELETE FROM mfa_recovery_codes WHERE user_id = :userId', { replacements: { userId }, transaction });
      const rows = await select<{ user_id: string }>('DELETE FROM user_mfa WHERE user_id = :userId RETURNING user_id', { userId }, transaction);
      return rows.length === 1;
    },
  };
}

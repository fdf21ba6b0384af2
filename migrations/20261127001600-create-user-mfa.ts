import type { Migration } from '../server/db/migrate.ts';

// Two-factor sign-in (TOTP, RFC 6238) for any user, required of officers and administrators when REQUIRE_MFA is on.
// The shared secret is stored encrypted with the field key (AES-256-GCM, like ID numbers); recovery codes only as
// keyed hashes, each usable once. `last_step` is the last accepted 30-second step, so a code is never accepted twice.
export const up: Migration = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    CREATE TABLE user_mfa (
      user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
      secret bytea NOT NULL,
      enabled_at timestamptz,
      last_step bigint,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE mfa_recovery_codes (
      id bigserial PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      code_hash text NOT NULL,
      used_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (user_id, code_hash)
    );
  `);
};

export const down: Migration = async ({ context: { sequelize } }) => {
  await sequelize.query('DROP TABLE mfa_recovery_codes; DROP TABLE user_mfa;');
};

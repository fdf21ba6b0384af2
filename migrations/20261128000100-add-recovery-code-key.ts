import type { Migration } from '../server/db/migrate.ts';

// Recovery codes are stored as keyed hashes and cannot be re-hashed when SECRET_KEY is rotated. Recording the key each
// was hashed under lets `npm run keys:rotate` say how many (and whose) still depend on a previous key. Null: made
// before key ids were recorded (under whichever key was current then).
export const up: Migration = async ({ context: { sequelize } }) => {
  await sequelize.query('ALTER TABLE mfa_recovery_codes ADD COLUMN key_id text');
};

export const down: Migration = async ({ context: { sequelize } }) => {
  await sequelize.query('ALTER TABLE mfa_recovery_codes DROP COLUMN key_id');
};

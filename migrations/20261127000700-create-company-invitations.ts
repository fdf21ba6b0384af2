import type { Migration } from '../server/db/migrate.ts';

// Colleagues join a company only by invitation from its owner; the e-mailed link carries a one-time token
// whose hash alone is stored.
export const up: Migration = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    ALTER TABLE users ADD COLUMN company_role text CHECK (company_role IN ('owner','editor'));
    UPDATE users SET company_role = 'owner' WHERE company_id IS NOT NULL;
    ALTER TABLE users ADD CONSTRAINT users_company_membership_check CHECK ((company_id IS NULL) = (company_role IS NULL));
    CREATE TABLE company_invitations (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      company_id uuid NOT NULL REFERENCES companies(id),
      email text NOT NULL,
      role text NOT NULL DEFAULT 'editor' CHECK (role IN ('owner','editor')),
      token_hash char(64) NOT NULL UNIQUE,
      invited_by uuid NOT NULL REFERENCES users(id),
      expires_at timestamptz NOT NULL,
      accepted_at timestamptz,
      accepted_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX company_invitations_company_idx ON company_invitations (company_id, created_at DESC);
  `);
};

export const down: Migration = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    DROP TABLE company_invitations;
    ALTER TABLE users DROP CONSTRAINT users_company_membership_check;
    ALTER TABLE users DROP COLUMN company_role;
  `);
};

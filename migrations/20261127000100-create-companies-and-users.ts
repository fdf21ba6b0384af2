import type { Migration } from '../server/db/migrate.ts';

export const up: Migration = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    CREATE TABLE companies (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      uscc char(18) NOT NULL UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE users (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      email text NOT NULL,
      password_hash text NOT NULL,
      display_name text NOT NULL,
      roles text[] NOT NULL DEFAULT '{applicant}'
        CHECK (roles <@ ARRAY['applicant','reviewer','officer','admin']::text[] AND cardinality(roles) > 0),
      company_id uuid REFERENCES companies(id),
      language text NOT NULL DEFAULT 'zh-CN' CHECK (language IN ('zh-CN','en')),
      disabled_at timestamptz,
      last_sign_in_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX users_email_key ON users (lower(email));
    CREATE INDEX users_company_idx ON users (company_id);
    -- Reviewers' expertise, used to assign panels (at least one financial expert per panel).
    CREATE TABLE reviewer_profiles (
      user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
      expertise text NOT NULL CHECK (expertise IN ('technical','financial')),
      field text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
  `);
};

export const down: Migration = async ({ context: { sequelize } }) => {
  await sequelize.query('DROP TABLE reviewer_profiles; DROP TABLE users; DROP TABLE companies;');
};

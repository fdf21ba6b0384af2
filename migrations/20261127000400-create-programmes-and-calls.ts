import type { Migration } from '../server/db/migrate.ts';

export const up: Migration = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    CREATE TABLE programmes (
      code text PRIMARY KEY,
      name_zh text NOT NULL,
      name_en text NOT NULL,
      summary_zh text NOT NULL,
      summary_en text NOT NULL,
      policy_basis text NOT NULL,
      plan_action text,
      sort_order integer NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE calls (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      programme_code text NOT NULL REFERENCES programmes(code),
      title text NOT NULL,
      opens_at timestamptz NOT NULL,
      closes_at timestamptz NOT NULL,
      grace_minutes integer NOT NULL DEFAULT 0 CHECK (grace_minutes BETWEEN 0 AND 1440),
      budget bigint NOT NULL CHECK (budget >= 0),
      committed bigint NOT NULL DEFAULT 0 CHECK (committed >= 0),
      reviewers_per_application integer NOT NULL DEFAULT 5 CHECK (reviewers_per_application BETWEEN 1 AND 20),
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (closes_at > opens_at),
      -- the budget is never over-committed, whatever the application code does
      CHECK (committed <= budget)
    );
    CREATE INDEX calls_programme_idx ON calls (programme_code, opens_at);
  `);
};

export const down: Migration = async ({ context: { sequelize } }) => {
  await sequelize.query('DROP TABLE calls; DROP TABLE programmes;');
};

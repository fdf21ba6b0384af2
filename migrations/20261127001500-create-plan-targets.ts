import type { Migration } from '../server/db/migrate.ts';

// The plan's targets (shared/policy/plan-targets.md) as data that administrators correct or extend; the dashboard sets
// the platform's own figure (named by `metric`) beside each.
export const up: Migration = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    CREATE TABLE plan_targets (
      id text PRIMARY KEY CHECK (id ~ '^[A-Z]+-[A-Z]?[0-9]{2}$'),
      target_zh text NOT NULL,
      target_en text NOT NULL,
      value_zh text NOT NULL,
      value_en text NOT NULL,
      goal numeric,
      unit text NOT NULL CHECK (unit IN ('count', 'yuan', 'ratio', 'text')),
      level text NOT NULL CHECK (level IN ('V', 'V1', 'TBC')),
      metric text,
      sort_order integer NOT NULL DEFAULT 0,
      updated_at timestamptz NOT NULL DEFAULT now(),
      updated_by uuid REFERENCES users(id)
    );
  `);
};

export const down: Migration = async ({ context: { sequelize } }) => {
  await sequelize.query('DROP TABLE plan_targets');
};

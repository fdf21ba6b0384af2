import type { Migration } from '../server/db/migrate.ts';

// Rule-set versions are immutable once published: a change is a new version. Calls freeze the versions
// in force when they open (eligibility and, where one applies, the award scheme).
export const up: Migration = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    CREATE TABLE rule_sets (
      uid bigserial UNIQUE,
      id text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('eligibility','award')),
      version integer NOT NULL CHECK (version >= 1),
      programme_code text NOT NULL REFERENCES programmes(code),
      effective_from date NOT NULL,
      effective_to date,
      parameters jsonb NOT NULL,
      note text,
      based_on_version integer,
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (id, kind, version),
      CHECK (effective_to IS NULL OR effective_to >= effective_from)
    );
    CREATE INDEX rule_sets_programme_idx ON rule_sets (programme_code, kind, effective_from);
    CREATE FUNCTION rule_sets_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'rule_sets rows are immutable: publish a new version';
    END $$;
    CREATE TRIGGER rule_sets_no_update BEFORE UPDATE OR DELETE ON rule_sets
      FOR EACH ROW EXECUTE FUNCTION rule_sets_immutable();
    ALTER TABLE calls
      ADD COLUMN rule_set_uid bigint REFERENCES rule_sets(uid),
      ADD COLUMN award_rule_set_uid bigint REFERENCES rule_sets(uid);
  `);
};

export const down: Migration = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    ALTER TABLE calls DROP COLUMN award_rule_set_uid, DROP COLUMN rule_set_uid;
    DROP TABLE rule_sets;
    DROP FUNCTION rule_sets_immutable();
  `);
};

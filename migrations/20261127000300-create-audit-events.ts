import type { Migration } from '../server/db/migrate.ts';

// Append-only: a trigger refuses UPDATE and DELETE, so history cannot be rewritten by the application.
export const up: Migration = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    CREATE TABLE audit_events (
      id bigserial PRIMARY KEY,
      at timestamptz NOT NULL DEFAULT now(),
      actor_id uuid REFERENCES users(id),
      actor_label text,
      client_ip text,
      action text NOT NULL,
      entity_type text NOT NULL,
      entity_id text,
      company_id uuid REFERENCES companies(id),
      before jsonb,
      after jsonb,
      meta jsonb
    );
    CREATE INDEX audit_events_entity_idx ON audit_events (entity_type, entity_id, at);
    CREATE INDEX audit_events_actor_idx ON audit_events (actor_id, at);
    CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'audit_events is append-only';
    END $$;
    CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON audit_events
      FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
    CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
      FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
  `);
};

export const down: Migration = async ({ context: { sequelize } }) => {
  await sequelize.query('DROP TABLE audit_events; DROP FUNCTION audit_events_append_only();');
};

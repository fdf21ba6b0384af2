import type { Migration } from '../server/db/migrate.ts';

// Expert review: the reviewer pool (kind, fields, affiliations), panel assignments with the conflict
// declaration and the score sheet, the panel's result on the application, and moderated scores.
export const up: Migration = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    ALTER TABLE reviewer_profiles RENAME COLUMN expertise TO kind;
    ALTER TABLE reviewer_profiles
      ADD COLUMN fields text[] NOT NULL DEFAULT '{}',
      ADD COLUMN active boolean NOT NULL DEFAULT true;
    UPDATE reviewer_profiles SET fields = ARRAY[field];
    ALTER TABLE reviewer_profiles DROP COLUMN field;

    -- Employers and holdings, by unified social credit code: a reviewer never reviews a firm they were tied to
    -- in the last three years.
    CREATE TABLE reviewer_affiliations (
      id bigserial PRIMARY KEY,
      reviewer_id uuid NOT NULL REFERENCES reviewer_profiles(user_id) ON DELETE CASCADE,
      uscc char(18) NOT NULL,
      name text NOT NULL,
      relation text NOT NULL CHECK (relation IN ('employer','holding')),
      from_date date,
      to_date date,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (to_date IS NULL OR from_date IS NULL OR to_date >= from_date)
    );
    CREATE INDEX reviewer_affiliations_reviewer_idx ON reviewer_affiliations (reviewer_id);
    CREATE INDEX reviewer_affiliations_uscc_idx ON reviewer_affiliations (uscc);

    ALTER TABLE programmes
      ADD COLUMN blind_identity boolean NOT NULL DEFAULT false,
      ADD COLUMN spread_margin numeric(6,2) NOT NULL DEFAULT 15 CHECK (spread_margin >= 0);

    CREATE TABLE review_assignments (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      application_id uuid NOT NULL REFERENCES applications(id),
      reviewer_id uuid NOT NULL REFERENCES users(id),
      status text NOT NULL DEFAULT 'assigned' CHECK (status IN ('assigned','released','submitted')),
      method text NOT NULL CHECK (method IN ('auto','officer')),
      assigned_by uuid REFERENCES users(id),
      conflict boolean,
      conflict_note text,
      declared_at timestamptz,
      release_reason text CHECK (release_reason IN ('conflict','unassigned','returned')),
      released_at timestamptz,
      released_by uuid REFERENCES users(id),
      scores jsonb NOT NULL DEFAULT '{}'::jsonb,
      comments jsonb NOT NULL DEFAULT '{}'::jsonb,
      total numeric(7,2),
      saved_at timestamptz,
      submitted_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((status = 'released') = (release_reason IS NOT NULL)),
      CHECK ((status = 'submitted') = (submitted_at IS NOT NULL))
    );
    -- one active seat per reviewer and application, whatever the concurrency
    CREATE UNIQUE INDEX review_assignments_active_key ON review_assignments (application_id, reviewer_id) WHERE status <> 'released';
    CREATE INDEX review_assignments_reviewer_idx ON review_assignments (reviewer_id, status);
    CREATE INDEX review_assignments_application_idx ON review_assignments (application_id);

    -- The panel's result, persisted when the last review is submitted (never recomputed per list row).
    ALTER TABLE applications
      ADD COLUMN review_result jsonb,
      ADD COLUMN score numeric(7,2),
      ADD COLUMN score_flagged boolean NOT NULL DEFAULT false,
      ADD COLUMN scored_at timestamptz;
    CREATE INDEX applications_call_score_idx ON applications (call_id, score DESC NULLS LAST) WHERE score IS NOT NULL;

    -- Append-only: a moderated score never replaces the history, it adds to it.
    CREATE TABLE score_moderations (
      id bigserial PRIMARY KEY,
      application_id uuid NOT NULL REFERENCES applications(id),
      previous_total numeric(7,2) NOT NULL,
      total numeric(7,2) NOT NULL CHECK (total >= 0),
      reason text NOT NULL CHECK (length(btrim(reason)) > 0),
      by_user uuid NOT NULL REFERENCES users(id),
      at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX score_moderations_application_idx ON score_moderations (application_id, id);
    CREATE FUNCTION refuse_history_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
    END $$;
    CREATE TRIGGER score_moderations_no_update BEFORE UPDATE OR DELETE ON score_moderations
      FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
  `);
};

export const down: Migration = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    DROP TABLE score_moderations;
    DROP FUNCTION refuse_history_change();
    DROP INDEX applications_call_score_idx;
    ALTER TABLE applications DROP COLUMN review_result, DROP COLUMN score, DROP COLUMN score_flagged, DROP COLUMN scored_at;
    DROP TABLE review_assignments;
    ALTER TABLE programmes DROP COLUMN blind_identity, DROP COLUMN spread_margin;
    DROP TABLE reviewer_affiliations;
    ALTER TABLE reviewer_profiles ADD COLUMN field text NOT NULL DEFAULT '';
    UPDATE reviewer_profiles SET field = coalesce(fields[1], '');
    ALTER TABLE reviewer_profiles DROP COLUMN fields, DROP COLUMN active;
    ALTER TABLE reviewer_profiles RENAME COLUMN kind TO expertise;
  `);
};

import type { Migration } from '../server/db/migrate.ts';

// Residence-point (积分入户) recognition for team members: the member's facts, the computed points, the firm's
// submission and the officer's confirmation with adjusted items (each with a reason).
export const up: Migration = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    CREATE TABLE recognition_requests (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      team_id uuid NOT NULL REFERENCES talent_teams(id),
      member_id uuid NOT NULL REFERENCES team_members(id),
      facts jsonb NOT NULL,
      as_of date NOT NULL,
      result jsonb NOT NULL,
      computed_points numeric(8,2) NOT NULL,
      status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','submitted','confirmed')),
      adjustments jsonb NOT NULL DEFAULT '[]'::jsonb,
      confirmed_points numeric(8,2),
      confirmed_outcome text CHECK (confirmed_outcome IN ('eligible','ineligible')),
      submitted_at timestamptz,
      submitted_by uuid REFERENCES users(id),
      confirmed_at timestamptz,
      confirmed_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((status = 'confirmed') = (confirmed_at IS NOT NULL))
    );
    -- one request per member: recomputing replaces the draft
    CREATE UNIQUE INDEX recognition_requests_member_key ON recognition_requests (member_id);
    CREATE INDEX recognition_requests_status_idx ON recognition_requests (status, submitted_at);

    -- a recognition letter belongs to a member's request rather than to an application
    ALTER TABLE letters ALTER COLUMN application_id DROP NOT NULL;
    ALTER TABLE letters ADD COLUMN recognition_request_id uuid REFERENCES recognition_requests(id);
    ALTER TABLE letters DROP CONSTRAINT letters_kind_check;
    ALTER TABLE letters ADD CONSTRAINT letters_kind_check CHECK (kind IN ('approval','rejection','revocation','appeal_outcome','recognition'));
    ALTER TABLE letters ADD CONSTRAINT letters_subject_check CHECK ((application_id IS NULL) <> (recognition_request_id IS NULL));
    CREATE INDEX letters_recognition_idx ON letters (recognition_request_id) WHERE recognition_request_id IS NOT NULL;
  `);
};

export const down: Migration = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    DELETE FROM letters WHERE recognition_request_id IS NOT NULL;
    ALTER TABLE letters DROP CONSTRAINT letters_subject_check;
    ALTER TABLE letters DROP CONSTRAINT letters_kind_check;
    ALTER TABLE letters ADD CONSTRAINT letters_kind_check CHECK (kind IN ('approval','rejection','revocation','appeal_outcome'));
    ALTER TABLE letters DROP COLUMN recognition_request_id;
    ALTER TABLE letters ALTER COLUMN application_id SET NOT NULL;
    DROP TABLE recognition_requests;
  `);
};

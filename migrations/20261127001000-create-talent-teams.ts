import type { Migration } from '../server/db/migrate.ts';

// Talent teams and their members. A member's ID number is sensitive personal information (PIPL art. 28): stored only
// encrypted (AES-256-GCM, key outside the database) with a keyed hash for uniqueness, and only once their separate
// consent (art. 29) is recorded — the database refuses an ID number without it.
export const up: Migration = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    CREATE TABLE talent_teams (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      company_id uuid NOT NULL REFERENCES companies(id),
      application_id uuid REFERENCES applications(id),
      name text NOT NULL CHECK (length(btrim(name)) > 0),
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX talent_teams_company_idx ON talent_teams (company_id, created_at DESC);

    CREATE TABLE team_members (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      team_id uuid NOT NULL REFERENCES talent_teams(id),
      name text NOT NULL,
      role text NOT NULL CHECK (role IN ('leader','core','member')),
      email text,
      id_number_enc bytea,
      id_number_hash char(64),
      id_last4 text,
      consent_status text NOT NULL DEFAULT 'none' CHECK (consent_status IN ('none','requested','given','withdrawn')),
      consent_method text CHECK (consent_method IN ('firm_attestation','member_confirmation')),
      consent_text_version text,
      consent_at timestamptz,
      consent_form_id uuid,
      consent_form_sha256 char(64) REFERENCES document_contents(sha256),
      consent_form_filename text,
      consent_form_media_type text,
      consent_token_hash char(64) UNIQUE,
      consent_token_expires_at timestamptz,
      erased_at timestamptz,
      removed_at timestamptz,
      -- the clock, not the transaction's start: members added together keep the order they were given in
      created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((id_number_enc IS NULL) = (id_number_hash IS NULL)),
      CHECK ((id_number_enc IS NULL) = (id_last4 IS NULL)),
      CHECK (id_number_enc IS NULL OR consent_status = 'given')
    );
    CREATE INDEX team_members_team_idx ON team_members (team_id, created_at);
    CREATE UNIQUE INDEX team_members_id_hash_key ON team_members (team_id, id_number_hash) WHERE id_number_hash IS NOT NULL AND removed_at IS NULL;
  `);
};

export const down: Migration = async ({ context: { sequelize } }) => {
  await sequelize.query('DROP TABLE team_members; DROP TABLE talent_teams;');
};

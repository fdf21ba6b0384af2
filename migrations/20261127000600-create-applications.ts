import type { Migration } from '../server/db/migrate.ts';

// Applications, their status history, evidence documents (content kept in PostgreSQL, so a row can never
// point at a missing file and a failed request leaves nothing behind) and the mail outbox.
export const up: Migration = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    CREATE TABLE applications (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      call_id uuid NOT NULL REFERENCES calls(id),
      company_id uuid NOT NULL REFERENCES companies(id),
      status text NOT NULL DEFAULT 'draft' CHECK (status IN
        ('draft','submitted','ineligible','in_review','scored','approved','rejected','returned','withdrawn','noticed','appealed')),
      version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
      facts jsonb NOT NULL DEFAULT '{}'::jsonb,
      screening jsonb,
      rule_set_uid bigint REFERENCES rule_sets(uid),
      submitted_at timestamptz,
      submission_key text,
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (call_id, company_id)
    );
    CREATE INDEX applications_company_idx ON applications (company_id, created_at DESC);
    CREATE INDEX applications_call_status_idx ON applications (call_id, status);

    CREATE TABLE application_transitions (
      id bigserial PRIMARY KEY,
      application_id uuid NOT NULL REFERENCES applications(id),
      from_status text,
      to_status text NOT NULL,
      event text NOT NULL,
      by_user uuid REFERENCES users(id),
      note text,
      changes jsonb,
      at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX application_transitions_app_idx ON application_transitions (application_id, id);

    CREATE TABLE document_contents (
      sha256 char(64) PRIMARY KEY,
      content bytea NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE documents (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      application_id uuid NOT NULL REFERENCES applications(id),
      kind text NOT NULL,
      filename text NOT NULL,
      media_type text NOT NULL,
      size bigint NOT NULL CHECK (size > 0),
      sha256 char(64) NOT NULL REFERENCES document_contents(sha256),
      uploaded_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      deleted_at timestamptz
    );
    CREATE INDEX documents_application_idx ON documents (application_id) WHERE deleted_at IS NULL;

    CREATE TABLE mail_outbox (
      id bigserial PRIMARY KEY,
      to_address text NOT NULL,
      template text NOT NULL,
      language text NOT NULL DEFAULT 'zh-CN',
      data jsonb NOT NULL DEFAULT '{}'::jsonb,
      status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued','sent','failed')),
      attempts integer NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now(),
      sent_at timestamptz
    );
  `);
};

export const down: Migration = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    DROP TABLE mail_outbox; DROP TABLE documents; DROP TABLE document_contents;
    DROP TABLE application_transitions; DROP TABLE applications;
  `);
};

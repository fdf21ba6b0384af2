import type { Migration } from '../server/db/migrate.ts';

// Decisions and what follows them: the budget commitment, decision letters with gapless references, the public
// notice (公示) with objections, appeals re-reviewed by a second panel, and the delivery state of e-mails.
export const up: Migration = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    ALTER TABLE applications DROP CONSTRAINT IF EXISTS applications_status_check;
    ALTER TABLE applications ADD CONSTRAINT applications_status_check CHECK (status IN
      ('draft','submitted','ineligible','in_review','scored','approved','rejected','returned','withdrawn','noticed','appealed','revoked'));

    -- One decision per stage: the first decision, and the decision on an appeal. An approval commits its amount to
    -- the call (calls.committed, CHECK committed <= budget) in the same transaction; a revocation releases it.
    CREATE TABLE decisions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      application_id uuid NOT NULL REFERENCES applications(id),
      call_id uuid NOT NULL REFERENCES calls(id),
      stage text NOT NULL CHECK (stage IN ('first','appeal')),
      outcome text NOT NULL CHECK (outcome IN ('approved','rejected')),
      amount bigint NOT NULL DEFAULT 0 CHECK (amount >= 0),
      award_amount bigint CHECK (award_amount >= 0),
      amount_reason text,
      reasons text[] NOT NULL DEFAULT '{}',
      note text,
      decided_by uuid NOT NULL REFERENCES users(id),
      decided_at timestamptz NOT NULL DEFAULT now(),
      revoked_at timestamptz,
      revoked_reason text,
      revoked_by uuid REFERENCES users(id),
      UNIQUE (application_id, stage),
      CHECK (outcome = 'approved' OR amount = 0),
      CHECK ((revoked_at IS NULL) = (revoked_reason IS NULL))
    );
    CREATE INDEX decisions_call_idx ON decisions (call_id);

    -- Letter references are gapless per year: the counter row is taken under lock in the letter's transaction,
    -- so a rolled-back letter gives its number back.
    CREATE TABLE letter_sequences (
      year integer PRIMARY KEY,
      last_number integer NOT NULL CHECK (last_number >= 0)
    );
    CREATE TABLE letters (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      application_id uuid NOT NULL REFERENCES applications(id),
      decision_id uuid REFERENCES decisions(id),
      kind text NOT NULL CHECK (kind IN ('approval','rejection','revocation','appeal_outcome')),
      year integer NOT NULL,
      number integer NOT NULL,
      reference text NOT NULL,
      version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
      language text NOT NULL CHECK (language IN ('zh-CN','en')),
      sha256 char(64) NOT NULL,
      verify_code text NOT NULL UNIQUE,
      content bytea NOT NULL,
      size integer NOT NULL,
      issued_at timestamptz NOT NULL DEFAULT now(),
      issued_by uuid NOT NULL REFERENCES users(id),
      supersedes uuid REFERENCES letters(id),
      superseded_by uuid REFERENCES letters(id),
      superseded_at timestamptz,
      reissue_reason text,
      UNIQUE (year, number, version),
      CHECK ((version = 1) = (supersedes IS NULL))
    );
    CREATE INDEX letters_application_idx ON letters (application_id, issued_at);

    -- Public holidays and official make-up working days (调休), as data an administrator can correct.
    CREATE TABLE public_holidays (
      day date PRIMARY KEY,
      kind text NOT NULL CHECK (kind IN ('holiday','workday')),
      name_zh text NOT NULL,
      name_en text NOT NULL,
      source text
    );

    CREATE TABLE notices (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      call_id uuid NOT NULL REFERENCES calls(id),
      starts_on date NOT NULL,
      ends_on date NOT NULL,
      working_days integer NOT NULL CHECK (working_days BETWEEN 1 AND 30),
      published_at timestamptz NOT NULL DEFAULT now(),
      published_by uuid NOT NULL REFERENCES users(id),
      CHECK (ends_on >= starts_on)
    );
    CREATE INDEX notices_call_idx ON notices (call_id);
    CREATE TABLE notice_items (
      notice_id uuid NOT NULL REFERENCES notices(id),
      application_id uuid NOT NULL UNIQUE REFERENCES applications(id),
      company_name text NOT NULL,
      uscc char(18) NOT NULL,
      amount bigint NOT NULL,
      score numeric(7,2),
      PRIMARY KEY (notice_id, application_id)
    );

    CREATE TABLE objections (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      reference text NOT NULL UNIQUE,
      notice_id uuid NOT NULL REFERENCES notices(id),
      application_id uuid NOT NULL REFERENCES applications(id),
      name text NOT NULL,
      contact text NOT NULL,
      organisation text,
      content text NOT NULL,
      language text NOT NULL DEFAULT 'zh-CN',
      received_at timestamptz NOT NULL DEFAULT now(),
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','upheld','dismissed')),
      resolution_reason text,
      resolved_at timestamptz,
      resolved_by uuid REFERENCES users(id),
      CHECK ((status = 'pending') = (resolved_at IS NULL))
    );
    CREATE INDEX objections_notice_idx ON objections (notice_id, received_at);

    CREATE TABLE appeals (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      application_id uuid NOT NULL UNIQUE REFERENCES applications(id),
      decision_id uuid NOT NULL REFERENCES decisions(id),
      reasons text NOT NULL,
      document_ids uuid[] NOT NULL DEFAULT '{}',
      filed_at timestamptz NOT NULL DEFAULT now(),
      filed_by uuid NOT NULL REFERENCES users(id),
      review_result jsonb,
      score numeric(7,2),
      reviewed_at timestamptz
    );

    -- Review rounds: 1 is the first panel, 2 the appeal panel (reviewers who did not sit on the first).
    ALTER TABLE applications ADD COLUMN review_round smallint NOT NULL DEFAULT 1 CHECK (review_round IN (1,2));
    ALTER TABLE review_assignments ADD COLUMN round smallint NOT NULL DEFAULT 1 CHECK (round IN (1,2));
    DROP INDEX review_assignments_active_key;
    CREATE UNIQUE INDEX review_assignments_active_key ON review_assignments (application_id, round, reviewer_id) WHERE status <> 'released';

    -- Delivery state of each e-mail: claimed by one worker at a time, retried with backoff, never sent twice.
    ALTER TABLE mail_outbox DROP CONSTRAINT IF EXISTS mail_outbox_status_check;
    ALTER TABLE mail_outbox ADD CONSTRAINT mail_outbox_status_check CHECK (status IN ('queued','sending','sent','failed'));
    ALTER TABLE mail_outbox
      ADD COLUMN application_id uuid REFERENCES applications(id),
      ADD COLUMN attachments jsonb NOT NULL DEFAULT '[]'::jsonb,
      ADD COLUMN subject text,
      ADD COLUMN body text,
      ADD COLUMN transport text,
      ADD COLUMN message_id text,
      ADD COLUMN last_error text,
      ADD COLUMN locked_at timestamptz,
      ADD COLUMN next_attempt_at timestamptz;
    CREATE INDEX mail_outbox_application_idx ON mail_outbox (application_id) WHERE application_id IS NOT NULL;
    CREATE INDEX mail_outbox_pending_idx ON mail_outbox (status, created_at) WHERE status IN ('queued','sending');
    UPDATE mail_outbox SET application_id = (data->>'applicationId')::uuid
      WHERE data ? 'applicationId' AND EXISTS (SELECT 1 FROM applications a WHERE a.id::text = data->>'applicationId');
  `);
};

export const down: Migration = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    DROP INDEX mail_outbox_pending_idx; DROP INDEX mail_outbox_application_idx;
    ALTER TABLE mail_outbox DROP COLUMN application_id, DROP COLUMN attachments, DROP COLUMN subject, DROP COLUMN body,
      DROP COLUMN transport, DROP COLUMN message_id, DROP COLUMN last_error, DROP COLUMN locked_at, DROP COLUMN next_attempt_at;
    DROP INDEX review_assignments_active_key;
    ALTER TABLE review_assignments DROP COLUMN round;
    CREATE UNIQUE INDEX review_assignments_active_key ON review_assignments (application_id, reviewer_id) WHERE status <> 'released';
    ALTER TABLE applications DROP COLUMN review_round;
    DROP TABLE appeals; DROP TABLE objections; DROP TABLE notice_items; DROP TABLE notices; DROP TABLE public_holidays;
    DROP TABLE letters; DROP TABLE letter_sequences; DROP TABLE decisions;
  `);
};

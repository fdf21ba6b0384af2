import type { Migration } from '../server/db/migrate.ts';

// The few parts of a stored screening that insight reads for every application of a call — the outcome, each
// criterion's id and outcome, the award amount — kept beside it in a small column that a trigger keeps in step. A
// screening is several kilobytes of bilingual explanations stored compressed out of line; reading these from it meant
// decompressing all of it per row (measured by the bench: the what-if simulation of 100,000 applications waited on
// exactly that). (A generated column cannot build JSON: jsonb_build_object is not immutable.)
const SUMMARY = `CASE WHEN screening IS NULL THEN NULL ELSE jsonb_build_object(
  'outcome', screening->'outcome',
  'ids', jsonb_path_query_array(screening, '$.criteria[*].id'),
  'outcomes', jsonb_path_query_array(screening, '$.criteria[*].outcome'),
  'award', screening->'award'->'amount'
) END`;

export const up: Migration = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    ALTER TABLE applications ADD COLUMN screening_summary jsonb;
    UPDATE applications SET screening_summary = ${SUMMARY} WHERE screening IS NOT NULL;
    CREATE FUNCTION applications_screening_summary() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      NEW.screening_summary := ${SUMMARY.replaceAll('screening', 'NEW.screening')};
      RETURN NEW;
    END $$;
    CREATE TRIGGER applications_screening_summary BEFORE INSERT OR UPDATE OF screening, screening_summary ON applications
      FOR EACH ROW EXECUTE FUNCTION applications_screening_summary();
  `);
};

export const down: Migration = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    DROP TRIGGER applications_screening_summary ON applications;
    DROP FUNCTION applications_screening_summary();
    ALTER TABLE applications DROP COLUMN screening_summary;
  `);
};

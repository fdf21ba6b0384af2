import type { Migration } from '../server/db/migrate.ts';

// The officer's list of a call (filtered by status, newest change first) and a firm's own list read straight from an
// index instead of sorting every matching row (measured by the bench on a call of 10,000 applications).
export const up: Migration = async ({ context: { sequelize } }) => {
  await sequelize.query(`
    CREATE INDEX applications_call_list_idx ON applications (call_id, status, updated_at DESC, id);
    CREATE INDEX applications_call_updated_idx ON applications (call_id, updated_at DESC, id);
  `);
};

export const down: Migration = async ({ context: { sequelize } }) => {
  await sequelize.query('DROP INDEX applications_call_updated_idx; DROP INDEX applications_call_list_idx;');
};

import type { Migration } from '../server/db/migrate.ts';

// Until now a talent-team application could hold its leader's and core members' ID numbers in its facts (and in the
// copy of the facts kept when it was returned). From here on they live only on the team roster, encrypted: every
// stored `idNumber` value is reduced to its masked form (last 4 characters).
const mask = (value: string) => `${'*'.repeat(14)}${value.toUpperCase().slice(-4)}`;

function masked(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(masked);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => [key, key === 'idNumber' && typeof value === 'string' && !value.startsWith('*') ? mask(value) : masked(value)]),
  );
}

export const up: Migration = async ({ context: { sequelize } }) => {
  for (const [table, column] of [
    ['applications', 'facts'],
    ['application_transitions', 'changes'],
  ] as const) {
    const [rows] = (await sequelize.query(`SELECT id, ${column} AS value FROM ${table} WHERE ${column}::text LIKE '%"idNumber"%'`)) as [{ id: string; value: unknown }[], unknown];
    for (const row of rows) {
      await sequelize.query(`UPDATE ${table} SET ${column} = :value WHERE id = :id`, { replacements: { id: row.id, value: JSON.stringify(masked(row.value)) } });
    }
  }
};

// The full numbers are gone on purpose; there is nothing to put back.
export const down: Migration = async () => {};

// Mocha root hooks: the shared database is closed (and an embedded one stopped) after the run.
import { closeTestDatabase } from './database.ts';

export const mochaHooks = {
  async afterAll(this: Mocha.Context) {
    this.timeout(30_000);
    await closeTestDatabase();
  },
};

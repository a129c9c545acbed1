import { expect, it } from 'vitest';
import { describeEachDatabase } from './testing.js';
import { migrateToLatest, pendingMigrations } from './migrator.js';
import { migrations } from './migrations/index.js';

describeEachDatabase('migrations', (use) => {
  it('leaves nothing pending after the first run', async () => {
    expect(await pendingMigrations(use().kysely, use().postgresSchema)).toEqual([]);
  });

  it('is a no-op the second time', async () => {
    const again = await migrateToLatest(use().kysely, use().postgresSchema);
    expect(again.applied).toEqual([]);
    expect(Object.keys(migrations).length).toBeGreaterThan(0);
  });

  it('creates the foundation tables', async () => {
    const tables = (await use().kysely.introspection.getTables()).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['users', 'workspaces', 'memberships', 'audit_log', 'api_tokens']));
  });
});

import type { Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { down, up } from '../../db/migrations/0009_competitors.js';
import { describeEachDatabase } from '../../db/testing.js';

describeEachDatabase('migration 0009 (competitors)', (use) => {
  it('goes down and up again on the same database', async () => {
    const db = use().kysely as unknown as Kysely<unknown>;
    await down(db);
    await expect(use().kysely.selectFrom('competitors').selectAll().execute()).rejects.toThrow();
    await up(db);
    expect(await use().kysely.selectFrom('competitors').selectAll().execute()).toEqual([]);
  });
});

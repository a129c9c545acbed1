import { beforeAll, expect, it } from 'vitest';
import { fixedClock } from '../core/clock.js';
import { describeEachDatabase } from '../db/testing.js';
import { insertWorkspaceWithOwner } from '../workspaces/workspaces.service.js';
import { createWorkspaceOriginalityIndexes } from './originality.indexes.js';
import { indexSources } from './originality.service.js';
import { decodeShingles, encodeShingles } from './shingle-codec.js';

const TEXT = 'Our spring collection arrives on Monday with twelve new lamps designed and made in our Lyon workshop.';

it('round-trips shingle hashes through the text column, little-endian', () => {
  const hashes = new Uint32Array([0, 1, 0xffffffff, 0x12345678]);
  expect(decodeShingles(encodeShingles(hashes))).toEqual(hashes);
  expect(encodeShingles(new Uint32Array([1]))).toBe(Buffer.from([1, 0, 0, 0]).toString('base64'));
  expect(() => decodeShingles(Buffer.from([1, 2, 3]).toString('base64'))).toThrow(/Corrupt/);
});

describeEachDatabase('workspace originality indexes: incremental across processes', (use) => {
  const clock = fixedClock(new Date('2026-05-01T10:00:00.000Z'));
  let workspaceId = '';

  beforeAll(async () => {
    const db = use().kysely;
    const now = clock.now().toISOString();
    await db.insertInto('users').values({ id: 'u1', email: 'u1@brand.test', name: 'U', password_hash: null, locale: null, created_at: now, disabled_at: null }).execute();
    workspaceId = (
      await insertWorkspaceWithOwner(db, clock, { ownerUserId: 'u1', settings: { name: 'W', timeZone: 'UTC', languages: ['en'] } })
    ).id;
  });

  it("sees another process's additions and removals on its next refresh", async () => {
    const db = use().kysely;
    const writer = createWorkspaceOriginalityIndexes(db);
    const reader = createWorkspaceOriginalityIndexes(db, { refreshEveryMs: 0 });
    expect((await reader.indexFor(workspaceId)).size).toBe(0);

    await indexSources(db, clock, writer, workspaceId, [{ id: 'post:1', text: TEXT, kind: 'own' }]);
    const index = await reader.indexFor(workspaceId);
    expect(index.size).toBe(1);
    expect(index.check(TEXT)[0]).toMatchObject({ sourceId: 'post:1' });

    // Same timestamp (fixed clock), new content: still applied, since the row's version changed.
    await indexSources(db, clock, writer, workspaceId, [{ id: 'post:1', text: 'A completely different announcement about our autumn workshop visits in Lyon.', kind: 'own' }]);
    expect((await reader.indexFor(workspaceId)).check(TEXT)).toEqual([]);

    clock.advance(1000);
    await db.updateTable('originality_sources').set({ removed_at: clock.now().toISOString(), updated_at: clock.now().toISOString() }).execute();
    expect((await reader.indexFor(workspaceId)).size).toBe(0);
  });
});

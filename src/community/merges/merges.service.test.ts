import { beforeEach, expect, it } from 'vitest';
import { AppError } from '../../core/errors.js';
import { describeEachDatabase } from '../../db/testing.js';
import type { WorkspaceAccess } from '../../workspaces/workspaces.service.js';
import { seedWorkspace, testClock, type TestClock } from '../../../test/listening-fixtures.js';
import { addActivity, addIdentity, addPerson } from './merges.fixtures.js';
import {
  confirmSuggestion,
  listSuggestions,
  mergePeople,
  parseReasons,
  refreshAllSuggestions,
  refreshSuggestions,
  rejectSuggestion,
  undoMerge,
} from './merges.service.js';

describeEachDatabase('merges: suggestions, merge and undo', (use) => {
  let clock: TestClock;
  let access: WorkspaceAccess;
  const db = () => use().kysely;

  beforeEach(async () => {
    clock = testClock();
    access = await seedWorkspace(use(), clock, `ws-${Math.random()}`);
  });

  const pending = () => listSuggestions(db(), access, 'pending', 100);
  const codeOf = async (error: Promise<unknown>): Promise<string> => {
    try {
      await error;
    } catch (caught) {
      if (caught instanceof AppError) {
        return `${caught.code}: ${caught.message}`;
      }
      throw caught;
    }
    return 'no error';
  };

  it('suggests the same website across networks, once, with the reason in words', async () => {
    const ws = access.workspaceId;
    const alice = await addPerson(db(), ws, {
      network: 'bluesky',
      handle: 'alice.bsky.social',
      links: ['https://www.Alice-Lamps.fr/?utm_source=bsky'],
    });
    const alicia = await addPerson(db(), ws, {
      network: 'mastodon',
      handle: 'alicia@mastodon.social',
      links: ['http://alice-lamps.fr'],
    });
    // Same link, same network as Alice: two accounts, never suggested together (each is with Alicia).
    const alice2 = await addPerson(db(), ws, {
      network: 'bluesky',
      handle: 'alice2.bsky.social',
      links: ['https://alice-lamps.fr/'],
    });

    expect(await refreshSuggestions(db(), clock, ws)).toEqual({ created: 2 });
    const suggestions = await pending();
    const pairs = suggestions.map((s) => [s.personAId, s.personBId].join());
    expect(pairs.sort()).toEqual(
      [
        [alice.personId, alicia.personId].sort().join(),
        [alice2.personId, alicia.personId].sort().join(),
      ].sort(),
    );
    expect(suggestions[0]!.reasons).toEqual([
      { code: 'same-link', detail: 'Both profiles link to alice-lamps.fr (Bluesky and Mastodon)' },
    ]);
    expect(suggestions[0]!.strength).toBeGreaterThan(0);
    expect(await refreshSuggestions(db(), clock, ws)).toEqual({ created: 0 });
  });

  it('suggests the same name and avatar, and cross-posting; never a name alone', async () => {
    const ws = access.workspaceId;
    const avatar = 'https://cdn.example/avatars/zoe.png';
    const zoe = await addPerson(db(), ws, {
      network: 'bluesky',
      handle: 'zoe.bsky.social',
      name: 'Zoé Martin',
      avatar,
    });
    const zoe2 = await addPerson(db(), ws, {
      network: 'mastodon',
      handle: 'zm@mamot.fr',
      name: 'zoe martin',
      avatar,
    });
    await addPerson(db(), ws, {
      network: 'mastodon',
      handle: 'other@mamot.fr',
      name: 'Zoé Martin',
      avatar: 'https://cdn.example/other.png',
    });

    const sam = await addPerson(db(), ws, { network: 'bluesky', handle: 'sam.bsky.social', name: 'Sam' });
    const samuel = await addPerson(db(), ws, {
      network: 'mastodon',
      handle: 'samuel@mastodon.social',
      name: 'Samuel R.',
    });
    const text = 'Just tried the new Aube lamp in my reading corner, it is lovely';
    await addActivity(db(), ws, sam, 'bluesky', { at: '2026-03-02T08:00:00.000Z', text });
    await addActivity(db(), ws, samuel, 'mastodon', {
      at: '2026-03-02T08:03:00.000Z',
      text: `${text} https://example.com/p/1`,
    });

    expect(await refreshSuggestions(db(), clock, ws)).toEqual({ created: 2 });
    const suggestions = await pending();
    const byPair = new Map(suggestions.map((s) => [[s.personAId, s.personBId].sort().join(), s]));
    const nameAvatar = byPair.get([zoe.personId, zoe2.personId].sort().join());
    expect(nameAvatar?.reasons).toEqual([
      {
        code: 'same-name-and-avatar',
        detail: 'Same display name “Zoé Martin” and the same profile picture (Bluesky and Mastodon)',
      },
    ]);
    const crossPost = byPair.get([sam.personId, samuel.personId].sort().join());
    expect(crossPost?.reasons.map((r) => r.code)).toEqual(['cross-posting']);
    expect(crossPost?.reasons[0]?.detail).toContain(
      'Posted the same text on Bluesky and Mastodon once, 3 minutes apart',
    );
    expect(nameAvatar!.strength).toBeGreaterThan(crossPost!.strength);
    expect(suggestions[0]!.id).toBe(nameAvatar!.id);
  });

  it('refreshes every workspace, and a pending suggestion gains the reasons found since', async () => {
    const ws = access.workspaceId;
    const kim = await addPerson(db(), ws, {
      network: 'bluesky',
      handle: 'kim.bsky.social',
      links: ['https://kim.example'],
    });
    const kimM = await addPerson(db(), ws, {
      network: 'mastodon',
      handle: 'kim@m.example',
      links: ['https://kim.example'],
    });
    const report = await refreshAllSuggestions(db(), clock);
    expect(report.created).toBeGreaterThanOrEqual(1);
    const [before] = await pending();
    expect(before!.reasons.map((r) => r.code)).toEqual(['same-link']);
    const text = 'Three things I learned about lighting a small studio this week';
    await addActivity(db(), ws, kim, 'bluesky', { at: '2026-03-03T12:00:00.000Z', text });
    await addActivity(db(), ws, kimM, 'mastodon', { at: '2026-03-03T12:00:30.000Z', text });
    expect(await refreshSuggestions(db(), clock, ws)).toEqual({ created: 0 });
    const [after] = await pending();
    expect(after!.id).toBe(before!.id);
    expect(after!.reasons.map((r) => r.code)).toEqual(['same-link', 'cross-posting']);
    expect(after!.reasons[1]!.detail).toContain('less than a minute apart');
    expect(after!.strength).toBeGreaterThan(before!.strength);
  });

  it('never suggests a rejected pair again', async () => {
    const ws = access.workspaceId;
    await addPerson(db(), ws, { network: 'bluesky', handle: 'a.bsky.social', links: ['https://jo.example'] });
    await addPerson(db(), ws, { network: 'mastodon', handle: 'a@m.example', links: ['https://jo.example'] });
    await refreshSuggestions(db(), clock, ws);
    const [suggestion] = await pending();
    await rejectSuggestion(db(), clock, access, suggestion!.id);
    await rejectSuggestion(db(), clock, access, suggestion!.id); // twice: harmless
    expect(await refreshSuggestions(db(), clock, ws)).toEqual({ created: 0 });
    expect(await pending()).toEqual([]);
    expect((await listSuggestions(db(), access, 'rejected', 10)).map((s) => s.id)).toEqual([suggestion!.id]);
    expect(await codeOf(confirmSuggestion(db(), clock, access, suggestion!.id))).toBe(
      'conflict: This suggestion was already rejected',
    );
  });

  it('confirming merges identities, activities and notes into the one with more history, and undo restores exactly', async () => {
    const ws = access.workspaceId;
    const big = await addPerson(db(), ws, {
      network: 'bluesky',
      handle: 'lea.bsky.social',
      links: ['https://lea.example/'],
      languages: ['fr'],
      firstSeen: '2026-01-05T00:00:00.000Z',
      lastSeen: '2026-02-20T00:00:00.000Z',
    });
    const small = await addPerson(db(), ws, {
      network: 'mastodon',
      handle: 'lea@mamot.fr',
      links: ['https://lea.example', 'https://lea-art.example'],
      languages: ['en'],
      firstSeen: '2026-01-01T00:00:00.000Z',
      lastSeen: '2026-03-10T00:00:00.000Z',
    });
    await addActivity(db(), ws, big, 'bluesky', { at: '2026-01-06T00:00:00.000Z', text: 'hello' });
    await addActivity(db(), ws, big, 'bluesky', { at: '2026-02-19T00:00:00.000Z', type: 'like' });
    const smallActivity = await addActivity(db(), ws, small, 'mastodon', {
      at: '2026-03-09T00:00:00.000Z',
      type: 'reply',
      text: 'merci',
    });
    await db()
      .insertInto('person_notes')
      .values({
        id: 'note-1',
        workspace_id: ws,
        person_id: small.personId,
        author_id: null,
        text: 'met at the fair',
        created_at: '2026-03-01T00:00:00.000Z',
      })
      .execute();
    await db().updateTable('people').set({ tags: JSON.stringify(['vip']) }).where('id', '=', big.personId).execute();
    await db().updateTable('people').set({ tags: JSON.stringify(['vip', 'ceramics']) }).where('id', '=', small.personId).execute();

    const snapshot = async () => ({
      people: await db()
        .selectFrom('people')
        .select([
          'id',
          'merged_into_id',
          'first_seen_at',
          'last_seen_at',
          'activity_count',
          'links',
          'languages',
          'tags',
        ])
        .where('workspace_id', '=', ws)
        .orderBy('id')
        .execute(),
      identities: await db()
        .selectFrom('person_identities')
        .select(['id', 'person_id'])
        .where('workspace_id', '=', ws)
        .orderBy('id')
        .execute(),
      activities: await db()
        .selectFrom('activities')
        .select(['id', 'person_id', 'identity_id'])
        .where('workspace_id', '=', ws)
        .orderBy('id')
        .execute(),
    });
    const before = await snapshot();

    await refreshSuggestions(db(), clock, ws);
    const [suggestion] = await pending();
    const merge = await confirmSuggestion(db(), clock, access, suggestion!.id);
    expect(merge).toMatchObject({ keptPersonId: big.personId, mergedPersonId: small.personId });

    const kept = await db()
      .selectFrom('people')
      .selectAll()
      .where('id', '=', big.personId)
      .executeTakeFirstOrThrow();
    expect(kept).toMatchObject({
      first_seen_at: '2026-01-01T00:00:00.000Z',
      last_seen_at: '2026-03-10T00:00:00.000Z',
      activity_count: 3,
    });
    expect(JSON.parse(kept.languages)).toEqual(['fr', 'en']);
    expect(JSON.parse(kept.links)).toEqual(['https://lea.example/', 'https://lea-art.example']);
    const merged = await db()
      .selectFrom('people')
      .select('merged_into_id')
      .where('id', '=', small.personId)
      .executeTakeFirstOrThrow();
    expect(merged.merged_into_id).toBe(big.personId);
    const identities = await db()
      .selectFrom('person_identities')
      .select('person_id')
      .where('workspace_id', '=', ws)
      .execute();
    expect(identities.map((i) => i.person_id)).toEqual([big.personId, big.personId]);
    const moved = await db()
      .selectFrom('activities')
      .select('person_id')
      .where('id', '=', smallActivity)
      .executeTakeFirstOrThrow();
    expect(moved.person_id).toBe(big.personId);
    const note = await db()
      .selectFrom('person_notes')
      .select('person_id')
      .where('id', '=', 'note-1')
      .executeTakeFirstOrThrow();
    expect(note.person_id).toBe(big.personId);
    const record = await db()
      .selectFrom('person_merges')
      .selectAll()
      .where('id', '=', merge.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(record.identity_ids)).toEqual([small.identityId]);
    expect(parseReasons(record.reasons).map((r) => r.code)).toEqual(['same-link']);
    expect(record.merged_by).toBe(access.userId);
    expect((await listSuggestions(db(), access, 'confirmed', 10)).map((s) => s.id)).toEqual([suggestion!.id]);
    const audit = await db()
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('workspace_id', '=', ws)
      .where('action', '=', 'person.merged')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.details)).toMatchObject({
      mergeId: merge.id,
      mergedPersonId: small.personId,
      identitiesMoved: 1,
      reasons: ['same-link'],
    });

    // An activity that arrives on the moved identity after the merge goes back with it.
    const later = await addActivity(
      db(),
      ws,
      { personId: big.personId, identityId: small.identityId },
      'mastodon',
      { at: '2026-03-05T00:00:00.000Z', type: 'like' },
    );

    await undoMerge(db(), clock, ws, merge.id, { actorId: access.userId });
    const after = await snapshot();
    const laterRow = after.activities.find((a) => a.id === later);
    expect(laterRow?.person_id).toBe(small.personId);
    const restoredPeople = after.people.map((p) =>
      p.id === small.personId ? { ...p, activity_count: p.activity_count - 1 } : p,
    );
    expect(restoredPeople).toEqual(before.people);
    expect(after.identities).toEqual(before.identities);
    expect(after.activities.filter((a) => a.id !== later)).toEqual(before.activities);
    // The note about them goes back with them (a later "forget" finds it), and so do their tags.
    const noteBack = await db().selectFrom('person_notes').select('person_id').where('id', '=', 'note-1').executeTakeFirstOrThrow();
    expect(noteBack.person_id).toBe(small.personId);
    expect(await codeOf(undoMerge(db(), clock, ws, merge.id, { actorId: null }))).toMatch(
      /^conflict: This merge was already undone/,
    );
    // The pair stays decided: not suggested again.
    expect(await refreshSuggestions(db(), clock, ws)).toEqual({ created: 0 });
  });

  it('refuses to undo a merge whose kept person was merged on, until the later merge is undone', async () => {
    const ws = access.workspaceId;
    const a = await addPerson(db(), ws, { network: 'bluesky', handle: 'a.bsky.social' });
    const b = await addPerson(db(), ws, { network: 'mastodon', handle: 'b@m.example' });
    const c = await addPerson(db(), ws, { network: 'rss', handle: 'c-feed' });
    const first = await mergePeople(db(), clock, ws, a.personId, b.personId, { actorId: null });
    const second = await mergePeople(db(), clock, ws, c.personId, a.personId, { actorId: null });
    expect(await codeOf(undoMerge(db(), clock, ws, first.id, { actorId: null }))).toBe(
      `conflict: The kept person was later merged into ${c.personId}: undo that merge first, then this one`,
    );
    await undoMerge(db(), clock, ws, second.id, { actorId: null });
    await undoMerge(db(), clock, ws, first.id, { actorId: null });
    const owners = await db()
      .selectFrom('person_identities')
      .select(['id', 'person_id'])
      .where('workspace_id', '=', ws)
      .execute();
    expect(new Map(owners.map((o) => [o.id, o.person_id]))).toEqual(
      new Map([
        [a.identityId, a.personId],
        [b.identityId, b.personId],
        [c.identityId, c.personId],
      ]),
    );
    const merged = await db()
      .selectFrom('people')
      .select('merged_into_id')
      .where('workspace_id', '=', ws)
      .execute();
    expect(merged.every((p) => p.merged_into_id === null)).toBe(true);
  });

  it('merges by hand on one network, and refuses itself, another workspace and a merged-away person', async () => {
    const ws = access.workspaceId;
    const one = await addPerson(db(), ws, { network: 'bluesky', handle: 'one.bsky.social' });
    const two = await addPerson(db(), ws, { network: 'bluesky', handle: 'two.bsky.social' });
    const extra = await addIdentity(db(), ws, two.personId, 'mastodon', 'two@m.example');
    const elsewhere = await seedWorkspace(use(), clock, `ws-other-${Math.random()}`);
    const stranger = await addPerson(db(), elsewhere.workspaceId, {
      network: 'mastodon',
      handle: 's@m.example',
    });

    expect(await codeOf(mergePeople(db(), clock, ws, one.personId, one.personId, { actorId: null }))).toBe(
      'validation_failed: otherPersonId: A person cannot be merged with themselves',
    );
    expect(
      await codeOf(mergePeople(db(), clock, ws, one.personId, stranger.personId, { actorId: null })),
    ).toBe(`not_found: Person ${stranger.personId} not found in this workspace`);
    const merge = await mergePeople(db(), clock, ws, one.personId, two.personId, { actorId: access.userId });
    const record = await db()
      .selectFrom('person_merges')
      .selectAll()
      .where('id', '=', merge.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(record.identity_ids)).toEqual([two.identityId, extra].sort());
    expect(parseReasons(record.reasons).map((r) => r.code)).toEqual(['manual']);
    expect(await codeOf(mergePeople(db(), clock, ws, one.personId, two.personId, { actorId: null }))).toBe(
      `conflict: Person ${two.personId} is already merged into ${one.personId}`,
    );
    expect(await codeOf(mergePeople(db(), clock, ws, two.personId, one.personId, { actorId: null }))).toBe(
      `conflict: Person ${two.personId} is merged into ${one.personId}: merge into that person instead`,
    );
    expect(await codeOf(undoMerge(db(), clock, ws, 'nope', { actorId: null }))).toBe(
      'not_found: Merge not found',
    );
  });
});

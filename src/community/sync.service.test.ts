/**
 * Medium tier, real SQLite and PostgreSQL: the sync from mentions (identities, people, activities,
 * reply targets, conversations, forgotten identities, idempotence, the PostgreSQL settle window).
 */
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../db/testing.js';
import { seedWorkspace, testClock } from '../../test/listening-fixtures.js';
import { storeConversation, storeMentions, storeOwnAccount } from './community.fixtures.js';
import { forgottenKeyHash } from './identity-keys.js';
import { syncWorkspace } from './sync.service.js';
import { syncTasks } from './sync.tasks.js';
import { createLogger } from '../core/logger.js';

describeEachDatabase('community sync from mentions', (use) => {
  const clock = testClock();

  it('turns mentions into identities, people and activities, once', async () => {
    const db = use().kysely;
    const { workspaceId } = await seedWorkspace(use(), clock);
    const [first, second, third] = await storeMentions(db, workspaceId, [
      {
        author: 'Ana.Test',
        authorName: 'Ana Lopez',
        followers: 50,
        createdAt: '2026-03-01T10:00:00.000Z',
        language: 'fr',
        sentiment: 'positive',
        intents: ['praise'],
      },
      {
        author: '@ana.test',
        followers: 70,
        createdAt: '2026-03-02T10:00:00.000Z',
        language: 'en',
        spam: true,
      },
      {
        author: 'bo.test',
        createdAt: '2026-03-01T12:00:00.000Z',
        offensive: true,
        likes: null,
        reposts: null,
        replies: null,
      },
      { author: null, createdAt: '2026-03-01T13:00:00.000Z' },
    ]);
    const conversationId = await storeConversation(db, third!);

    const report = await syncWorkspace(db, clock, workspaceId);
    expect(report).toEqual({ mentions: 4, recorded: 3, duplicates: 0, forgotten: 0, anonymous: 1 });

    const identities = await db
      .selectFrom('person_identities')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .orderBy('account_key')
      .execute();
    expect(
      identities.map((identity) => [
        identity.network,
        identity.account_key,
        identity.handle,
        identity.followers,
      ]),
    ).toEqual([
      ['bluesky', 'ana.test', 'Ana.Test', 70],
      ['bluesky', 'bo.test', 'bo.test', 100],
    ]);
    const ana = await db
      .selectFrom('people')
      .selectAll()
      .where('id', '=', identities[0]!.person_id)
      .executeTakeFirstOrThrow();
    expect(ana).toMatchObject({
      display_name: 'Ana Lopez',
      activity_count: 2,
      first_seen_at: '2026-03-01T10:00:00.000Z',
      last_seen_at: '2026-03-02T10:00:00.000Z',
      languages: '["en","fr"]',
      stage: 'none',
    });

    const activities = await db
      .selectFrom('activities')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .orderBy('occurred_at')
      .execute();
    expect(
      activities.map((a) => [
        a.dedupe_key,
        a.type,
        a.sentiment,
        a.intents,
        Number(a.spam),
        Number(a.offensive),
        a.engagement_received,
        a.origin,
        a.conversation_id,
      ]),
    ).toEqual([
      [`mention:${first!.id}`, 'mention', 'positive', '["praise"]', 0, 0, 6, 'listening', null],
      [`mention:${third!.id}`, 'mention', 'neutral', '[]', 0, 1, null, 'inbox', conversationId],
      [`mention:${second!.id}`, 'mention', 'neutral', '[]', 1, 0, 6, 'listening', null],
    ]);

    // Nothing new: nothing recorded; a rewound cursor records nothing twice either.
    expect(await syncWorkspace(db, clock, workspaceId)).toMatchObject({ mentions: 0, recorded: 0 });
    await db
      .updateTable('community_settings')
      .set({ sync_cursor: null })
      .where('workspace_id', '=', workspaceId)
      .execute();
    expect(await syncWorkspace(db, clock, workspaceId)).toMatchObject({
      mentions: 4,
      recorded: 0,
      duplicates: 3,
    });
    const after = await db
      .selectFrom('people')
      .select(['activity_count'])
      .where('id', '=', ana.id)
      .executeTakeFirstOrThrow();
    expect(after.activity_count).toBe(2);
  });

  it('records replies with the author of the post they answer as target, and goes on from its cursor', async () => {
    const db = use().kysely;
    const { workspaceId } = await seedWorkspace(use(), clock);
    await storeMentions(db, workspaceId, [
      { author: 'cy.test', createdAt: '2026-03-01T10:00:00.000Z', externalId: 'post-cy' },
    ]);
    expect(await syncWorkspace(db, clock, workspaceId)).toMatchObject({ recorded: 1 });
    await storeMentions(db, workspaceId, [
      { author: 'dee.test', createdAt: '2026-03-01T11:00:00.000Z', replyTo: 'post-cy' },
      { author: 'cy.test', createdAt: '2026-03-01T11:30:00.000Z', replyTo: 'post-cy' },
      { author: 'eve.test', createdAt: '2026-03-01T12:00:00.000Z', replyTo: 'somewhere-else' },
    ]);
    // Two batches of two: the cursor moves with each.
    expect(await syncWorkspace(db, clock, workspaceId, { batchSize: 2 })).toMatchObject({
      mentions: 3,
      recorded: 3,
    });
    const cy = await db
      .selectFrom('person_identities')
      .select(['id', 'person_id'])
      .where('workspace_id', '=', workspaceId)
      .where('account_key', '=', 'cy.test')
      .executeTakeFirstOrThrow();
    const replies = await db
      .selectFrom('activities')
      .innerJoin('person_identities', 'person_identities.id', 'activities.identity_id')
      .select([
        'person_identities.account_key',
        'activities.type',
        'activities.target_identity_id',
        'activities.target_key',
      ])
      .where('activities.workspace_id', '=', workspaceId)
      .where('activities.type', '=', 'reply')
      .orderBy('activities.occurred_at')
      .execute();
    expect(replies).toEqual([
      { account_key: 'dee.test', type: 'reply', target_identity_id: cy.id, target_key: 'cy.test' },
      // Answering oneself is no interaction with anybody; an unknown post has no known author.
      { account_key: 'cy.test', type: 'reply', target_identity_id: null, target_key: null },
      { account_key: 'eve.test', type: 'reply', target_identity_id: null, target_key: null },
    ]);
  });

  it("keeps the brand's own accounts out of the community: neither people nor reply targets", async () => {
    const db = use().kysely;
    const { workspaceId } = await seedWorkspace(use(), clock);
    await storeOwnAccount(db, workspaceId, 'Maison.test', clock.now().toISOString());
    await storeMentions(db, workspaceId, [
      { author: 'maison.test', createdAt: '2026-03-01T10:00:00.000Z', externalId: 'post-brand' },
      { author: 'gil.test', createdAt: '2026-03-01T11:00:00.000Z', replyTo: 'post-brand' },
    ]);
    expect(await syncWorkspace(db, clock, workspaceId)).toMatchObject({ mentions: 2, recorded: 1, anonymous: 1 });
    const keys = await db.selectFrom('person_identities').select('account_key').where('workspace_id', '=', workspaceId).execute();
    expect(keys).toEqual([{ account_key: 'gil.test' }]);
    const reply = await db
      .selectFrom('activities')
      .select(['type', 'target_identity_id'])
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirstOrThrow();
    expect(reply).toEqual({ type: 'reply', target_identity_id: null });
  });

  it('scores a small community as soon as the sync job records new activities', async () => {
    const db = use().kysely;
    const { workspaceId } = await seedWorkspace(use(), clock);
    await storeMentions(db, workspaceId, [
      { author: 'hal.test', createdAt: new Date(clock.now().getTime() - 60_000).toISOString() },
    ]);
    const logger = createLogger({ level: 'silent' });
    const { tasks } = syncTasks({ db, clock, logger });
    await tasks[0]?.perform({}, { jobId: 'j1', attempt: 1, logger, signal: new AbortController().signal });
    const hal = await db
      .selectFrom('people')
      .select(['engagement', 'scored_at'])
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirstOrThrow();
    expect(hal.scored_at).toBe(clock.now().toISOString());
    expect(hal.engagement).toBeGreaterThan(0);
  });

  it('skips forgotten identities', async () => {
    const db = use().kysely;
    const { workspaceId } = await seedWorkspace(use(), clock);
    await db
      .insertInto('forgotten_identities')
      .values({
        workspace_id: workspaceId,
        network: 'bluesky',
        key_hash: forgottenKeyHash('bluesky', 'gone.test'),
        forgotten_by: null,
        forgotten_at: clock.now().toISOString(),
      })
      .execute();
    await storeMentions(db, workspaceId, [
      { author: 'Gone.Test', createdAt: '2026-03-01T10:00:00.000Z', externalId: 'post-gone' },
      { author: 'fay.test', createdAt: '2026-03-01T11:00:00.000Z', replyTo: 'post-gone' },
    ]);
    expect(await syncWorkspace(db, clock, workspaceId)).toMatchObject({
      mentions: 2,
      recorded: 1,
      forgotten: 1,
    });
    const keys = await db
      .selectFrom('person_identities')
      .select('account_key')
      .where('workspace_id', '=', workspaceId)
      .execute();
    expect(keys).toEqual([{ account_key: 'fay.test' }]);
    const reply = await db
      .selectFrom('activities')
      .select(['target_identity_id', 'target_key'])
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirstOrThrow();
    expect(reply).toEqual({ target_identity_id: null, target_key: null });
  });

  it('leaves mentions ingested within the settle window for the next run', async () => {
    const db = use().kysely;
    const { workspaceId } = await seedWorkspace(use(), clock);
    const now = clock.now().getTime();
    await storeMentions(db, workspaceId, [
      {
        author: 'old.test',
        createdAt: '2026-03-01T10:00:00.000Z',
        ingestedAt: new Date(now - 60_000).toISOString(),
      },
      {
        author: 'fresh.test',
        createdAt: '2026-03-01T10:00:00.000Z',
        ingestedAt: new Date(now - 1_000).toISOString(),
      },
    ]);
    expect(await syncWorkspace(db, clock, workspaceId, { settleMs: 30_000 })).toMatchObject({
      mentions: 1,
      recorded: 1,
    });
    clock.advance(60_000);
    expect(await syncWorkspace(db, clock, workspaceId, { settleMs: 30_000 })).toMatchObject({
      mentions: 1,
      recorded: 1,
    });
  });
});

/**
 * conversations.closed_at (migration 0015) on the paths that close or reopen: a status change, a
 * bulk change, a routing rule that closes, a new message that reopens. (A reply sent with
 * `then: 'closed'` dates it the same way: replies.service.ts, exercised with a network in inbox.bluesky.test.ts.)
 */
import type { Kysely } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { fixedClock } from '../core/clock.js';
import { describeEachDatabase } from '../db/testing.js';
import type { Database } from '../db/schema.js';
import type { MentionInsert } from '../listening/mentions.repo.js';
import { seedReportFixture } from '../reports/reports.fixtures.js';
import { updateConversation, updateConversations } from './conversations.service.js';
import { threadMentions } from './threading.service.js';

const closedAt = async (db: Kysely<Database>, id: string) =>
  (await db.selectFrom('conversations').select(['status', 'closed_at']).where('id', '=', id).executeTakeFirstOrThrow());

describeEachDatabase('conversations.closed_at', (use) => {
  let ws = '';
  const clock = fixedClock(new Date('2026-03-10T09:00:00.000Z'));
  const access = () => ({ workspaceId: ws, userId: 'nobody', role: 'owner' as const });

  beforeAll(async () => {
    ws = await seedReportFixture(use().kysely, 'closed');
  });

  it('is dated when a conversation is closed, kept when closed again, cleared when it opens', async () => {
    const db = use().kysely;
    const id = 'c4-closed';
    expect(await closedAt(db, id)).toEqual({ status: 'open', closed_at: null });
    await updateConversation(db, clock, access(), id, { status: 'closed' });
    expect(await closedAt(db, id)).toEqual({ status: 'closed', closed_at: '2026-03-10T09:00:00.000Z' });
    clock.advance(60_000);
    await updateConversation(db, clock, access(), id, { status: 'closed', tags: ['late'] });
    await updateConversation(db, clock, access(), id, { tags: ['later'] });
    expect((await closedAt(db, id)).closed_at).toBe('2026-03-10T09:00:00.000Z');
    await updateConversation(db, clock, access(), id, { status: 'pending' });
    expect(await closedAt(db, id)).toEqual({ status: 'pending', closed_at: null });
  });

  it('is dated by bulk changes too', async () => {
    const db = use().kysely;
    clock.set(new Date('2026-03-11T10:00:00.000Z'));
    await updateConversations(db, clock, access(), ['c5-closed', 'c3-closed'], { status: 'closed' });
    expect(await closedAt(db, 'c5-closed')).toEqual({ status: 'closed', closed_at: '2026-03-11T10:00:00.000Z' });
    expect(await closedAt(db, 'c3-closed')).toEqual({ status: 'closed', closed_at: '2026-03-11T10:00:00.000Z' });
  });

  it('is dated when a routing rule closes a new conversation, and cleared when a new message reopens it', async () => {
    const db = use().kysely;
    await db
      .insertInto('inbox_rules')
      .values({ id: 'rule-close', workspace_id: ws, name: 'Close thanks', position: 0, enabled: 1, conditions: '{"intents":["praise"]}', actions: '{"close":true}', round_robin_next: 0, created_at: '2026-03-01T00:00:00.000Z', updated_at: '2026-03-01T00:00:00.000Z' })
      .execute();
    const mention = (id: string, at: string, ingested: string, replyTo: string | null, intents: string[]): MentionInsert => ({
      id,
      workspace_id: ws,
      source_id: 'src-closed',
      network: 'bluesky',
      external_id: `at://x/${id}`,
      url: null,
      author_handle: 'zoe.test',
      author_name: null,
      author_followers: 10,
      text: `message ${id}`,
      search_text: `message ${id}`,
      language: 'en',
      sentiment: 'positive',
      intents: JSON.stringify(intents),
      analysis: null,
      has_link: 0,
      has_image: 0,
      has_mention: 1,
      has_hashtag: 0,
      likes: 0,
      reposts: 0,
      replies: 0,
      created_at: at,
      ingested_at: ingested,
      updated_at: ingested,
      originality_at: null,
      addressed_to: '["lumiere.test"]',
      reply_to: replyTo,
    });
    const first = mention('n1', '2026-03-12T08:00:00.000Z', '2026-03-12T08:01:00.000Z', null, ['praise']);
    await db.insertInto('mentions').values(first).execute();
    expect(await threadMentions(db, [first])).toBe(1);
    const conversation = await db.selectFrom('conversations').select(['id', 'status', 'closed_at']).where('thread_key', '=', 'at://x/n1').executeTakeFirstOrThrow();
    expect(conversation).toMatchObject({ status: 'closed', closed_at: '2026-03-12T08:01:00.000Z' });
    const reply = mention('n2', '2026-03-13T08:00:00.000Z', '2026-03-13T08:01:00.000Z', 'at://x/n1', ['question']);
    await db.insertInto('mentions').values(reply).execute();
    expect(await threadMentions(db, [reply])).toBe(1);
    expect(await closedAt(db, conversation.id)).toEqual({ status: 'open', closed_at: null });
  });
});

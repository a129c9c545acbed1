import { beforeAll, expect, it } from 'vitest';
import { seedWorkspace, testClock } from '../../test/listening-fixtures.js';
import { describeEachDatabase } from '../db/testing.js';
import { searchText } from '../listening/query/index.js';
import type { WorkspaceAccess } from '../workspaces/workspaces.service.js';
import { listConversations } from './conversations.service.js';

/** More matches than the full-text index hands over whole (2,000): the search walks the list instead. */
const COMMON = 2_100;

describeEachDatabase('inbox search, when the words are common', (use) => {
  const clock = testClock();
  let access: WorkspaceAccess;

  beforeAll(async () => {
    access = await seedWorkspace(use(), clock);
    const db = use().kysely;
    const at = (n: number): string => new Date(Date.UTC(2026, 2, 1) + n * 60_000).toISOString();
    await db
      .insertInto('listening_sources')
      .values({
        id: `src-${access.workspaceId}`,
        workspace_id: access.workspaceId,
        kind: 'import',
        name: 'Seed',
        settings: '{}',
        error_count: 0,
        items_stored: 0,
        created_at: at(0),
        updated_at: at(0),
      })
      .execute();
    await db.transaction().execute(async (trx) => {
      for (let n = 0; n < COMMON + 10; n++) {
        // Every one speaks of a lamp; one in seven also of a refund, and those are the urgent ones.
        const text =
          n % 7 === 0 ? `my lamp arrived broken, I want a refund (${n})` : `my lamp is lovely (${n})`;
        const id = `${access.workspaceId}-${n}`;
        await trx
          .insertInto('mentions')
          .values({
            id: `m-${id}`,
            workspace_id: access.workspaceId,
            source_id: `src-${access.workspaceId}`,
            network: 'bluesky',
            external_id: `at://x/${id}`,
            url: null,
            author_handle: `user${n}.test`,
            author_name: null,
            author_followers: null,
            text,
            search_text: searchText(text),
            language: 'en',
            sentiment: 'neutral',
            intents: '[]',
            analysis: null,
            has_link: 0,
            has_image: 0,
            has_mention: 0,
            has_hashtag: 0,
            likes: null,
            reposts: null,
            replies: null,
            created_at: at(n),
            ingested_at: at(n),
            updated_at: at(n),
            originality_at: null,
          })
          .execute();
        await trx
          .insertInto('conversations')
          .values({
            id: `c-${id}`,
            workspace_id: access.workspaceId,
            account_id: null,
            network: 'bluesky',
            thread_key: `at://x/${id}`,
            status: 'open',
            snoozed_until: null,
            assignee_id: null,
            priority: n % 7 === 0 ? 50 : n % 50,
            priority_reasons: '[]',
            tags: '[]',
            spam: 0,
            subject: text,
            author_handle: `user${n}.test`,
            author_name: null,
            author_followers: null,
            last_sentiment: 'neutral',
            last_intents: '[]',
            first_inbound_at: at(n),
            last_inbound_at: at(n),
            last_outbound_at: null,
            first_response_at: null,
            awaiting_since: at(n),
            message_count: 1,
            created_at: at(n),
            updated_at: at(n),
          })
          .execute();
        await trx
          .insertInto('conversation_messages')
          .values({
            id: `cm-${id}`,
            conversation_id: `c-${id}`,
            workspace_id: access.workspaceId,
            kind: 'inbound',
            mention_id: `m-${id}`,
            author_user_id: null,
            author_handle: `user${n}.test`,
            text,
            status: 'received',
            reply_to_message_id: null,
            ref: null,
            external_id: `at://x/${id}`,
            url: null,
            error: null,
            attempts: 0,
            idempotency_key: null,
            created_at: at(n),
            sent_at: null,
          })
          .execute();
      }
    });
  });

  it('finds every match of a common word, in list order, and pages through them', async () => {
    const first = await listConversations(use().kysely, clock, access, {
      search: 'lamp',
      sort: 'newest',
      limit: 200,
    });
    expect(first.items).toHaveLength(200);
    expect(first.items[0]?.subject).toBe(`my lamp is lovely (${COMMON + 9})`);
    const refunds = await listConversations(use().kysely, clock, access, {
      search: 'lamp refund',
      limit: 200,
    });
    const expected = Array.from({ length: COMMON + 10 }, (_, n) => n).filter((n) => n % 7 === 0).length;
    expect(refunds.items).toHaveLength(200);
    expect(refunds.items.every((c) => c.subject.includes('refund'))).toBe(true);
    let seen = refunds.items.length;
    let cursor = refunds.nextCursor;
    while (cursor) {
      const page = await listConversations(use().kysely, clock, access, {
        search: 'lamp refund',
        limit: 200,
        cursor,
      });
      seen += page.items.length;
      cursor = page.nextCursor;
    }
    expect(seen).toBe(expected);
  });
});

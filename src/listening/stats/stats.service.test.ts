import { beforeAll, expect, it } from 'vitest';
import { seedWorkspace, testClock } from '../../../test/listening-fixtures.js';
import { describeEachDatabase } from '../../db/testing.js';
import type { WorkspaceAccess } from '../../workspaces/workspaces.service.js';
import { matchesOf } from '../matching.js';
import { mentionsRepo, type MentionInsert } from '../mentions.repo.js';
import { searchMentions } from '../mentions.service.js';
import { queriesRepo } from '../queries.repo.js';
import { saveQuery } from '../queries.service.js';
import { compileQuery, searchText } from '../query/index.js';
import { mentionStats, type StatsRequest } from './stats.service.js';

let seq = 0;

/** A stored mention with exactly these facts (no analyzer: the counts below are computed by hand). */
function mention(workspaceId: string, fields: Partial<MentionInsert> & Pick<MentionInsert, 'text' | 'created_at'>): MentionInsert {
  seq += 1;
  return {
    id: `stats-${seq}`,
    workspace_id: workspaceId,
    source_id: null,
    network: 'bluesky',
    external_id: `ext-${seq}`,
    url: null,
    author_handle: null,
    author_name: null,
    author_followers: null,
    language: 'en',
    sentiment: null,
    intents: '[]',
    analysis: null,
    has_link: 0,
    has_image: 0,
    has_mention: 0,
    has_hashtag: 0,
    likes: null,
    reposts: null,
    replies: null,
    ingested_at: fields.created_at,
    updated_at: fields.created_at,
    originality_at: null,
    search_text: searchText(fields.text),
    ...fields,
  };
}

const RANGE = { since: '2026-03-01T00:00:00.000Z', until: '2026-03-04T00:00:00.000Z' };

describeEachDatabase('mention statistics', (use) => {
  const clock = testClock();
  let access: WorkspaceAccess;
  let queryId = '';
  const stats = (request: StatsRequest) => mentionStats(use().kysely, clock, access, request);

  beforeAll(async () => {
    seq = 0;
    access = await seedWorkspace(use(), clock); // Europe/Paris: UTC+1 in early March
    const other = await seedWorkspace(use(), clock, 'Other brand');
    const w = access.workspaceId;
    const rows = [
      mention(w, { text: 'Lumière lamp is lovely', created_at: '2026-03-01T10:15:00.000Z', author_handle: 'alice', author_name: 'Alice', author_followers: 100, sentiment: 'positive', intents: '["praise"]' }),
      mention(w, { text: 'Lumière lamp arrived broken', created_at: '2026-03-01T10:45:00.000Z', author_handle: 'alice', author_name: 'Alice', author_followers: 150, sentiment: 'negative', intents: '["complaint"]' }),
      // 00:30 on 2 March in Paris, still 1 March in UTC.
      mention(w, { text: 'Is the Lumière lamp dimmable?', created_at: '2026-03-01T23:30:00.000Z', author_handle: 'bob', sentiment: 'neutral', intents: '["question"]' }),
      mention(w, { text: 'Zorvalta light broken again', created_at: '2026-03-02T08:00:00.000Z', author_handle: 'carol', author_name: 'Carol', author_followers: 5000, network: 'mastodon', sentiment: 'negative', intents: '["complaint","question"]' }),
      mention(w, { text: 'Lamp shop opening', created_at: '2026-03-03T12:00:00.000Z' }),
      mention(w, { text: 'Lamp from last month, broken', created_at: '2026-02-20T12:00:00.000Z', author_handle: 'alice', sentiment: 'negative' }),
      mention(other.workspaceId, { text: 'Their lamp broken', created_at: '2026-03-01T10:00:00.000Z', author_handle: 'zed', sentiment: 'negative' }),
    ];
    await mentionsRepo(use().kysely).insertNew(rows);
    queryId = (await saveQuery(use().kysely, clock, access, { name: 'Broken', query: 'broken', tag: 'topic' })).id;
    await queriesRepo(use().kysely).insertMatches(matchesOf([{ id: queryId, query: compileQuery('broken') }], rows, clock.now().toISOString()));
  });

  it('counts per day of the workspace’s time zone, split by sentiment, with empty days', async () => {
    const result = await stats({ ...RANGE, interval: 'day' });
    expect(result.timeZone).toBe('Europe/Paris');
    expect(result.total).toBe(5);
    expect(result.buckets).toEqual([
      { start: '2026-03-01', total: 2, negative: 1, neutral: 0, positive: 1, unknown: 0 },
      { start: '2026-03-02', total: 2, negative: 1, neutral: 1, positive: 0, unknown: 0 },
      { start: '2026-03-03', total: 1, negative: 0, neutral: 0, positive: 0, unknown: 1 },
      // until is 01:00 on 4 March in Paris: the day has begun.
      { start: '2026-03-04', total: 0, negative: 0, neutral: 0, positive: 0, unknown: 0 },
    ]);
    const utc = await stats({ ...RANGE, interval: 'day', timeZone: 'UTC' });
    expect(utc.buckets.map((b) => [b.start, b.total])).toEqual([['2026-03-01', 3], ['2026-03-02', 1], ['2026-03-03', 1]]);
  });

  it('counts per UTC hour', async () => {
    const result = await stats({ since: '2026-03-01T10:00:00.000Z', until: '2026-03-01T12:00:00.000Z', interval: 'hour' });
    expect(result.buckets).toEqual([
      { start: '2026-03-01T10:00:00.000Z', total: 2, negative: 1, neutral: 0, positive: 1, unknown: 0 },
      { start: '2026-03-01T11:00:00.000Z', total: 0, negative: 0, neutral: 0, positive: 0, unknown: 0 },
    ]);
    await expect(stats({ since: '2025-01-01T00:00:00.000Z', until: '2026-03-01T00:00:00.000Z', interval: 'hour' })).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(stats({ ...RANGE, timeZone: 'Mars/Olympus' })).rejects.toMatchObject({ code: 'validation_failed' });
  });

  it('ranks authors by mentions, then followers, and terms by the mentions that use them, stop words left out', async () => {
    const result = await stats(RANGE);
    expect(result.authors).toEqual([
      { handle: 'alice', name: 'Alice', count: 2, followers: 150 },
      { handle: 'carol', name: 'Carol', count: 1, followers: 5000 },
      { handle: 'bob', name: null, count: 1, followers: null },
    ]);
    expect(result.terms.slice(0, 3)).toEqual([
      { term: 'lamp', count: 4 },
      { term: 'lumiere', count: 3 },
      { term: 'broken', count: 2 },
    ]);
    expect(result.terms.map((t) => t.term)).not.toContain('the');
    expect(result.terms.map((t) => t.term)).not.toContain('is');
    expect(result.termsSample).toBe(5);
  });

  it('applies the stream’s filters: network, intent, text, a listening query (confirmed by the evaluator), a saved query', async () => {
    expect((await stats({ ...RANGE, networks: ['mastodon'] })).total).toBe(1);
    expect((await stats({ ...RANGE, intents: ['complaint'] })).total).toBe(2);
    expect((await stats({ ...RANGE, intents: ['question', 'praise'] })).total).toBe(3);
    expect((await stats({ ...RANGE, text: 'lumiere' })).total).toBe(3);
    const query = await stats({ ...RANGE, query: 'lamp NOT broken', timeZone: 'UTC' });
    expect(query.complete).toBe(true);
    expect(query.buckets.map((b) => b.total)).toEqual([2, 0, 1]);
    expect(query.authors).toEqual([
      { handle: 'alice', name: 'Alice', count: 1, followers: 100 },
      { handle: 'bob', name: null, count: 1, followers: null },
    ]);
    const saved = await stats({ ...RANGE, queryId });
    expect(saved.total).toBe(2);
    expect(saved.authors.map((a) => a.handle)).toEqual(['carol', 'alice']);
  });

  it('filters the stream by intent and by saved query, which says why each matched', async () => {
    const search = (params: Parameters<typeof searchMentions>[2]) => searchMentions(use().kysely, { ...access, role: 'viewer' }, params);
    expect((await search({ intents: ['question'] })).items.map((m) => m.externalId)).toEqual(['ext-4', 'ext-3']);
    const page = await search({ queryId, limit: 1 });
    expect(page.items.map((m) => m.text)).toEqual(['Zorvalta light broken again']);
    const [first] = page.items;
    expect(first?.why?.highlights.map(({ start, end }) => first.text.slice(start, end))).toEqual(['broken']);
    const next = await search({ queryId, limit: 5, cursor: page.nextCursor ?? '' });
    expect(next.items.map((m) => m.externalId)).toEqual(['ext-2', 'ext-6']);
    expect(next.nextCursor).toBeNull();
    // A listening query's own reasons win over the stored ones.
    const both = await search({ queryId, query: 'zorvalta' });
    expect(both.items.map((m) => m.why?.terms.map((t) => t.query))).toEqual([['zorvalta']]);
    await expect(search({ queryId: 'not-a-query' })).rejects.toMatchObject({ code: 'not_found' });
  });
});

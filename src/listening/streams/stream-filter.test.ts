// Small tier: which posts of the whole network a Bluesky source keeps, and the item it stores.
import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../analysis/analyzer.js';
import { lazily } from '../../http/context.js';
import { keywordQuery } from '../sources/source-settings.js';
import { parsePost, postItem } from './bluesky-post.js';
import { searchTerms } from './search-backfill.js';
import { createStreamFilter } from './stream-filter.js';

const BRAND = 'did:plc:brand';
const FAN = 'did:plc:fan';
const brandPost = { uri: `at://${BRAND}/app.bsky.feed.post/3k1`, cid: 'bafyroot' };

function post(record: Record<string, unknown>, did = FAN) {
  const parsed = parsePost(`at://${did}/app.bsky.feed.post/3kx`, did, '3kx', 'bafyself', {
    createdAt: '2026-03-01T10:00:00Z',
    ...record,
  });
  if (!parsed) {
    throw new Error('not a post');
  }
  return parsed;
}

const mention = (did: string) => ({
  index: { byteStart: 0, byteEnd: 6 },
  features: [{ $type: 'app.bsky.richtext.facet#mention', did }],
});

describe('the stream filter', () => {
  const helpers = { analyzer: lazily(() => createAnalyzer()), handleOf: () => Promise.resolve('fan.test') };

  it('keeps keyword and saved-query matches, mentions and replies of the accounts, and nothing else', async () => {
    const filter = createStreamFilter(
      { queries: ['zorvalta -job'], keywords: ['Maison Lumière', '#aurore'], accounts: [BRAND] },
      helpers,
    );
    expect(await filter.keep(post({ text: 'Chez maison lumiere, tout est doux' }))).toBe('query');
    expect(await filter.keep(post({ text: 'Ma lampe #Aurore' }))).toBe('query');
    expect(await filter.keep(post({ text: 'aurore sans dièse' }))).toBeNull();
    expect(await filter.keep(post({ text: 'Zorvalta is hiring', langs: ['en'] }))).toBe('query');
    expect(await filter.keep(post({ text: 'Zorvalta job offer' }))).toBeNull();
    expect(await filter.keep(post({ text: '@brand hello', facets: [mention(BRAND)] }))).toBe('mention');
    expect(await filter.keep(post({ text: 'congrats', reply: { root: brandPost, parent: brandPost } }))).toBe(
      'reply',
    );
    expect(await filter.keep(post({ text: 'a sunny afternoon' }))).toBeNull();
    // The account's own posts are not mentions of it.
    expect(
      await filter.keep(post({ text: 'thread', reply: { root: brandPost, parent: brandPost } }, BRAND)),
    ).toBeNull();
  });

  it('analyses a post first when a query reads the analysis, and rebuilds when the queries change', async () => {
    const filter = createStreamFilter(
      { queries: ['lampe sentiment:negative'], keywords: [], accounts: [] },
      helpers,
    );
    expect(
      await filter.keep(post({ text: 'Cette lampe est nulle, cassée dès le premier jour, je suis furieux' })),
    ).toBe('query');
    expect(
      await filter.keep(post({ text: 'Cette lampe est magnifique, merci beaucoup, je l’adore' })),
    ).toBeNull();
    filter.refresh({ queries: ['author:fan.test'], keywords: [], accounts: [] });
    expect(await filter.keep(post({ text: 'anything at all' }))).toBe('query');
  });
});

describe('the stored item', () => {
  it('carries the at:// uri, the bsky.app link, the handle and what the inbox needs to answer', () => {
    const reply = post({
      text: 'congrats @brand',
      langs: ['en-GB'],
      facets: [mention(BRAND)],
      reply: { root: brandPost, parent: brandPost },
    });
    expect(postItem(reply, 'fan.test')).toEqual({
      id: `at://${FAN}/app.bsky.feed.post/3kx`,
      network: 'bluesky',
      text: 'congrats @brand',
      author: 'fan.test',
      createdAt: '2026-03-01T10:00:00.000Z',
      url: 'https://bsky.app/profile/fan.test/post/3kx',
      language: 'en',
      hasImage: false,
      hasLink: false,
      replyTo: brandPost.uri,
      threadRoot: brandPost.uri,
      ref: JSON.stringify({ uri: `at://${FAN}/app.bsky.feed.post/3kx`, cid: 'bafyself', root: brandPost }),
      addressedTo: [BRAND],
    });
    expect(postItem(post({ text: '   ' }), null)).toBeNull();
    expect(parsePost('at://x/app.bsky.feed.post/1', 'did:plc:x', '1', null, { nope: true })).toBeNull();
  });
});

describe('keywords and search terms', () => {
  it('tracks words, tags and handles as they are, anything else as a phrase', () => {
    expect(keywordQuery('lumière')).toBe('lumière');
    expect(keywordQuery('#aurore')).toBe('#aurore');
    expect(keywordQuery('@maisonlumiere.test')).toBe('@maisonlumiere.test');
    expect(keywordQuery('Maison Lumière')).toBe('"Maison Lumière"');
    expect(keywordQuery('acme-corp')).toBe('"acme-corp"');
  });

  it('searches the keywords and the saved queries that are only plain words', () => {
    expect(
      searchTerms(
        ['Aurore', 'aurore', '#lampe'],
        ['zorvalta', 'acme -job', 'lampe sentiment:negative', 'free shipping', 'a OR b'],
      ),
    ).toEqual(['aurore', '#lampe', 'zorvalta', 'free shipping']);
  });
});

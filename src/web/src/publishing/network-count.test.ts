import { describe, expect, it } from 'vitest';
import { countForNetwork, remaining } from './network-count';

const FAMILY = '👨‍👩‍👧‍👦';

describe('network character counts', () => {
  it('counts Bluesky graphemes: an emoji family is one, an accented letter is one', () => {
    expect(FAMILY.length).toBe(11);
    expect(countForNetwork(`${FAMILY} é`, 'bluesky')).toEqual({ count: 3, limit: 300 });
    expect(countForNetwork('e\u0301té', 'bluesky').count).toBe(3);
    expect(remaining('x'.repeat(301), 'bluesky')).toBe(-1);
  });

  it('counts every Mastodon link as 23, whatever its length', () => {
    const url = `https://example.com/${'a'.repeat(80)}`;
    expect(countForNetwork(`Read ${url}.`, 'mastodon')).toEqual({ count: 5 + 23 + 1, limit: 500 });
    expect(countForNetwork('see https://x.io', 'mastodon').count).toBe(4 + 23);
  });

  it('counts a Mastodon mention of another server as its local part', () => {
    expect(countForNetwork('hi @camille@mastodon.social', 'mastodon').count).toBe(3 + 8);
    expect(countForNetwork('mail camille@example.com', 'mastodon').count).toBe(24);
  });

  it('puts no limit on a webhook', () => {
    expect(countForNetwork('x'.repeat(5000), 'webhook')).toEqual({ count: 5000, limit: null });
    expect(remaining('hello', 'webhook')).toBeNull();
  });
});

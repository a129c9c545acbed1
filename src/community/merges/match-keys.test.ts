import { describe, expect, it } from 'vitest';
import { crossPostKey, domainOfHandle, foldName, handleStem, normaliseLink } from './match-keys.js';
import { buildSuggestions, CrossPostDetector, type PersonProfile } from './suggestions.js';

describe('match keys', () => {
  it('normalises links: host case, www., scheme, trailing slash, tracking parameters, fragment', () => {
    const key = 'example.com/alice';
    expect(normaliseLink('https://www.Example.com/alice/')).toBe(key);
    expect(normaliseLink('http://example.com/alice?utm_source=bsky&utm_medium=social#top')).toBe(key);
    expect(normaliseLink('example.com/alice?fbclid=abc')).toBe(key);
    expect(normaliseLink('https://example.com/shop?b=2&a=1&gclid=x')).toBe('example.com/shop?a=1&b=2');
  });

  it('drops links that identify nobody: platform roots, shorteners, non-web schemes, plain words', () => {
    expect(normaliseLink('https://linktr.ee/')).toBeNull();
    expect(normaliseLink('https://www.instagram.com')).toBeNull();
    expect(normaliseLink('https://t.co/abc123')).toBeNull();
    expect(normaliseLink('mailto:alice@example.com')).toBeNull();
    expect(normaliseLink('javascript:alert(1)')).toBeNull();
    expect(normaliseLink('hello')).toBeNull();
    // A hub page with a path is someone's own page: it stays a signal.
    expect(normaliseLink('https://linktr.ee/Alice')).toBe('linktr.ee/alice');
  });

  it('folds names (accents, case, emoji, punctuation) and refuses names too short to mean anything', () => {
    expect(foldName('Zoé  MARTIN ✨')).toBe('zoe martin');
    expect(foldName('zoe-martin')).toBe('zoe martin');
    expect(foldName('Al')).toBeNull();
    expect(foldName('🌸🌸')).toBeNull();
  });

  it('takes user names without their network suffix, and domain handles as websites', () => {
    expect(handleStem('@alice@mastodon.social')).toBe('alice');
    expect(handleStem('alice.bsky.social')).toBe('alice');
    expect(handleStem('al')).toBeNull();
    expect(domainOfHandle('alice.example.com')).toBe('alice.example.com');
    expect(domainOfHandle('alice.bsky.social')).toBeNull();
    expect(domainOfHandle('alice@mastodon.social')).toBeNull();
  });

  it('keys texts for cross-posting without links and mentions; short texts say nothing', () => {
    const bluesky = crossPostKey('New lamp review is up! Read it here https://bsky.app/x @brand.bsky.social');
    const mastodon = crossPostKey(
      'New lamp review is up!! Read it here https://example.com/x @brand@mastodon.social',
    );
    expect(bluesky).not.toBeNull();
    expect(bluesky).toBe(mastodon);
    expect(crossPostKey('Thank you so much!')).toBeNull();
  });
});

const profile = (id: string, network: string, extra: Partial<PersonProfile> = {}): PersonProfile => ({
  id,
  names: [],
  avatars: [],
  handles: [],
  links: [],
  bios: [],
  networks: [network],
  ...extra,
});

describe('suggestions from keys', () => {
  it('needs more than an equal name, and never pairs two accounts of one network', () => {
    const out = buildSuggestions(
      [
        profile('a', 'bluesky', { names: ['Alice Martin'] }),
        profile('b', 'mastodon', { names: ['alice martin'] }),
        profile('c', 'bluesky', { links: ['https://alice.dev'] }),
        profile('d', 'bluesky', { links: ['https://alice.dev/'] }),
      ],
      [],
    );
    expect(out).toEqual([]);
  });

  it('finds a website in a bio, and a domain handle meeting the same website', () => {
    const out = buildSuggestions(
      [
        profile('a', 'bluesky', { handles: ['alice.dev'] }),
        profile('b', 'mastodon', { bios: ['Designer. More at https://www.alice.dev/ !'] }),
      ],
      [],
    );
    expect(out).toHaveLength(1);
    expect(out[0]!.reasons).toEqual([
      { code: 'same-link', detail: 'Both profiles link to alice.dev (Bluesky and Mastodon)' },
    ]);
  });

  it('ignores a link shared by many people (the brand site) and ranks stronger evidence first', () => {
    const brand = 'https://brand.example';
    const out = buildSuggestions(
      [
        profile('a', 'bluesky', { links: [brand], names: ['Bo Lind'], avatars: ['https://cdn/x.png'] }),
        profile('b', 'mastodon', { links: [brand], names: ['Bo Lind'], avatars: ['https://cdn/x.png'] }),
        profile('c', 'mastodon', { links: [brand, 'https://c.example/me'] }),
        profile('d', 'bluesky', { links: [brand, 'https://c.example/me'] }),
        profile('e', 'rss', { links: [brand] }),
      ],
      [],
    );
    expect(out.map((s) => `${s.a}-${s.b}`)).toEqual(['a-b', 'c-d']);
    expect(out[0]!.reasons.map((r) => r.code)).toEqual(['same-name-and-avatar']);
    expect(out[0]!.strength).toBeGreaterThan(out[1]!.strength);
  });

  it('detects cross-posts within ten minutes, not hours apart, and not campaign texts', () => {
    const detector = new CrossPostDetector();
    const t0 = Date.parse('2026-03-01T10:00:00Z');
    const text = 'Our community meetup is on Friday, bring friends and lamps';
    detector.add({ personId: 'a', network: 'bluesky', at: t0, text });
    detector.add({ personId: 'b', network: 'mastodon', at: t0 + 4 * 60_000, text: `${text}!` });
    const late = 'Another long text that someone posted in the morning only';
    detector.add({ personId: 'c', network: 'bluesky', at: t0 + 5 * 60_000, text: late });
    detector.add({ personId: 'd', network: 'mastodon', at: t0 + 3 * 3_600_000, text: late });
    const campaign = 'Win a lamp: repost this and follow the brand today';
    detector.add({ personId: 'e', network: 'bluesky', at: t0 + 4 * 3_600_000, text: campaign });
    detector.add({ personId: 'f', network: 'mastodon', at: t0 + 4 * 3_600_000 + 1, text: campaign });
    detector.add({ personId: 'g', network: 'mastodon', at: t0 + 4 * 3_600_000 + 2, text: campaign });
    detector.add({ personId: 'h', network: 'bluesky', at: t0 + 4 * 3_600_000 + 3, text: campaign });
    const evidence = detector.evidence();
    expect(evidence).toEqual([
      { a: 'a', b: 'b', count: 1, networks: ['bluesky', 'mastodon'], gapMs: 240_000, example: `${text}!` },
    ]);
  });
});

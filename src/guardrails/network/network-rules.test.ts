import { describe, expect, it } from 'vitest';
import { checkNetworkRules, countForNetwork } from './network-rules.js';

const FAMILY = '👨‍👩‍👧‍👦';

describe('countForNetwork', () => {
  it('counts Bluesky graphemes: an emoji family sequence is one', () => {
    const text = `${FAMILY} `.repeat(150);
    expect(text.length).toBeGreaterThan(1_000);
    expect(countForNetwork(text, 'bluesky')).toEqual({ count: 300, limit: 300 });
    expect(checkNetworkRules({ text, network: 'bluesky' })).toEqual([]);
    const findings = checkNetworkRules({ text: `${text}é!`, network: 'bluesky' });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'network.too-long', severity: 'error', text: 'é!', end: text.length + 2 });
  });

  it('counts a Mastodon link as 23 and @user@domain as @user, with the instance limit', () => {
    const text = 'Our report: https://example.com/a/very/long/path/to/the/annual/report-2025.pdf thanks @alice@mastodon.social';
    const expected = 'Our report: '.length + 23 + ' thanks '.length + '@alice'.length;
    expect(countForNetwork(text, 'mastodon')).toEqual({ count: expected, limit: 500 });
    expect(countForNetwork(text, 'mastodon', { mastodonMaxCharacters: 5_000 }).limit).toBe(5_000);
    expect(checkNetworkRules({ text, network: 'mastodon', limits: { mastodonMaxCharacters: 40 } })[0]?.rule).toBe('network.too-long');
  });

  it('weights X: links 23, CJK 2, Latin and accents 1', () => {
    expect(countForNetwork('Café 東京 https://example.com/some/long/path', 'x')).toEqual({ count: 5 + 4 + 1 + 23, limit: 280 });
    const cjk = '東'.repeat(141);
    const [finding] = checkNetworkRules({ text: cjk, network: 'x' });
    expect(finding).toMatchObject({ rule: 'network.too-long', start: 140, end: 141 });
    expect(countForNetwork('a'.repeat(280), 'x').count).toBe(280);
  });

  it('counts LinkedIn, Instagram and Facebook in characters', () => {
    expect(countForNetwork('x'.repeat(3_001), 'linkedin')).toEqual({ count: 3_001, limit: 3_000 });
    expect(countForNetwork('hello', 'facebook')).toEqual({ count: 5, limit: 63_206 });
    expect(checkNetworkRules({ text: 'y'.repeat(2_201), network: 'instagram' })[0]).toMatchObject({ start: 2_200, end: 2_201 });
  });
});

describe('checkNetworkRules', () => {
  it('requires alt text on every image', () => {
    const findings = checkNetworkRules({
      text: 'Photos from the meetup',
      network: 'bluesky',
      images: [{ altText: 'Twelve people around a table' }, { altText: '  ' }, {}, { altText: null }],
    });
    expect(findings.map((f) => [f.rule, f.start, f.end, f.severity])).toEqual([
      ['network.image-alt-missing', 0, 0, 'error'],
      ['network.image-alt-missing', 0, 0, 'error'],
      ['network.image-alt-missing', 0, 0, 'error'],
    ]);
    expect(findings.map((f) => f.message.slice(0, 7))).toEqual(['Image 2', 'Image 3', 'Image 4']);
  });

  it('caps Instagram at 30 hashtags and warns about links', () => {
    const tags = Array.from({ length: 32 }, (_, i) => `#tag${i}`).join(' ');
    const findings = checkNetworkRules({ text: `New drop ${tags} shop at hearth.example.com`, network: 'instagram' });
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([
      ['network.too-many-hashtags', 'error'],
      ['network.link-not-clickable', 'warning'],
    ]);
    expect(findings[0]?.text).toBe('#tag30 #tag31');
    expect(checkNetworkRules({ text: `New drop ${Array.from({ length: 30 }, (_, i) => `#t${i}`).join(' ')}`, network: 'instagram' })).toEqual([]);
  });

  it('warns about fediverse mentions outside Mastodon', () => {
    const text = 'Thanks @alice@mastodon.social and @bob.bsky.social';
    const [finding, ...rest] = checkNetworkRules({ text, network: 'bluesky' });
    expect(finding).toMatchObject({ rule: 'network.fediverse-mention', severity: 'warning', text: '@alice@mastodon.social' });
    expect(rest).toEqual([]);
    expect(checkNetworkRules({ text, network: 'mastodon' })).toEqual([]);
  });
});

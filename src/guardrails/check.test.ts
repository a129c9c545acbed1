import { beforeAll, describe, expect, it } from 'vitest';
import { createAnalyzer, type Analyzer } from '../analysis/analyzer.js';
import { check, type GuardrailDeps } from './check.js';
import { createOriginalityIndex } from './originality/index.js';
import { createInProcessSpellChecker } from './spelling/service.js';

describe('check(): every guardrail over one text', () => {
  let deps: GuardrailDeps;
  beforeAll(async () => {
    const analyzer: Analyzer = await createAnalyzer();
    const spelling = createInProcessSpellChecker();
    await spelling.ready('en');
    const originality = createOriginalityIndex();
    originality.add({
      id: 'competitor-42',
      kind: 'competitor',
      text: 'Our new autumn collection of handmade ceramic lamps brings warm light to every corner of your home this season',
    });
    deps = { analyzer, spelling, originality, now: () => new Date('2026-11-20T10:00:00Z') };
  }, 60_000);

  it('passes a clean English post', async () => {
    const result = await check(deps, { text: 'Our workshop opens its doors to visitors next weekend. Come and say hello!', network: 'bluesky' });
    expect(result.findings).toEqual([]);
    expect(result).toMatchObject({ verdict: 'pass', score: 100, language: 'en' });
  });

  it('blocks a misspelling and says how to fix it', async () => {
    const result = await check(deps, { text: 'We have recieved your message and will answer today.' });
    expect(result.verdict).toBe('block');
    const spelling = result.findings.find((f) => f.rule === 'spelling.unknown-word');
    expect(spelling).toMatchObject({ text: 'recieved', severity: 'error' });
    expect(spelling?.suggestions).toContain('received');
  });

  it('blocks a defensive reply to an unhappy customer', async () => {
    const result = await check(deps, {
      text: 'As we already said, you should have read the instructions before using it.',
      replyTo: 'Your lamp broke after two days. Terrible quality, I want my money back.',
    });
    expect(result.verdict).toBe('block');
    expect(result.findings.map((f) => f.rule)).toContain('tone.defensive');
  });

  it('asks for a source for a superlative claim, and enforces network length and alt text', async () => {
    const result = await check(deps, {
      text: `We are the cheapest lamp maker in Europe. ${'Light up your evenings. '.repeat(14)}`,
      network: 'bluesky',
      images: [{ altText: '' }],
    });
    const rules = result.findings.map((f) => f.rule);
    expect(rules).toEqual(expect.arrayContaining(['claims.unsourced', 'network.too-long', 'network.image-alt-missing']));
    expect(result.verdict).toBe('block');
    expect(result.score).toBeLessThan(60);
  });

  it("flags a copy of a competitor's post, naming the source", async () => {
    const result = await check(deps, {
      text: 'Our NEW autumn collection of handmade ceramic lamps brings warm light to every corner of your home this season ✨',
    });
    const copy = result.findings.find((f) => f.category === 'originality');
    expect(copy).toMatchObject({ rule: 'originality.near-copy', severity: 'error', sourceId: 'competitor-42' });
    expect(copy?.similarity).toBeGreaterThan(0.8);
  });

  it('respects the workspace dictionary', async () => {
    const text = 'Meet Lumibox, our smallest lamp yet.';
    expect((await check(deps, { text })).findings.some((f) => f.text === 'Lumibox')).toBe(true);
    expect((await check(deps, { text, dictionary: ['Lumibox'] })).findings.some((f) => f.text === 'Lumibox')).toBe(false);
  });
});

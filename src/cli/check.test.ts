import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../test/cli-harness.js';

const hearth = runCli;

describe('hearth check (the CLI contract)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-check-'));
  const file = (name: string, content: string): string => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };

  it('prints exactly one JSON object and exits 1 on a block', async () => {
    const result = await hearth('check', file('typo.txt', 'We have recieved your message.\n'), '--lang', 'en', '--json');
    expect(result.code).toBe(1);
    const parsed = JSON.parse(result.out) as { verdict: string; score: number; findings: Record<string, unknown>[] };
    expect(Object.keys(parsed)).toEqual(['verdict', 'score', 'findings']);
    expect(parsed.verdict).toBe('block');
    expect(Object.keys(parsed.findings[0]!)).toEqual(['rule', 'category', 'severity', 'start', 'end', 'text', 'message', 'suggestions']);
  }, 30_000);

  it('exits 0 on pass and on warn', async () => {
    const pass = await hearth('check', file('ok.txt', 'Our workshop opens its doors to visitors next weekend.'), '--lang', 'en', '--network', 'bluesky');
    expect(pass.code).toBe(0);
    expect(pass.out).toMatch(/^PASS/m);
    const warn = await hearth('check', file('claim.txt', 'We are the cheapest lamp maker in Europe.'), '--lang', 'en', '--json');
    expect(JSON.parse(warn.out)).toMatchObject({ verdict: 'warn' });
    expect(warn.code).toBe(0);
  }, 30_000);

  it('reports originality against a corpus with the source id and similarity', async () => {
    const corpus = file('corpus.jsonl', `${JSON.stringify({ id: 'c-1', text: 'Our new autumn collection of handmade ceramic lamps brings warm light to every corner of your home' })}\n`);
    const copy = file('copy.txt', 'Our NEW autumn collection of handmade ceramic lamps brings warm light to every corner of your home!');
    const result = await hearth('check', copy, '--lang', 'en', '--against', corpus, '--json');
    const parsed = JSON.parse(result.out) as { findings: { rule: string; sourceId?: string; similarity?: number }[] };
    expect(parsed.findings.find((f) => f.rule.startsWith('originality.'))).toMatchObject({ sourceId: 'c-1' });
  }, 30_000);

  it('exits 2 with a message on usage errors', async () => {
    const text = file('t.txt', 'Hello there, friends.');
    for (const args of [
      ['--network', 'myspace'],
      ['--lang', 'de'],
      ['--publish-at', 'next tuesday'],
      ['--voice', file('bad-voice.json', '{"emoji": "lots"}')],
      ['--facts', file('bad-facts.json', 'not json')],
      ['--unknown-flag'],
    ]) {
      const result = await hearth('check', text, ...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.err.length, args.join(' ')).toBeGreaterThan(0);
    }
    expect((await hearth('check', join(dir, 'missing.txt'))).code).toBe(2);
  }, 30_000);
});

import { PassThrough, Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAnalyzer, type Analyzer } from '../analysis/analyzer.js';
import { analyzeJsonl } from './commands/analyze.js';
import { formatAnalysis } from './format-analysis.js';

describe('hearth analyze', () => {
  let analyzer: Analyzer;
  beforeAll(async () => {
    analyzer = await createAnalyzer();
  });

  it('writes one JSON object per input line, in order, with the documented fields', async () => {
    const input = Readable.from(
      [
        JSON.stringify({ id: 'x1', text: 'Where can I buy the new lamp? Love it! #design @maisonlumiere' }),
        'not json',
        '',
        JSON.stringify({ id: 2, body: 'no text field' }),
        JSON.stringify({ id: 'x3', text: 'Service client nul, je suis très déçu.' }),
      ].join('\n'),
    );
    const output = new PassThrough();
    let written = '';
    output.on('data', (chunk: Buffer) => (written += chunk.toString()));
    const reports: string[] = [];
    const result = await analyzeJsonl(analyzer, input, output, { named: {}, report: (m) => reports.push(m) });

    expect(result).toEqual({ analysed: 2, skipped: 2 });
    expect(reports).toEqual(['line 2: not valid JSON, skipped', 'line 4: expected an object with a "text" string, skipped']);
    const lines = written.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.id)).toEqual(['x1', 'x3']);
    expect(Object.keys(lines[0]!).slice(0, 11)).toEqual([
      'id',
      'language',
      'languageConfidence',
      'sentiment',
      'offensive',
      'spam',
      'intents',
      'keywords',
      'hashtags',
      'mentions',
      'urls',
    ]);
    expect(lines[0]).toMatchObject({ language: 'en', hashtags: ['design'], mentions: ['maisonlumiere'] });
    expect(lines[1]).toMatchObject({ language: 'fr', sentiment: { label: 'negative' } });
  });

  it('prints a readable summary', () => {
    const summary = formatAnalysis(analyzer.analyze('Thank you so much, the support team was amazing!'));
    expect(summary).toMatch(/^Language\s+en/m);
    expect(summary).toMatch(/^Sentiment\s+positive/m);
  });
});

import { describe, expect, it } from 'vitest';
import { buildPrefilter, fts5String, tsQueryLexeme, type StructuredFilter } from './fts.js';
import { parseQueryOrThrow } from './parser.js';

const prefilter = (query: string): ReturnType<typeof buildPrefilter> => buildPrefilter(query);

describe('buildPrefilter: FTS5 and tsquery text', () => {
  it.each<[string, string | null, string | null]>([
    ['équipe', '"equipe"', "'equipe'"],
    ['ÉQUIPE de', '("equipe") AND ("de")', "('equipe') & ('de')"],
    ['"l\'équipe de France"', '"l" + "equipe" + "de" + "france"', "'l' <-> 'equipe' <-> 'de' <-> 'france'"],
    ['sustainab*', '"sustainab"*', "'sustainab':*"],
    ['"sustainab* fashion"', '"sustainab"* + "fashion"', "'sustainab':* <-> 'fashion'"],
    ['acme OR zenith', '("acme") OR ("zenith")', "('acme') | ('zenith')"],
    [
      'acme -job -"job offer"',
      '("acme") NOT (("job") OR ("job" + "offer"))',
      "('acme') & !('job') & !('job' <-> 'offer')",
    ],
    ['"free shipping"~3', 'NEAR("free" "shipping", 3)', "('free') & ('shipping')"],
    [
      '(acme OR zenith) NEAR/2 refund*',
      '(NEAR("acme" "refund"*, 2)) OR (NEAR("zenith" "refund"*, 2))',
      "(('acme') | ('zenith')) & ('refund':*)",
    ],
    [
      '#ÉquipeDeFrance @acme@mastodon.social',
      '("equipedefrance") AND ("acme" + "mastodon" + "social")',
      "('equipedefrance') & ('acme' <-> 'mastodon' <-> 'social')",
    ],
    // What FTS cannot narrow: every item is a candidate, the evaluator decides.
    ['lang:fr sentiment:negative', null, null],
    ['lang:fr -spam', null, null],
    ['acme OR lang:fr', null, null],
    ['acme OR (zenith -job)', '("acme") OR (("zenith") NOT ("job"))', "('acme') | (('zenith') & !('job'))"],
    // A NOT around what FTS only approximates is dropped, never turned into a wrong exclusion.
    ['acme -#jobs', '"acme"', "'acme'"],
    ['acme -"job offer"~2', '"acme"', "'acme'"],
    ['acme NOT (job OR lang:en)', '"acme"', "'acme'"],
  ])('%s', (query, fts5, tsquery) => {
    const result = prefilter(query);
    expect(result.fts5).toBe(fts5);
    expect(result.tsquery).toBe(tsquery);
  });

  it('falls back from NEAR expansion to AND past the combination limit', () => {
    const many = '(a1 OR a2 OR a3 OR a4 OR a5 OR a6) NEAR/3 (b1 OR b2 OR b3 OR b4 OR b5 OR b6)';
    expect(prefilter(many).fts5).toBe(
      '(("a1") OR ("a2") OR ("a3") OR ("a4") OR ("a5") OR ("a6")) AND (("b1") OR ("b2") OR ("b3") OR ("b4") OR ("b5") OR ("b6"))',
    );
  });

  it('scopes the FTS5 expression to a column when asked, and refuses a column name that is not one', () => {
    expect(buildPrefilter('acme', { fts5Column: 'search_text' }).fts5).toBe('{search_text} : ("acme")');
    expect(() => buildPrefilter('acme', { fts5Column: 'x} : "y' })).toThrow('Invalid FTS5 column name');
  });
});

describe('buildPrefilter: structured filters', () => {
  it.each<[string, StructuredFilter[]]>([
    ['acme', []],
    [
      'acme lang:fr|en network:bluesky sentiment:negative author:@Acme_FR intent:complaint',
      [
        { field: 'language', values: ['fr', 'en'], negated: false },
        { field: 'network', values: ['bluesky'], negated: false },
        { field: 'sentiment', values: ['negative'], negated: false },
        { field: 'authorHandle', values: ['acme_fr'], negated: false },
        { field: 'intents', values: ['complaint'], negated: false },
      ],
    ],
    ['acme (lang:fr OR lang:de)', [{ field: 'language', values: ['fr', 'de'], negated: false }]],
    [
      'acme -network:rss -sentiment:positive',
      [
        { field: 'network', values: ['rss'], negated: true },
        { field: 'sentiment', values: ['positive'], negated: true },
      ],
    ],
    [
      'acme followers:>1000 -followers:>50k',
      [
        { field: 'authorFollowers', min: 1001, max: null, negated: false },
        { field: 'authorFollowers', min: 50001, max: null, negated: true },
      ],
    ],
    ['acme followers:>1000', [{ field: 'authorFollowers', min: 1001, max: null, negated: false }]],
    ['acme -followers:10..100', [{ field: 'authorFollowers', min: 10, max: 100, negated: true }]],
    ['acme has:link', [{ field: 'hasLink', value: true }]],
    ['acme has:link|image', []],
    [
      'acme -has:link|image',
      [
        { field: 'hasLink', value: false },
        { field: 'hasImage', value: false },
      ],
    ],
    // Only what every match must meet: a filter inside an OR with text is not required.
    ['acme OR lang:fr', []],
    ['(acme lang:fr) OR (zenith lang:en)', []],
    ['acme (lang:fr OR network:rss)', []],
  ])('%s', (query, filters) => {
    expect(buildPrefilter(parseQueryOrThrow(query)).filters).toEqual(filters);
  });
});

describe('escaping', () => {
  const hostile = [
    '"a" OR 1=1 --',
    'NEAR(',
    '*',
    '"',
    "'",
    '\\',
    '(',
    ')',
    '{col}:x',
    "'; DROP TABLE items; --",
    'a\0b',
    ':*',
    '!&|<->',
  ];

  it('FTS5 strings: quotes doubled, NUL dropped, always one string literal', () => {
    expect(fts5String('"a" OR 1=1 --')).toBe('"""a"" OR 1=1 --"');
    expect(fts5String('a\0b')).toBe('"ab"');
    for (const text of hostile) {
      const literal = fts5String(text);
      expect(literal.startsWith('"') && literal.endsWith('"')).toBe(true);
      // Inside, every quote is doubled: no quote can close the literal early.
      expect(literal.slice(1, -1).replace(/""/g, '')).not.toContain('"');
    }
  });

  it('tsquery lexemes: quotes doubled, backslashes escaped, NUL dropped', () => {
    expect(tsQueryLexeme("it's")).toBe("'it''s'");
    expect(tsQueryLexeme('a\\')).toBe("'a\\\\'");
    expect(tsQueryLexeme('a\0b')).toBe("'ab'");
    for (const text of hostile) {
      const literal = tsQueryLexeme(text);
      expect(literal.slice(1, -1).replace(/''/g, '').replace(/\\\\/g, '')).not.toMatch(/['\\]/);
    }
  });
});

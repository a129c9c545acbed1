import { describe, expect, it } from 'vitest';
import type { QueryNode } from './ast.js';
import { QuerySyntaxError, type QueryErrorKind } from './errors.js';
import { QUERY_LIMITS } from './limits.js';
import { parseQuery, parseQueryOrThrow } from './parser.js';

/** A compact S-expression of the tree, to assert shapes at a glance. */
function shape(node: QueryNode): string {
  switch (node.type) {
    case 'and':
    case 'or':
      return `(${node.type} ${node.children.map(shape).join(' ')})`;
    case 'not':
      return `(not ${shape(node.child)})`;
    case 'word':
      return node.word.text + (node.word.prefix ? '*' : '');
    case 'phrase':
      return `"${node.words.map((w) => w.text + (w.prefix ? '*' : '')).join(' ')}"`;
    case 'hashtag':
      return `#${node.words.join('_')}`;
    case 'mention':
      return `@${node.handle}`;
    case 'near':
      return `(near/${node.distance} ${node.operands
        .map((o) => (o.type === 'alternatives' ? `(any ${o.terms.map(shape).join(' ')})` : shape(o)))
        .join(' ')})`;
    case 'field':
      return `${node.filter.field}:${
        node.filter.field === 'followers'
          ? `${node.filter.min ?? ''}..${node.filter.max ?? ''}`
          : node.filter.values.join('|')
      }`;
  }
}

const parsed = (query: string): string => shape(parseQueryOrThrow(query).root);

function failure(query: string): { kind: QueryErrorKind; position: number; message: string } {
  const outcome = parseQuery(query);
  if (outcome.ok) {
    throw new Error(`Expected "${query}" to fail`);
  }
  return { kind: outcome.error.kind, position: outcome.error.position, message: outcome.error.message };
}

describe('parseQuery: precedence and structure', () => {
  it('ANDs adjacent terms, and AND binds tighter than OR', () => {
    expect(parsed('acme shoes')).toBe('(and acme shoes)');
    expect(parsed('acme OR zenith shoes')).toBe('(or acme (and zenith shoes))');
    expect(parsed('acme AND shoes OR zenith')).toBe('(or (and acme shoes) zenith)');
    expect(parsed('(acme OR zenith) shoes')).toBe('(and (or acme zenith) shoes)');
  });

  it('NOT and "-" bind tighter than AND', () => {
    expect(parsed('acme NOT job')).toBe('(and acme (not job))');
    expect(parsed('acme -job -"job offer"')).toBe('(and acme (not job) (not "job offer"))');
    expect(parsed('acme AND NOT (job OR hiring)')).toBe('(and acme (not (or job hiring)))');
    expect(parsed('-job acme')).toBe('(and (not job) acme)');
  });

  it('NEAR binds tightest, and takes words, phrases or OR groups of them', () => {
    expect(parsed('acme NEAR/5 refund')).toBe('(near/5 acme refund)');
    expect(parsed('acme near/3 refund OR zenith')).toBe('(or (near/3 acme refund) zenith)');
    expect(parsed('zenith NOT acme NEAR/2 "free shipping"')).toBe(
      '(and zenith (not (near/2 acme "free shipping")))',
    );
    expect(parsed('(acme OR zenith) NEAR/4 (refund OR "money back")')).toBe(
      '(near/4 (any acme zenith) (any refund "money back"))',
    );
  });

  it('reads "a b"~N as proximity of its words, any order', () => {
    expect(parsed('"acme refund"~5')).toBe('(near/5 acme refund)');
    expect(parsed('"l\'équipe gagne"~3')).toBe('(near/3 "l equipe" gagne)');
  });

  it('lower-case and, or, not are words; AND, OR, NOT are operators', () => {
    expect(parsed('rock and roll')).toBe('(and rock and roll)');
    expect(parsed('"to be or not to be"')).toBe('"to be or not to be"');
  });

  it('folds words, splits elisions and hyphens into phrases, keeps trailing wildcards', () => {
    expect(parsed('ÉQUIPE')).toBe('equipe');
    expect(parsed("l'équipe")).toBe('"l equipe"');
    expect(parsed('e-mail')).toBe('"e mail"');
    expect(parsed('sustainab*')).toBe('sustainab*');
    expect(parsed('"sustainab* fashion"')).toBe('"sustainab* fashion"');
    expect(parsed('“mode durable”')).toBe('"mode durable"');
    expect(parsed('«mode durable»')).toBe('"mode durable"');
  });

  it('reads hashtags, mentions and every field', () => {
    expect(parsed('#ÉquipeDeFrance @Acme_Support @user@mastodon.social')).toBe(
      '(and #equipedefrance @acme_support @user@mastodon.social)',
    );
    expect(parsed('lang:fr language:EN|de network:bluesky sentiment:negative|neutral')).toBe(
      '(and lang:fr lang:en|de network:bluesky sentiment:negative|neutral)',
    );
    expect(parsed('intent:purchase intent:complaint|question author:@Acme has:link|images')).toBe(
      '(and intent:purchase_intent intent:complaint|question author:acme has:link|image)',
    );
    expect(
      parsed('followers:>1000 followers:>=10k followers:<500 followers:<=2 followers:=7 followers:100..1.5k'),
    ).toBe(
      '(and followers:1001.. followers:10000.. followers:..499 followers:..2 followers:7..7 followers:100..1500)',
    );
  });

  it('allows a query made of filters only, but not one that only excludes', () => {
    expect(parsed('lang:fr sentiment:negative')).toBe('(and lang:fr sentiment:negative)');
    expect(parsed('lang:fr -spam')).toBe('(and lang:fr (not spam))');
    expect(parsed('NOT NOT acme')).toBe('(not (not acme))');
    expect(parsed('NOT (-acme OR -zenith)')).toBe('(not (or (not acme) (not zenith)))');
  });

  it('keeps spans of nodes in the query text', () => {
    const { root } = parseQueryOrThrow('acme  NEAR/3 (refund OR "money back")');
    expect(root.span).toEqual({ start: 0, end: 37 });
    expect(root.type === 'near' && root.operands[1]?.span).toEqual({ start: 13, end: 37 });
  });
});

describe('parseQuery: errors point at the problem', () => {
  it.each<[string, QueryErrorKind, number, string]>([
    ['', 'empty', 0, 'The query is empty'],
    ['   ', 'empty', 0, 'The query is empty'],
    ['acme "free shipping', 'unclosed_quote', 5, 'Unclosed quote at 5'],
    ['acme OR zenith AND', 'term_expected_after', 15, 'Expected a term after AND at 15'],
    ['acme OR', 'term_expected_after', 5, 'Expected a term after OR at 5'],
    ['acme AND OR zenith', 'term_expected_after', 5, 'Expected a term after AND at 5'],
    ['OR acme', 'term_expected_before', 0, 'Expected a term before OR at 0'],
    ['(AND acme)', 'term_expected_before', 1, 'Expected a term before AND at 1'],
    ['acme NOT', 'term_expected_after', 5, 'Expected a term after NOT at 5'],
    ['lan:fr acme', 'unknown_field', 0, "Unknown field 'lan' at 0 — did you mean lang?"],
    ['acme sentimnt:negative', 'unknown_field', 5, "Unknown field 'sentimnt' at 5 — did you mean sentiment?"],
    ['sentiment:negatve', 'bad_value', 10, "Unknown sentiment 'negatve' at 10 — did you mean negative?"],
    ['lang:french', 'bad_value', 5, "Unknown language 'french' at 5 — did you mean fr?"],
    ['acme network:blusky', 'bad_value', 13, "Unknown network 'blusky' at 13 — did you mean bluesky?"],
    ['has:video', 'bad_value', 4, "Unknown has 'video' at 4 (expected link, image, mention or hashtag)"],
    ['lang:', 'missing_value', 5, "Expected a value after 'lang:' at 5"],
    ['lang:fr|', 'missing_value', 8, "Expected a value after 'lang:' at 8"],
    [
      'followers:>lots',
      'bad_value',
      11,
      "Unknown number of followers 'lots' at 11 (expected followers:>1000, followers:<=500 or followers:100..10k)",
    ],
    ['followers:100..5', 'bad_value', 10, "Unknown range of followers '100..5' at 10 — did you mean 5..100?"],
    ['(acme OR zenith', 'unclosed_paren', 0, 'Unclosed parenthesis at 0'],
    ['acme) zenith', 'unexpected_paren', 4, "Unexpected ')' at 4: no '(' to close"],
    ['acme ()', 'empty_parens', 5, 'Empty parentheses at 5'],
    ['acme ""', 'empty_quotes', 5, 'Empty quotes at 5'],
    ['acme !!!', 'no_words', 5, "'!!!' at 5 has no letters or digits to search for"],
    ['acme - zenith', 'no_words', 5, "'-' at 5 has no letters or digits to search for"],
    ['sus*able', 'wildcard_inside', 3, "A wildcard * can only end a word: 'sus*able' at 3"],
    ['*able', 'wildcard_inside', 0, "A wildcard * can only end a word: '*able' at 0"],
    ['ab*', 'wildcard_too_short', 0, "A wildcard needs at least 3 letters before it: 'ab*' at 0"],
    ['#acme*', 'wildcard_not_allowed', 0, "Wildcards do not apply to hashtags or mentions: '#acme*' at 0"],
    ['#123', 'bad_hashtag', 0, "'#123' at 0 is not a hashtag (letters, digits and _ after #)"],
    ['@', 'bad_mention', 0, "'@' at 0 is not a mention (a handle after @)"],
    ['"acme refund"~', 'proximity_distance', 13, 'Expected a distance after ~ at 13, as in "word1 word2"~5'],
    ['"acme"~3', 'proximity_one_word', 0, 'Proximity needs at least two words in the quotes at 0'],
    [
      'acme~3',
      'proximity_needs_quotes',
      0,
      `Proximity applies to a quoted phrase: write "word1 word2"~5 ('acme~3' at 0)`,
    ],
    ['"a b"~500', 'distance_too_large', 5, 'Distance too large at 5 (at most 100 words)'],
    ['acme NEAR refund', 'near_distance', 5, 'NEAR needs a distance at 5, as in NEAR/5'],
    ['acme NEAR/x refund', 'near_distance', 5, 'NEAR needs a distance at 5, as in NEAR/5'],
    [
      'acme NEAR/3 -refund',
      'near_operand',
      12,
      "NEAR links words, phrases, hashtags, mentions or (… OR …) groups of them, not '-' at 12",
    ],
    [
      'acme NEAR/3 lang:fr',
      'near_operand',
      12,
      "NEAR links words, phrases, hashtags, mentions or (… OR …) groups of them, not 'lang:fr' at 12",
    ],
    [
      '(a b) NEAR/3 c',
      'near_operand',
      0,
      "NEAR links words, phrases, hashtags, mentions or (… OR …) groups of them, not '(a b)' at 0",
    ],
    [
      'a NEAR/3 b NEAR/3 c',
      'near_chain',
      11,
      'NEAR links two terms, at 11: for more, write "word1 word2 word3"~5',
    ],
    ['acme NEAR/3', 'term_expected_after', 5, 'Expected a term after NEAR/3 at 5'],
    [
      '-spam',
      'only_excludes',
      0,
      'The part at 0 only excludes, so it matches almost everything: add a word or a filter to look for, with AND',
    ],
    [
      'acme OR NOT spam',
      'only_excludes',
      8,
      'The part at 8 only excludes, so it matches almost everything: add a word or a filter to look for, with AND',
    ],
    [
      '-spam -job',
      'only_excludes',
      0,
      'The part at 0 only excludes, so it matches almost everything: add a word or a filter to look for, with AND',
    ],
  ])('%j → %s at %i', (query, kind, position, message) => {
    expect(failure(query)).toEqual({ kind, position, message });
  });

  it('explains unknown fields with no close match, and hints at quotes', () => {
    expect(failure('https://acme.example').message).toBe(
      "Unknown field 'https' at 0 (fields: lang, network, sentiment, intent, author, has, followers; to search for text with a colon, put it in quotes)",
    );
    expect(parsed('"https://acme.example"')).toBe('"https acme example"');
  });

  it('is a validation_failed AppError with the position and the span to underline', () => {
    expect(() => parseQueryOrThrow('acme AND')).toThrow(QuerySyntaxError);
    const outcome = parseQuery('acme "free');
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.error.code).toBe('validation_failed');
      expect(outcome.error.fields).toEqual([{ path: 'query', message: 'Unclosed quote at 5' }]);
      expect([outcome.error.position, outcome.error.end]).toEqual([5, 6]);
    }
  });
});

describe('parseQuery: limits', () => {
  it('refuses a query longer than 2,000 characters before reading it', () => {
    const error = failure('a '.repeat(1_001));
    expect(error.kind).toBe('too_long');
    expect(error.message).toBe('The query is too long: 2,002 characters, at most 2,000');
    expect(parseQuery('a'.repeat(QUERY_LIMITS.maxWordLength)).ok).toBe(true);
  });

  it('refuses deep nesting at the level that passes the limit', () => {
    const depth = QUERY_LIMITS.maxDepth;
    expect(parseQuery(`${'('.repeat(depth)}acme${')'.repeat(depth)}`).ok).toBe(true);
    expect(failure(`${'('.repeat(depth + 1)}acme${')'.repeat(depth + 1)}`)).toMatchObject({
      kind: 'too_deep',
      position: depth,
    });
    expect(failure(`acme ${'NOT '.repeat(depth + 1)}zenith`).kind).toBe('too_deep');
    expect(failure(`${'('.repeat(1_000)}`).kind).toBe('too_deep');
  });

  it('refuses too many terms, too long words and too long phrases', () => {
    const terms = Array.from({ length: QUERY_LIMITS.maxTerms + 1 }, (_, i) => `w${i}`).join(' ');
    expect(failure(terms)).toMatchObject({
      kind: 'too_many_terms',
      message: 'Too many terms at 640 (at most 150)',
    });
    expect(failure(`acme ${'x'.repeat(QUERY_LIMITS.maxWordLength + 1)}`).kind).toBe('word_too_long');
    expect(failure(`"${'w '.repeat(QUERY_LIMITS.maxPhraseWords + 1)}"`).kind).toBe('too_many_words');
    expect(failure(`lang:${Array.from({ length: 21 }, () => 'fr').join('|')}`).kind).toBe('too_many_values');
  });

  it('never throws anything but a QuerySyntaxError on arbitrary input', () => {
    const alphabet = [
      'a',
      'é',
      ' ',
      '"',
      '(',
      ')',
      '-',
      '*',
      '~',
      '#',
      '@',
      ':',
      '|',
      '.',
      '>',
      '5',
      'AND',
      'OR',
      'NOT',
      'NEAR/2',
      'lang',
      '’',
      '🚀',
      '\0',
      '\\',
      "'",
    ];
    let seed = 42;
    const random = (): number => {
      seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    let parsedCount = 0;
    for (let n = 0; n < 5_000; n++) {
      const length = Math.floor(random() * 25);
      const query = Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      const outcome = parseQuery(query);
      if (outcome.ok) {
        parsedCount++;
      } else {
        expect(outcome.error.position).toBeGreaterThanOrEqual(0);
        expect(outcome.error.position).toBeLessThanOrEqual(query.length);
      }
    }
    expect(parsedCount).toBeGreaterThan(100);
  });
});

import { describe, expect, it } from 'vitest';
import { describeQuery } from './describe.js';
import { ENGLISH, type QueryMessages } from './messages.js';
import { parseQueryOrThrow } from './parser.js';

const described = (query: string, messages?: QueryMessages): string =>
  describeQuery(parseQueryOrThrow(query), messages);

describe('describeQuery', () => {
  it.each([
    ['équipe', 'Matches “équipe”.'],
    ['Acme -job', 'Matches “Acme” and not “job”.'],
    [
      '(acme OR zenith) -"job offer" lang:fr',
      'Matches (“acme” or “zenith”) and not the phrase “job offer” and in French.',
    ],
    [
      'sustainab* OR "mode durable"',
      'Matches a word starting with “sustainab” or the phrase “mode durable”.',
    ],
    [
      'acme NEAR/5 (refund OR remboursement)',
      'Matches “acme” within 5 words of (“refund” or “remboursement”).',
    ],
    ['"free fast shipping"~3', 'Matches “free”, “fast” and “shipping” within 3 words of each other.'],
    ['#ÉquipeDeFrance OR @acme_fr', 'Matches the hashtag #ÉquipeDeFrance or a mention of @acme_fr.'],
    [
      'acme network:bluesky|mastodon sentiment:negative intent:complaint|purchase',
      'Matches “acme” and from Bluesky or Mastodon and with a negative sentiment and expressing complaint or purchase intent.',
    ],
    ['acme -lang:en -has:link', 'Matches “acme” and not in English and without a link.'],
    ['acme followers:>1000', 'Matches “acme” and by an author with more than 1,000 followers.'],
    ['acme followers:100..10k', 'Matches “acme” and by an author with between 100 and 10,000 followers.'],
    [
      'acme followers:<50 author:@Acme_FR',
      'Matches “acme” and by an author with fewer than 50 followers and written by @acme_fr.',
    ],
    ['acme OR (zenith -job)', 'Matches “acme” or (“zenith” and not “job”).'],
  ])('%s', (query, text) => {
    expect(described(query)).toBe(text);
  });

  it('takes its words from a messages object, for other languages', () => {
    const french: QueryMessages = {
      ...ENGLISH,
      describe: {
        ...ENGLISH.describe,
        sentence: (body) => `Trouve ${body}.`,
        and: (parts) => parts.join(' et '),
        not: (part) => `pas ${part}`,
        word: (word) => `« ${word} »`,
        lang: (names) => `en ${names.join(' ou ')}`,
        languageName: (code) => (code === 'fr' ? 'français' : code),
      },
    };
    expect(described('acme -emploi lang:fr', french)).toBe(
      'Trouve « acme » et pas « emploi » et en français.',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { compileQuery } from './evaluate.js';
import { SENTENCES } from './fixtures/sentences.js';
import { PreparedItem, type MatchableItem } from './item.js';

function buildItem(text: string, overrides: Partial<MatchableItem> = {}): MatchableItem {
  return {
    text,
    language: 'en',
    author: { handle: 'someone.bsky.social', followers: 250 },
    network: 'bluesky',
    sentiment: 'neutral',
    intents: [],
    hasLink: false,
    hasImage: false,
    ...overrides,
  };
}

const matches = (query: string, text: string, overrides?: Partial<MatchableItem>): boolean =>
  compileQuery(query).test(buildItem(text, overrides));

/** The highlighted pieces of the text, for readable assertions. */
function highlighted(query: string, text: string): string[] {
  const result = compileQuery(query).match(buildItem(text));
  return result.highlights.map((span) => text.slice(span.start, span.end));
}

describe('compileQuery: words, case, accents, elisions', () => {
  it('matches whatever the case and accents, both ways', () => {
    expect(matches('équipe', "L'ÉQUIPE du magasin de Lyon est adorable")).toBe(true);
    expect(matches('equipe', 'Les équipes et une équipe')).toBe(true);
    expect(matches('ÉQUIPE', 'e\u0301quipe écrite avec un accent décomposé')).toBe(true);
    expect(matches('coeur', 'Straße, cœur, œuvre')).toBe(true);
    expect(matches('strasse', 'Straße, cœur, œuvre')).toBe(true);
    expect(matches('equipe', 'Les équipes sont là')).toBe(false);
  });

  it('finds a word after a French elision, and the elided phrase as written', () => {
    const text = "Bravo à l'équipe de France, quel match !";
    expect(matches('équipe', text)).toBe(true);
    expect(matches("l'équipe", text)).toBe(true);
    expect(matches('"équipe de France"', text)).toBe(true);
    expect(matches('"l\'équipe de France"', 'Bravo à l’Équipe de France')).toBe(true);
    expect(matches('aujourd’hui', "Qu'est-ce qu'il fait beau aujourd'hui")).toBe(true);
  });

  it('needs whole words: no match inside a longer word', () => {
    expect(matches('ship', 'Free shipping on all orders')).toBe(false);
    expect(matches('acme', 'Acme™ and 𝐀𝐜𝐦𝐞 and Ａｃｍｅ')).toBe(true);
  });
});

describe('compileQuery: wildcards, phrases, proximity', () => {
  it('matches a trailing wildcard on any word with that beginning, accents folded', () => {
    expect(matches('sustainab*', 'Our sustainability report is out')).toBe(true);
    expect(matches('sustainab*', 'Sustainable fashion week')).toBe(true);
    expect(matches('sustainab*', 'We sustain it')).toBe(false);
    expect(matches('livr*', 'Est-ce que vous livrez en Belgique ?')).toBe(true);
    expect(matches('dévelop*', 'Developpement durable')).toBe(true);
  });

  it('matches a phrase only in order and adjacent, across punctuation and spacing', () => {
    expect(matches('"free shipping"', 'Free shipping on all orders this weekend only')).toBe(true);
    expect(matches('"free shipping"', 'Shipping was free but the box arrived crushed')).toBe(false);
    expect(matches('"customer service"', 'customer   service    was   quick')).toBe(true);
    expect(matches('"service client"', 'Le service-client ne répond jamais')).toBe(true);
    expect(matches('"sustainab* fashion"', 'Sustainable fashion week starts Monday')).toBe(true);
    expect(matches('"sustainab* fashion"', 'fashion is sustainable')).toBe(false);
  });

  const crushed = 'Shipping was free but the box arrived completely crushed';
  it('proximity "a b"~N: any order, at most N words between', () => {
    expect(matches('"free shipping"~1', crushed)).toBe(true);
    expect(matches('"free shipping"~0', crushed)).toBe(false);
    expect(matches('"free crushed"~5', crushed)).toBe(true);
    expect(matches('"free crushed"~4', crushed)).toBe(false);
    // Three words: the window from the first to the last holds at most N other words.
    expect(matches('"shipping box crushed"~7', crushed)).toBe(true);
    expect(matches('"shipping box crushed"~6', crushed)).toBe(false);
  });

  it('proximity NEAR/N: the same, with phrases and OR groups as operands', () => {
    const colis = 'La livraison était gratuite mais le colis est arrivé complètement écrasé';
    expect(matches('colis NEAR/3 écrasé', colis)).toBe(true);
    expect(matches('colis NEAR/2 écrasé', colis)).toBe(false);
    expect(matches('écrasé NEAR/3 colis', colis)).toBe(true);
    expect(matches('(colis OR paquet) NEAR/3 (cassé OR écrasé)', colis)).toBe(true);
    expect(matches('"livraison était" NEAR/0 gratuite', colis)).toBe(true);
    expect(matches('livr* NEAR/1 gratuit*', colis)).toBe(true);
  });

  it('needs two occurrences when both sides of NEAR name the same word', () => {
    expect(matches('acme NEAR/3 acme', 'Acme is great')).toBe(false);
    expect(matches('acme NEAR/3 acme', 'Acme, oh Acme')).toBe(true);
    expect(matches('(acme OR zenith) NEAR/2 (zenith OR orbit)', 'Zenith shoes')).toBe(false);
    expect(matches('(acme OR zenith) NEAR/2 (zenith OR orbit)', 'Zenith vs Acme')).toBe(true);
  });
});

describe('compileQuery: boolean logic', () => {
  it('AND, OR, NOT and "-" with their precedence', () => {
    const job = 'Acme job offer: customer support agent, remote';
    const store = 'Loving the new store layout @acme';
    expect(matches('acme -job', job)).toBe(false);
    expect(matches('acme -job', 'Acme customer service is the worst')).toBe(true);
    expect(matches('acme NOT (job OR hiring)', job)).toBe(false);
    expect(matches('store OR acme job', store)).toBe(true);
    expect(matches('(store OR acme) job', store)).toBe(false);
    expect(matches('acme AND NOT "job offer"', 'Acme is hiring, job fair on Monday')).toBe(true);
    expect(matches('zenith NOT acme NEAR/2 price', 'Zenith price up, Acme price down')).toBe(false);
    expect(
      matches('zenith NOT acme NEAR/2 price', 'Zenith price up, and for Acme nothing changed in its price'),
    ).toBe(true);
  });
});

describe('compileQuery: hashtags and mentions', () => {
  it('matches a hashtag by its folded tag, never a plain word', () => {
    expect(matches('#equipedefrance', "Bravo à l'équipe ! #ÉquipeDeFrance")).toBe(true);
    expect(matches('#lumiere', '#LUMIÈRE tonight')).toBe(true);
    expect(matches('#running', 'I love running')).toBe(false);
    expect(matches('#running', 'New shoes #running #Acme')).toBe(true);
    expect(matches('running', 'New shoes #running')).toBe(true);
  });

  it('matches a mention by handle; a bare handle also names its Mastodon accounts', () => {
    expect(matches('@acme', 'Staff were super helpful @acme')).toBe(true);
    expect(matches('@acme', 'Please reply @acme_support')).toBe(false);
    expect(matches('@ACME_support', 'Please reply @acme_support')).toBe(true);
    expect(matches('@acme', 'cc @acme@mastodon.social')).toBe(true);
    expect(matches('@acme@other.social', 'cc @acme@mastodon.social')).toBe(false);
    expect(matches('@acme', 'write to contact@acme.example')).toBe(false);
  });
});

describe('compileQuery: field filters', () => {
  const text = 'Acme refund never came';
  it('lang, network, sentiment, intent, author', () => {
    expect(matches('acme lang:fr', text, { language: 'fr' })).toBe(true);
    expect(matches('acme lang:fr', text, { language: 'en' })).toBe(false);
    expect(matches('acme lang:fr|en', text, { language: 'en' })).toBe(true);
    expect(matches('acme network:mastodon', text)).toBe(false);
    expect(matches('acme -network:mastodon', text)).toBe(true);
    expect(matches('acme sentiment:negative', text, { sentiment: 'negative' })).toBe(true);
    expect(matches('acme sentiment:negative', text, { sentiment: null })).toBe(false);
    expect(matches('acme -sentiment:negative', text, { sentiment: null })).toBe(true);
    expect(matches('acme intent:complaint', text, { intents: ['question', 'complaint'] })).toBe(true);
    expect(matches('acme intent:purchase', text, { intents: ['complaint'] })).toBe(false);
    expect(matches('acme author:@Someone.bsky.social', text)).toBe(true);
    expect(matches('acme author:other', text)).toBe(false);
  });

  it('has: link, image, mention, hashtag', () => {
    expect(matches('acme has:link', text, { hasLink: true })).toBe(true);
    expect(matches('acme has:image', text)).toBe(false);
    expect(matches('acme has:link|image', text, { hasImage: true })).toBe(true);
    expect(matches('acme has:mention', 'Acme @zenith')).toBe(true);
    expect(matches('acme has:hashtag', 'Acme @zenith')).toBe(false);
    expect(matches('acme -has:hashtag', 'Acme @zenith')).toBe(true);
  });

  it('followers: comparisons and ranges; unknown followers pass no bound', () => {
    const withFollowers = (followers: number | null): Partial<MatchableItem> => ({
      author: { handle: 'a', followers },
    });
    expect(matches('acme followers:>1000', text, withFollowers(1001))).toBe(true);
    expect(matches('acme followers:>1000', text, withFollowers(1000))).toBe(false);
    expect(matches('acme followers:>=1k', text, withFollowers(1000))).toBe(true);
    expect(matches('acme followers:<100', text, withFollowers(99))).toBe(true);
    expect(matches('acme followers:100..1000', text, withFollowers(1000))).toBe(true);
    expect(matches('acme followers:100..1000', text, withFollowers(1001))).toBe(false);
    expect(matches('acme followers:>10', text, withFollowers(null))).toBe(false);
    expect(matches('acme -followers:>10', text, withFollowers(null))).toBe(true);
  });

  it('a query of filters alone matches on metadata', () => {
    expect(
      matches('lang:fr sentiment:negative', 'Rien reçu', { language: 'fr', sentiment: 'negative' }),
    ).toBe(true);
  });
});

describe('compileQuery: why it matched', () => {
  it('highlights the decisive terms where they occur, in the original text', () => {
    expect(highlighted('(équipe OR team*) -défaite', "Bravo à l'ÉQUIPE et aux teams !")).toEqual([
      'ÉQUIPE',
      'teams',
    ]);
    expect(highlighted('"free shipping"~2', 'Shipping was free, and shipping again')).toEqual([
      'Shipping',
      'free',
      'shipping',
    ]);
    expect(highlighted('#lumiere OR @acme', '#Lumière et @acme')).toEqual(['#Lumière', '@acme']);
    expect(highlighted('"l\'équipe de France"', 'Vive l’Équipe de France !')).toEqual(['l’Équipe de France']);
  });

  it('reports every term and filter with where it is in the query', () => {
    const query = 'acme (refund OR remboursement) -job lang:fr';
    const text = 'Acme : remboursement refusé';
    const result = compileQuery(query).match(buildItem(text, { language: 'fr' }));
    expect(result.matched).toBe(true);
    expect(
      result.terms.map(({ query: q, found, negated, decisive }) => ({ q, found, negated, decisive })),
    ).toEqual([
      { q: 'acme', found: true, negated: false, decisive: true },
      { q: 'refund', found: false, negated: false, decisive: false },
      { q: 'remboursement', found: true, negated: false, decisive: true },
      { q: 'job', found: false, negated: true, decisive: true },
    ]);
    expect(result.terms[2]?.querySpan).toEqual({ start: 16, end: 29 });
    expect(result.filters).toEqual([
      {
        query: 'lang:fr',
        querySpan: { start: 36, end: 43 },
        field: 'lang',
        negated: false,
        passed: true,
        actual: 'fr',
        decisive: true,
      },
    ]);
  });

  it('on a miss, says what stopped it: an excluded term found, a filter failed', () => {
    const result = compileQuery('acme -job lang:fr').match(
      buildItem('Acme job offer, apply now', { language: 'en' }),
    );
    expect(result.matched).toBe(false);
    expect(result.terms.filter((t) => t.decisive).map((t) => t.query)).toEqual(['job']);
    expect(result.filters.map((f) => [f.query, f.passed, f.decisive, f.actual])).toEqual([
      ['lang:fr', false, true, 'en'],
    ]);
    expect(result.highlights).toEqual([{ start: 5, end: 8 }]);
  });

  it('gives the occurrences that satisfy a NEAR', () => {
    const text = 'Acme is far from here. Much later, the refund: Acme refund issues';
    const result = compileQuery('acme NEAR/1 refund').match(buildItem(text));
    expect(result.highlights.map((s) => text.slice(s.start, s.end))).toEqual(['refund', 'Acme', 'refund']);
  });
});

describe('compileQuery: consistency and reuse', () => {
  const queries = [
    'acme',
    'acme -job',
    'équipe OR equipe*',
    '"free shipping"~3',
    '(acme OR zenith) NEAR/4 (price OR prix)',
    '#emploi OR #jobs',
    '@acme OR @acme_fr',
    'livraison NEAR/2 gratuite',
    'sustainab* OR durable',
    '"service client" OR "customer service"',
  ];

  it('test() and match().matched agree on every sentence', () => {
    for (const query of queries) {
      const compiled = compileQuery(query);
      for (const text of SENTENCES) {
        const item = buildItem(text);
        expect(compiled.match(item).matched, `${query} on ${text}`).toBe(compiled.test(item));
      }
    }
  });

  it('a prepared item serves several queries with one tokenisation', () => {
    const prepared = new PreparedItem(buildItem('Free shipping on all Acme orders, livraison gratuite'));
    const results = queries.map((query) => compileQuery(query).test(prepared));
    expect(results).toEqual([true, true, false, true, false, false, false, true, false, false]);
  });
});

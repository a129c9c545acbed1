/**
 * What the originality check must not call a copy (texts sharing only boilerplate: stock phrases,
 * scattered function words, handles, links, tags) and what it must still catch (edited copies), in
 * English and French. Every text here was written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { createOriginalityIndex, type OriginalityIndex } from './index.js';

const TAGS = '#ShopLocal #SmallBusiness #SupportLocal #Bakery #Sourdough #FreshBread #Foodie #Yum';

const SOURCES = [
  {
    id: 'comp-thanks',
    text: 'Thank you so much for all the love and support this year, we could not have done it without every one of you!',
  },
  { id: 'comp-follow', text: 'Thank you so much for the follow, we really appreciate it!' },
  {
    id: 'comp-merci',
    text: 'Un grand merci à toutes et à tous pour votre soutien, on se retrouve en janvier pour de nouvelles aventures !',
  },
  { id: 'feed-plans', text: "Who's down to go to the farmers market with me tomorrow?" },
  {
    id: 'feed-obsessed',
    text: 'Hi, my name is Sam and I may or may not be obsessed with vintage typewriters and the smell of old ink.',
  },
  {
    id: 'comp-bread',
    text: `@harbourbakery Fresh sourdough is out of the oven now, come early before it sells out! https://example.com/bread ${TAGS}`,
  },
  {
    id: 'comp-lantern',
    text: 'Our new solar lantern charges in four hours and lights a whole campsite for two nights, even in the rain.',
  },
  {
    id: 'comp-lampe',
    text: 'Notre nouvelle lampe solaire se recharge en quatre heures et éclaire tout un camping pendant deux nuits, même sous la pluie.',
  },
  {
    id: 'feed-marche',
    text: 'Le marché couvert de Bayonne rouvre ses portes samedi matin après six mois de travaux sur la charpente.',
  },
] as const;

function build(): OriginalityIndex {
  const index = createOriginalityIndex();
  for (const source of SOURCES) {
    index.add({ ...source, kind: source.id.startsWith('comp-') ? 'competitor' : 'ingested' });
  }
  return index;
}

describe('originality: boilerplate is not a copy', () => {
  const index = build();

  it.each([
    [
      'an English stock phrase',
      'Thank you so much for all the love and support at the spring plant fair, see you at the harvest market in June!',
    ],
    [
      'a French stock phrase',
      'Un grand merci à toutes et à tous pour votre soutien lors du marché de Noël, les bénéfices iront à la banque alimentaire.',
    ],
    ['the same short stock text', 'Thank you so much for the follow! We really appreciate it.'],
    [
      'scattered function words ("who\'s down to go … with me tomorrow")',
      "Who's down to go bowling with me tomorrow morning?",
    ],
    ['a stock phrase covering most of a short text', 'I may or may not be obsessed with this lemon tart.'],
    [
      'a handle, a link and a run of tags',
      `@harbourbakery We are closed on Monday for the bank holiday, back on Tuesday with croissants. https://example.com/bread ${TAGS}`,
    ],
  ])('%s', (_, text) => {
    expect(index.check(text)).toEqual([]);
  });
});

describe('originality: edited copies are still caught', () => {
  const index = build();
  const nearCopyOf = (text: string): string | undefined => {
    const [finding] = index.check(text);
    return finding?.rule === 'originality.near-copy' && finding.severity === 'error'
      ? finding.sourceId
      : undefined;
  };

  it('catches an English copy with words inserted, truncated, or with case, tags and emoji changed', () => {
    expect(
      nearCopyOf(
        'Our brand new solar lantern charges in just four hours and lights a whole campsite for two nights, even in the rain.',
      ),
    ).toBe('comp-lantern');
    expect(nearCopyOf('Our new solar lantern charges in four hours and lights a whole campsite')).toBe(
      'comp-lantern',
    );
    expect(
      nearCopyOf(
        'OUR NEW #SolarLantern charges in four hours and lights a whole #campsite for two nights, even in the rain 🔥🔥',
      ),
    ).toBe('comp-lantern');
  });

  it('catches a French copy without accents, with a word changed and a tag added', () => {
    expect(
      nearCopyOf(
        'NOUVEAU : notre lampe solaire se recharge en quatre heures et eclaire tout un camping pendant deux nuits meme sous la pluie #camping',
      ),
    ).toBe('comp-lampe');
  });

  it('flags a copied French sentence inside an original post as a partial copy', () => {
    const text =
      'Bonne nouvelle pour nos clients : le marché couvert de Bayonne rouvre ses portes samedi matin, venez goûter nos fromages.';
    const findings = index.check(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      rule: 'originality.partial-copy',
      severity: 'warning',
      sourceId: 'feed-marche',
      text: 'le marché couvert de Bayonne rouvre ses portes samedi matin',
    });
  });
});

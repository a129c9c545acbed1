import { describe, expect, it } from 'vitest';
import { checkClaims, type ClaimsCheckInput } from './check-claims.js';
import type { Fact } from './fact.js';

const now = new Date('2026-03-10T09:00:00Z');

function rules(input: Partial<ClaimsCheckInput> & { text: string; language: 'fr' | 'en' }): string[] {
  return checkClaims({ now, ...input }).map((f) => `${f.rule}:${f.severity}:${f.text}`);
}

describe('unsourced claims', () => {
  it('warns on prices, percentages, superlatives and studies without a source', () => {
    expect(rules({ text: 'Notre forfait passe à 1 299,00 € par an.', language: 'fr' })).toEqual([
      'claims.unsourced:warning:Notre forfait passe à 1 299,00 € par an.',
    ]);
    expect(rules({ text: 'We are the cheapest bank in town.', language: 'en' })).toHaveLength(1);
    expect(rules({ text: 'Selon une étude, 87 % des clients reviennent.', language: 'fr' })).toHaveLength(1);
    expect(rules({ text: 'Studies show our app saves you time.', language: 'en' })).toHaveLength(1);
  });
  it('makes health and financial promises errors', () => {
    expect(rules({ text: 'Cette tisane guérit les migraines.', language: 'fr' })).toEqual([
      'claims.unsourced:error:Cette tisane guérit les migraines.',
    ]);
    expect(rules({ text: 'Guaranteed returns of 12% a year.', language: 'en' })[0]).toMatch(
      /^claims.unsourced:error/,
    );
  });
  it('accepts a claim with a link in the text or attached', () => {
    expect(
      rules({ text: 'We are rated the best CRM of 2026: https://example.com/review', language: 'en' }),
    ).toEqual([]);
    expect(
      rules({
        text: 'Le plus rapide du marché.',
        language: 'fr',
        attachedLinks: ['https://example.fr/test'],
      }),
    ).toEqual([]);
  });
  it('leaves plain sentences and bare numbers alone', () => {
    expect(
      rules({ text: 'Merci à tous pour vos 3 messages de soutien, à bientôt !', language: 'fr' }),
    ).toEqual([]);
    expect(rules({ text: 'Our team met 2 new partners this week.', language: 'en' })).toEqual([]);
  });
});

describe('fact register', () => {
  const price: Fact = { id: 'p1', statement: 'Prix de l’abonnement Pro', value: '29,90 €' };
  it('sources a claim by value or by statement', () => {
    expect(rules({ text: 'Passez à Pro pour 29,90 € par mois.', language: 'fr', facts: [price] })).toEqual(
      [],
    );
    const rating: Fact = {
      id: 'r1',
      statement: 'Best rated password manager by Which magazine',
      sourceUrl: 'https://which.co.uk',
    };
    expect(
      rules({
        text: 'Which magazine says we are the best rated password manager.',
        language: 'en',
        facts: [rating],
      }),
    ).toEqual([]);
  });
  it('flags a price contradicting the register, suggesting its value', () => {
    const [finding] = checkClaims({
      now,
      text: "L'abonnement Pro coûte 24,90 € par mois.",
      language: 'fr',
      facts: [price],
    });
    expect(finding).toMatchObject({
      rule: 'claims.contradicts-register',
      severity: 'error',
      text: '24,90 €',
      suggestions: ['29,90 €'],
    });
  });
  it('reads English thousands separators', () => {
    const fact: Fact = { id: 'e1', statement: 'Enterprise plan price', value: '$1,299' };
    expect(
      rules({ text: 'The Enterprise plan price is $1,299 a year.', language: 'en', facts: [fact] }),
    ).toEqual([]);
    expect(
      rules({ text: 'The Enterprise plan price is $1,499 a year.', language: 'en', facts: [fact] }),
    ).toEqual(['claims.contradicts-register:error:$1,499']);
  });
  it('flags an expired fact, and accepts it on its last day', () => {
    const promo: Fact = {
      id: 'x',
      statement: 'Réduction de printemps',
      value: '20 %',
      validUntil: '2026-03-31',
    };
    const text = 'Profitez de 20 % de réduction de printemps !';
    expect(
      rules({
        text,
        language: 'fr',
        facts: [promo],
        publishAt: new Date('2026-04-01T08:00:00Z'),
        timeZone: 'Europe/Paris',
      }),
    ).toEqual(['claims.expired-fact:error:20 %']);
    expect(
      rules({
        text,
        language: 'fr',
        facts: [promo],
        publishAt: new Date('2026-03-31T20:00:00Z'),
        timeZone: 'Europe/Paris',
      }),
    ).toEqual([]);
  });
  it('warns on a stale source, not on a fresh one', () => {
    const users: Fact = {
      id: 'u',
      statement: 'Number of active users',
      value: '10000 users',
      sourceDate: '2024-01-15',
    };
    expect(rules({ text: 'Join our 10000 users today.', language: 'en', facts: [users] })).toEqual([
      'claims.stale-source:warning:10000 users',
    ]);
    expect(
      rules({
        text: 'Join our 10000 users today.',
        language: 'en',
        facts: [{ ...users, sourceDate: '2026-01-15' }],
      }),
    ).toEqual([]);
    expect(
      rules({ text: 'Join our 10000 users today.', language: 'en', facts: [users], maxSourceAgeDays: 1000 }),
    ).toEqual([]);
  });
});

describe('dates in the past', () => {
  // Saturday 14 March 2026, 10:00 in Paris.
  const saturday = new Date('2026-03-14T09:00:00Z');
  it('flags "this Friday" on a Saturday, not "tomorrow" nor next Friday', () => {
    expect(
      rules({
        text: 'Rendez-vous ce vendredi en boutique.',
        language: 'fr',
        publishAt: saturday,
        timeZone: 'Europe/Paris',
      }),
    ).toEqual(['claims.date-in-past:error:ce vendredi']);
    expect(
      rules({
        text: 'See you tomorrow at the shop, and next Friday too.',
        language: 'en',
        publishAt: saturday,
        timeZone: 'Europe/Paris',
      }),
    ).toEqual([]);
    expect(
      rules({
        text: 'See you this Sunday at the shop.',
        language: 'en',
        publishAt: saturday,
        timeZone: 'Europe/Paris',
      }),
    ).toEqual([]);
  });
  it('flags explicit dates before the publish day, French and English', () => {
    expect(rules({ text: 'Soldes le 12 mars à la boutique.', language: 'fr', publishAt: saturday })).toEqual([
      'claims.date-in-past:error:12 mars',
    ]);
    expect(rules({ text: 'Doors open March 13, 2026.', language: 'en', publishAt: saturday })).toEqual([
      'claims.date-in-past:error:March 13, 2026',
    ]);
    expect(rules({ text: 'Doors open March 21.', language: 'en', publishAt: saturday })).toEqual([]);
    expect(rules({ text: 'Ouvert depuis le 2 mars.', language: 'fr', publishAt: saturday })).toEqual([]);
  });
  it('reads numeric dates day-first in French and month-first in English', () => {
    expect(rules({ text: 'Atelier le 03/04/2026.', language: 'fr', publishAt: saturday })).toEqual([]);
    expect(rules({ text: 'Workshop on 03/04/2026.', language: 'en', publishAt: saturday })).toEqual([
      'claims.date-in-past:error:03/04/2026',
    ]);
  });
  it('uses the time zone across the spring DST change in Europe/Paris', () => {
    // 2026-03-29 00:30 in Paris (UTC+1, before the change at 02:00) is still Saturday 28 in UTC.
    const sundayParis = new Date('2026-03-28T23:30:00Z');
    expect(
      rules({
        text: 'Dernier jour ce samedi !',
        language: 'fr',
        publishAt: sundayParis,
        timeZone: 'Europe/Paris',
      }),
    ).toEqual(['claims.date-in-past:error:ce samedi']);
    expect(rules({ text: 'Dernier jour ce samedi !', language: 'fr', publishAt: sundayParis })).toEqual([]);
    // 22:30 UTC on the 29th is 00:30 Monday in Paris (UTC+2 after the change), 23:30 Sunday at the old offset.
    const mondayParis = new Date('2026-03-29T22:30:00Z');
    expect(
      rules({
        text: 'Last day: March 29!',
        language: 'en',
        publishAt: mondayParis,
        timeZone: 'Europe/Paris',
      }),
    ).toEqual(['claims.date-in-past:error:March 29']);
    expect(rules({ text: 'Last day: March 29!', language: 'en', publishAt: mondayParis })).toEqual([]);
  });
  it('compares announced times with the local publish time after the DST change', () => {
    // 18:30 UTC on 29 March is 20:30 in Paris (UTC+2): "ce soir à 20h" is past, "à 21h" is not.
    const evening = new Date('2026-03-29T18:30:00Z');
    expect(
      rules({
        text: 'Live ce soir à 20h sur notre chaîne.',
        language: 'fr',
        publishAt: evening,
        timeZone: 'Europe/Paris',
      }),
    ).toEqual(['claims.date-in-past:error:ce soir à 20h']);
    expect(
      rules({
        text: 'Live ce soir à 21h sur notre chaîne.',
        language: 'fr',
        publishAt: evening,
        timeZone: 'Europe/Paris',
      }),
    ).toEqual([]);
    expect(
      rules({
        text: 'Live tonight at 8pm on our channel.',
        language: 'en',
        publishAt: evening,
        timeZone: 'Europe/London',
      }),
    ).toEqual([]);
  });
  it('defaults publish time to now', () => {
    expect(rules({ text: 'Rendez-vous le 9 mars.', language: 'fr' })).toEqual([
      'claims.date-in-past:error:9 mars',
    ]);
  });
});

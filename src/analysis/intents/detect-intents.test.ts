import { describe, expect, it } from 'vitest';
import { INTENT_LABELS } from '../types.js';
import type { IntentLabel } from '../types.js';
import { detectIntents, scoreIntents } from './detect-intents.js';
import { sentimentScores } from './fixtures/labelled-mention.js';
import type { LabelledMention } from './fixtures/labelled-mention.js';
import { MENTIONS_EN } from './fixtures/mentions.en.js';
import { MENTIONS_FR } from './fixtures/mentions.fr.js';

const neutral = sentimentScores('neutral');
const negative = sentimentScores('negative');
const positive = sentimentScores('positive');

function labels(text: string, language: string, sentiment = neutral): IntentLabel[] {
  return detectIntents({ text, language, sentiment }).map((s) => s.label);
}

function exactMatchRate(mentions: readonly LabelledMention[], language: string): number {
  const exact = mentions.filter((m) => {
    const found = labels(m.text, language, sentimentScores(m.sentiment)).sort();
    return JSON.stringify(found) === JSON.stringify([...m.labels].sort());
  });
  return exact.length / mentions.length;
}

describe('detectIntents', () => {
  it('finds several intents at once, highest score first', () => {
    const found = detectIntents({ text: '@brand my order never arrived, still waiting after 10 days. Where is my refund?', language: 'en', sentiment: negative });
    expect(found.map((f) => f.label).sort()).toEqual(['complaint', 'question', 'support_request']);
    expect(found.map((f) => f.score)).toEqual([...found.map((f) => f.score)].sort((a, b) => b - a));
    for (const f of found) {
      expect(f.score).toBeGreaterThanOrEqual(0.5);
      expect(f.score).toBeLessThanOrEqual(1);
    }
  });

  it('returns nothing for ordinary posts in French and English', () => {
    expect(labels('Belle journée à la plage avec les enfants', 'fr', positive)).toEqual([]);
    expect(labels('Watching the match tonight with friends', 'en')).toEqual([]);
  });

  it('reads French questions by inversion and "est-ce que", without a question mark too', () => {
    expect(labels('Livrez-vous en Suisse', 'fr')).toContain('question');
    expect(labels("Est-ce qu'il reste des places pour samedi", 'fr')).toContain('question');
    expect(labels('On se voit au rendez-vous de 10 h', 'fr')).not.toContain('question');
  });

  it('does not take a rhetorical "Really?!" for a question, but sees the complaint', () => {
    const found = labels('Two hours late again. Really?!', 'en', negative);
    expect(found).not.toContain('question');
    expect(found).toContain('complaint');
  });

  it('handles negation: "not bad" praises, "pas top" and "not great" do not', () => {
    expect(labels('Not bad at all, the new version is much faster', 'en', positive)).toContain('praise');
    expect(labels('pas mal du tout, la nouvelle appli', 'fr', positive)).toContain('praise');
    expect(labels('Pas top le service ce soir', 'fr', negative)).toEqual(['complaint']);
    expect(labels('The food was not great tonight', 'en', negative)).not.toContain('praise');
  });

  it('does not call polite thanks in a support request praise', () => {
    const found = labels("Hi, my parcel hasn't arrived yet, can you check? Thanks in advance", 'en');
    expect(found).toContain('support_request');
    expect(found).not.toContain('praise');
  });

  it('separates purchase intent and feature requests in French', () => {
    expect(labels('Où peut-on acheter vos bougies à Lyon ?', 'fr')).toEqual(expect.arrayContaining(['question', 'purchase_intent']));
    expect(labels('Ce serait top de pouvoir exporter en CSV', 'fr')).toEqual(['feature_request']);
  });

  it('lets sentiment tip an ambiguous text, and only that', () => {
    const text = 'Your delivery driver left the box in the rain for 3 days';
    expect(scoreIntents({ text, language: 'en', sentiment: negative }).complaint).toBeGreaterThan(scoreIntents({ text, language: 'en', sentiment: positive }).complaint);
    expect(labels(text, 'en', negative)).toContain('complaint');
  });

  it('covers the lighter languages for the common cases', () => {
    expect(labels('¿Dónde puedo comprar la camiseta azul?', 'es')).toEqual(expect.arrayContaining(['question', 'purchase_intent']));
    expect(labels('Mein Paket ist immer noch nicht angekommen', 'de', negative)).toEqual(expect.arrayContaining(['complaint', 'support_request']));
    expect(labels('Quanto costa la borsa nera?', 'it')).toContain('purchase_intent');
    expect(labels('Adoro o novo app, parabéns!', 'pt', positive)).toContain('praise');
  });

  it('falls back to the French and English cues for an unknown language', () => {
    expect(labels('Where can I buy this?', 'und')).toContain('purchase_intent');
    expect(labels('toujours pas reçu ma commande', 'und', negative)).toContain('complaint');
  });

  it('scores every label in [0, 1] and is deterministic', () => {
    const input = { text: 'Merci beaucoup, super service !', language: 'fr', sentiment: positive };
    const scores = scoreIntents(input);
    expect(Object.keys(scores).sort()).toEqual([...INTENT_LABELS].sort());
    expect(scoreIntents(input)).toEqual(scores);
    expect(labels(input.text, input.language, positive)).toEqual(['praise']);
  });

  // Known limit, kept visible: sarcasm reads as praise when the words are kind. Only a model that
  // knows the context (or a sentiment model that catches the irony) can fix it.
  it('misreads sarcasm with kind words (known limit)', () => {
    const found = labels('Great, my order is lost again. Amazing service as always', 'en', positive);
    expect(found).toContain('praise');
  });

  it('agrees exactly with the hand labels on most French and English mentions', () => {
    expect(MENTIONS_EN.length).toBeGreaterThanOrEqual(40);
    expect(MENTIONS_FR.length).toBeGreaterThanOrEqual(40);
    expect(exactMatchRate(MENTIONS_EN, 'en')).toBeGreaterThanOrEqual(0.8);
    expect(exactMatchRate(MENTIONS_FR, 'fr')).toBeGreaterThanOrEqual(0.8);
  });

  it('costs well under 0.05 ms for a 280-character text', () => {
    const text = `${'Bonjour, ma commande 12345 est toujours pas arrivée, ça fait 10 jours, pouvez-vous regarder ? '.repeat(3)}`.slice(0, 280);
    for (let i = 0; i < 200; i += 1) {
      detectIntents({ text, language: 'fr', sentiment: negative });
    }
    const runs = 5_000;
    const start = performance.now();
    for (let i = 0; i < runs; i += 1) {
      detectIntents({ text, language: 'fr', sentiment: negative });
    }
    // Generous bound for a loaded CI machine; evaluate.ts reports the real figure.
    expect((performance.now() - start) / runs).toBeLessThan(0.1);
  });
});

import { eld } from 'eld/small';
import { describe, expect, it } from 'vitest';
import { detectLanguage } from './detect-language.js';
import { HEARTH_LANGUAGES } from './languages.js';
import { scoreNgrams, NGRAM_LANGUAGES } from './ngram-scorer.js';

// Written for these tests; no dataset text (they hold real people's handles).
const SENTENCES: [string, string][] = [
  ['fr', "Bonjour, ma commande n'est toujours pas arrivée et personne ne répond au service client."],
  ['fr', "Franchement le nouveau parfum sent super bon, j'en ai racheté deux pour Noël !"],
  ['en', 'My order still has not arrived and nobody answers at customer support.'],
  ['en', 'Loving the new winter collection, the colours are gorgeous this year'],
  ['es', 'Mi pedido todavía no ha llegado y nadie contesta en atención al cliente.'],
  ['de', 'Meine Bestellung ist immer noch nicht angekommen und niemand antwortet.'],
  ['it', 'Il mio ordine non è ancora arrivato e nessuno risponde al servizio clienti.'],
  ['pt', 'Meu pedido ainda não chegou e ninguém responde no atendimento ao cliente.'],
  ['ar', 'طلبي لم يصل بعد ولا أحد يرد في خدمة العملاء'],
  ['hi', 'मेरा ऑर्डर अभी तक नहीं आया और कोई जवाब नहीं दे रहा है'],
];

describe('detectLanguage', () => {
  it.each(SENTENCES)('names %s', (language, text) => {
    const guess = detectLanguage(text);
    expect(guess.language).toBe(language);
    expect(guess.confidence).toBeGreaterThan(0.8);
    expect(guess.confidence).toBeLessThanOrEqual(1);
  });

  it('reads romanised Hindi (Hinglish) as Hindi', () => {
    expect(detectLanguage('bhai ye offer kab tak hai? mujhe bhi chahiye yaar').language).toBe('hi');
    expect(detectLanguage('kya baat hai, delivery bahut fast thi').language).toBe('hi');
  });

  it('does not read Italian "hai" or Spanish "se" as Hindi', () => {
    expect(detectLanguage('Hai ragione, ci vediamo domani al negozio').language).toBe('it');
    expect(detectLanguage('No se puede comprar en la tienda online hoy').language).toBe('es');
  });

  it("answers 'und' for very short text and for emoji, links and handles only", () => {
    for (const text of [
      '',
      'ok',
      'lol',
      '😂😂🔥',
      '@alice @bob.bsky.social https://example.com/x #42',
      '12:30 !!!',
    ]) {
      expect(detectLanguage(text)).toEqual({ language: 'und', confidence: 0 });
    }
  });

  it('ignores links, handles and hashtag marks, and splits hashtags at case changes', () => {
    expect(
      detectLanguage(
        '@SupportTeam https://example.com/suivi #ColisPerdu toujours rien reçu depuis la semaine dernière',
      ).language,
    ).toBe('fr');
    expect(detectLanguage('#BlackFriday #DealsOfTheDay @shop check this www.example.com').language).toBe(
      'en',
    );
  });

  it('decodes literal \\uXXXX escapes and folds Arabic presentation forms', () => {
    expect(detectLanguage('C\\u2019est g\\u00e9nial, on a ador\\u00e9 la soir\\u00e9e').language).toBe('fr');
    expect(detectLanguage('ﺷﻜﺮﺍ ﻟﻜﻢ ﻋﻠﻰ ﺍﻟﺨﺪﻣﺔ ﺍﻟﺮﺍﺋﻌﺔ').language).toBe('ar');
  });

  it('names the main language of code-mixed text', () => {
    expect(
      detectLanguage("On a testé le nouveau menu ce midi, franchement c'était trop bon, best burger ever")
        .language,
    ).toBe('fr');
    expect(
      detectLanguage("We loved the show last night, c'était magique, thank you so much everyone").language,
    ).toBe('en');
  });

  it('knows common short replies', () => {
    expect(detectLanguage('Merci !! 🙏').language).toBe('fr');
    expect(detectLanguage('Thank you 😍').language).toBe('en');
    expect(detectLanguage('Gracias').language).toBe('es');
  });

  it('names other languages rather than the nearest of ours', () => {
    expect(detectLanguage('Hoe gaat het met je vandaag? Ik heb nieuwe schoenen gekocht.').language).toBe(
      'nl',
    );
    expect(detectLanguage('Dziękuję bardzo za pomoc, to był naprawdę dobry dzień').language).toBe('pl');
    expect(detectLanguage('Привет, как дела? Всё хорошо, спасибо.').language).toBe('ru');
    expect(detectLanguage('今日はとても楽しかったです').language).toBe('ja');
  });

  it('is deterministic', () => {
    const text = 'Super accueil en boutique, merci à toute l’équipe';
    expect(detectLanguage(text)).toEqual(detectLanguage(text));
  });
});

describe('n-gram scores', () => {
  it('choose the same language as eld restricted to our languages', () => {
    const reference = eld.newInstance();
    reference.setLanguageSubset([...HEARTH_LANGUAGES]);
    for (const [, text] of SENTENCES) {
      const { scores } = scoreNgrams(text);
      let best = 0;
      for (let i = 1; i < HEARTH_LANGUAGES.length; i++) {
        if ((scores[i] as number) > (scores[best] as number)) {
          best = i;
        }
      }
      expect(NGRAM_LANGUAGES[best]).toBe(reference.detect(text).language);
    }
  });
});

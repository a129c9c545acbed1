import { describe, expect, it } from 'vitest';
import { detectLanguage } from './detect-language.js';
import { evaluateLanguageDetector, type LanguageSample } from './evaluate-language.js';

const SAMPLES: LanguageSample[] = [
  { language: 'fr', text: 'Le colis est arrivé abîmé, je voudrais un échange s’il vous plaît.' },
  { language: 'fr', text: 'Merci pour la soirée de lancement, tout était parfait !' },
  { language: 'en', text: 'The package arrived damaged, I would like an exchange please.' },
  { language: 'en', text: 'ok' },
  { language: 'hi', text: 'bhai mera order kab aayega?' },
];

describe('evaluateLanguageDetector', () => {
  it('counts accuracy per language and overall without the languages kept apart', () => {
    const result = evaluateLanguageDetector((text) => detectLanguage(text).language, SAMPLES);
    expect(result.perLanguage.fr).toEqual({ correct: 2, total: 2, accuracy: 1 });
    // "ok" is too short to tell: 'und' counts as wrong.
    expect(result.perLanguage.en).toEqual({ correct: 1, total: 2, accuracy: 0.5 });
    expect(result.perLanguage.hi).toEqual({ correct: 1, total: 1, accuracy: 1 });
    expect(result.overall).toBe(3 / 4);
    expect(result.total).toBe(5);
    expect(result.textsPerSecond).toBeGreaterThan(0);
  });

  it('includes every language when none is kept apart', () => {
    const result = evaluateLanguageDetector(() => 'fr', SAMPLES, []);
    expect(result.overall).toBe(2 / 5);
  });
});

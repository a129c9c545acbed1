import { describe, expect, it } from 'vitest';
import { checkVoice } from './check-voice.js';
import { mergeVoiceProfiles, voiceProfileSchema, type VoiceProfile } from './profile.js';

function rules(text: string, language: 'fr' | 'en', profile: VoiceProfile, partnership?: boolean): string[] {
  return checkVoice({ text, language, profile, partnership }).map((f) => `${f.rule}:${f.text}`);
}

describe('formality', () => {
  it("flags tu forms in a formal French voice, elided t' included", () => {
    const text = 'Merci pour ton message ! Si tu veux, on t’envoie un code promo.';
    expect(rules(text, 'fr', { formality: 'formal' })).toEqual([
      'voice.formality-tu:ton',
      'voice.formality-tu:tu',
      'voice.formality-tu:t’',
    ]);
  });
  it('accepts vouvoiement and the noun "ton" in a formal French voice', () => {
    const text = 'Merci pour votre message, nous gardons le ton de la marque et vous répondons vite.';
    expect(rules(text, 'fr', { formality: 'formal' })).toEqual([]);
  });
  it('flags vous in an informal French voice, and not tu', () => {
    expect(rules('Vous pouvez réserver dès demain !', 'fr', { formality: 'informal' })).toEqual([
      'voice.formality-vous:Vous',
    ]);
    expect(rules('Tu peux réserver dès demain !', 'fr', { formality: 'informal' })).toEqual([]);
  });
  it('flags contractions and slang in a formal English voice, with expansions', () => {
    const findings = checkVoice({
      text: "We're gonna ship it Friday, don't worry.",
      language: 'en',
      profile: { formality: 'formal' },
    });
    expect(findings.map((f) => [f.rule, f.text, f.suggestions[0]])).toEqual([
      ['voice.formality-contraction', "We're", 'We are'],
      ['voice.formality-slang', 'gonna', 'going to'],
      ['voice.formality-contraction', "don't", 'do not'],
    ]);
  });
  it('leaves possessives and a formal English text alone', () => {
    expect(
      rules("We will ship Hearth's new inbox on Friday; do not worry.", 'en', { formality: 'formal' }),
    ).toEqual([]);
    expect(rules("We're gonna ship it.", 'en', { formality: 'any' })).toEqual([]);
  });
});

describe('emoji', () => {
  const text = 'Nouvelle collection 🎉 disponible 👨‍👩‍👧 en boutique 🇫🇷 et en ligne ❤️';
  it('counts graphemes: a family and a flag are one emoji each', () => {
    expect(rules(text, 'fr', { emoji: 'few' })).toEqual(['voice.emoji:🇫🇷', 'voice.emoji:❤️']);
  });
  it('flags every emoji under "none" but not © or ™', () => {
    expect(rules('Hearth™ © 2026 🚀', 'en', { emoji: 'none' })).toEqual(['voice.emoji:🚀']);
  });
  it('allows two under "few" and any number under "free"', () => {
    expect(rules('Bravo 🎉 et merci 🙏', 'fr', { emoji: 'few' })).toEqual([]);
    expect(rules(text, 'fr', { emoji: 'free' })).toEqual([]);
  });
});

describe('exclamations', () => {
  it('flags the marks beyond the maximum', () => {
    const findings = checkVoice({
      text: 'Big news! The shop opens today! Come early!',
      language: 'en',
      profile: { maxExclamations: 1 },
    });
    expect(findings.map((f) => f.start)).toEqual([30, 42]);
    expect(findings[0]?.suggestions).toEqual(['.']);
  });
  it('accepts a text within the maximum', () => {
    expect(rules('Big news! The shop opens today.', 'en', { maxExclamations: 1 })).toEqual([]);
  });
});

describe('banned terms', () => {
  const profile: VoiceProfile = {
    bannedTerms: [
      { term: 'cheap', replacement: 'affordable', reason: 'We sell value, not low prices' },
      { term: 'pas cher', replacement: 'abordable' },
      { term: 'élite' },
    ],
  };
  it('matches whole words, case- and accent-insensitively, keeping the capitalisation', () => {
    const findings = checkVoice({
      text: 'Cheap flights and CHEAP hotels for the elite.',
      language: 'en',
      profile,
    });
    expect(findings.map((f) => [f.text, f.suggestions])).toEqual([
      ['Cheap', ['Affordable']],
      ['CHEAP', ['AFFORDABLE']],
      ['elite', []],
    ]);
    expect(findings[0]?.message).toContain('We sell value, not low prices.');
  });
  it('matches multi-word terms across a no-break space', () => {
    expect(
      checkVoice({ text: 'Un séjour pas\u00a0cher à Lyon.', language: 'fr', profile }).map(
        (f) => f.suggestions,
      ),
    ).toEqual([['abordable']]);
  });
  it('does not match inside other words', () => {
    expect(
      rules('Cheapside market and cheapest-ever deals.', 'en', { bannedTerms: [{ term: 'cheap' }] }),
    ).toEqual([]);
  });
});

describe('disclosure', () => {
  it('requires a disclosure hashtag on a partnership post', () => {
    const findings = checkVoice({
      text: 'On a testé la nouvelle crème de @marque, un vrai coup de cœur.',
      language: 'fr',
      profile: {},
      partnership: true,
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      rule: 'voice.disclosure-missing',
      severity: 'error',
      suggestions: [' #partenariat', ' #sponsorisé'],
    });
  });
  it('accepts the default tags accent-insensitively and the profile tags', () => {
    expect(rules('Merci @marque pour cette crème #sponsorise', 'fr', {}, true)).toEqual([]);
    expect(rules('Loving these shoes #AD', 'en', {}, true)).toEqual([]);
    expect(
      rules('Loving these shoes #collab', 'en', { disclosure: { required: true, tags: ['#collab'] } }, true),
    ).toEqual([]);
  });
  it('does not require it when the post is not a partnership', () => {
    expect(rules('Loving these shoes', 'en', { disclosure: { required: true } })).toEqual([]);
  });
});

describe('reading level', () => {
  const hard =
    'Notwithstanding considerable organisational complexity, our interdisciplinary implementation methodology systematically accelerates transformational initiatives. Thank you.';
  it('warns on a hard English text, spanning the longest sentence', () => {
    const [finding] = checkVoice({ text: hard, language: 'en', profile: { readingLevel: { maxGrade: 8 } } });
    expect(finding?.rule).toBe('voice.reading-level');
    expect(finding?.text).toMatch(/^Notwithstanding.*initiatives\.$/);
  });
  it('accepts a plain English text', () => {
    const easy = 'We open the new shop on Friday. Come and see us. We have cake and coffee for all.';
    expect(rules(easy, 'en', { readingLevel: { maxGrade: 8 } })).toEqual([]);
  });
  it('grades French with Kandel–Moles', () => {
    const hardFr =
      "Conformément aux dispositions réglementaires applicables, l'administration communautaire procédera ultérieurement à l'harmonisation systématique des modalités organisationnelles.";
    const easyFr = 'Le magasin ouvre vendredi. Venez nous voir. Il y aura du café et des gâteaux pour tous.';
    expect(rules(hardFr, 'fr', { readingLevel: { maxGrade: 10 } })).toHaveLength(1);
    expect(rules(easyFr, 'fr', { readingLevel: { maxGrade: 10 } })).toEqual([]);
  });
});

describe('profiles', () => {
  it('lets the account override fields and adds banned terms', () => {
    const workspace: VoiceProfile = { formality: 'formal', emoji: 'none', bannedTerms: [{ term: 'cheap' }] };
    const account: VoiceProfile = { formality: 'informal', bannedTerms: [{ term: 'deal' }] };
    expect(mergeVoiceProfiles(workspace, account)).toEqual({
      formality: 'informal',
      emoji: 'none',
      bannedTerms: [{ term: 'cheap' }, { term: 'deal' }],
    });
    expect(mergeVoiceProfiles(workspace, undefined)).toEqual(workspace);
  });
  it('validates with zod', () => {
    expect(voiceProfileSchema.safeParse({ emoji: 'many' }).success).toBe(false);
    expect(voiceProfileSchema.parse({ formality: 'formal', maxExclamations: 1 })).toEqual({
      formality: 'formal',
      maxExclamations: 1,
    });
  });
});

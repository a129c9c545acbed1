import { describe, expect, it } from 'vitest';
import { extractHashtags, findHashtags } from './hashtags.js';

describe('extractHashtags', () => {
  it('keeps accented letters, digits and underscores, without the #, in original case', () => {
    expect(extractHashtags("Rendez-vous à l'#Été2026 pour notre #partenariat avec #Les_Ateliers !")).toEqual([
      'Été2026',
      'partenariat',
      'Les_Ateliers',
    ]);
  });

  it('deduplicates ignoring case and keeps the first spelling', () => {
    expect(extractHashtags('#Soldes #soldes #SOLDES et encore #Soldes')).toEqual(['Soldes']);
  });

  it('ignores numbers, URL fragments, HTML entities and words with a # inside', () => {
    expect(
      extractHashtags('Ticket #1234, see https://example.com/faq#shipping, it&#39;s C# not a tag'),
    ).toEqual([]);
  });

  it('stops at emoji and punctuation', () => {
    expect(extractHashtags('Best launch ever #ProductHunt🚀! #café.')).toEqual(['ProductHunt', 'café']);
  });

  it('gives spans that include the #', () => {
    const text = 'Go #Lumière';
    const [match] = findHashtags(text);
    expect(match).toEqual({ tag: 'Lumière', start: 3, end: 11 });
    expect(text.slice(match?.start, match?.end)).toBe('#Lumière');
  });
});

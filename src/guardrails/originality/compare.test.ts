import { describe, expect, it } from 'vitest';
import { compareWith, indexQuery, type Comparison } from './compare.js';
import { tokenize } from './normalize.js';
import { shingleHashes } from './shingles.js';

function compare(text: string, source: string): Comparison {
  const tokens = tokenize(text);
  return compareWith(indexQuery(shingleHashes(tokens, 3), tokens), shingleHashes(tokenize(source), 3), 3);
}

describe('compareWith', () => {
  it('measures an exact copy', () => {
    const text = 'Our new solar lantern charges in four hours and lights a whole campsite.';
    expect(compare(text, text)).toMatchObject({
      jaccard: 1,
      coverage: 1,
      sharedWords: 13,
      contentCoverage: 1,
      sharedContentWords: 9,
      passages: [{ first: 0, last: 12, words: 13, contentWords: 9 }],
    });
  });

  it('counts scattered function words as words but not as content words', () => {
    // Two unrelated plans sharing "who's down to go" and "with me tomorrow".
    const c = compare(
      "Who's down to go bowling with me tomorrow morning?",
      "Who's down to go to the farmers market with me tomorrow?",
    );
    expect(c.coverage).toBeCloseTo(0.8);
    expect(c.sharedWords).toBe(7);
    expect(c.sharedContentWords).toBe(1);
    expect(c.passages.map((p) => [p.words, p.contentWords])).toEqual([
      [4, 0],
      [3, 1],
    ]);
  });

  it('counts a repeated phrase once among the distinct content words', () => {
    const c = compare('Come on down, come on down to the harbour market!', 'come on down come on down');
    expect(c.sharedContentWords).toBe(0);
    const d = compare('Fresh bread, fresh bread, fresh bread at the harbour', 'fresh bread fresh bread');
    expect(d.sharedContentWords).toBe(2);
  });

  it('does not count leading and trailing tags as content, but counts a hashtag inside a sentence', () => {
    const tags = '#love #instagood #photooftheday #fashion #beautiful #happy #cute #tbt';
    const c = compare(`A quiet morning walk by the river ${tags}`, `Sunset over the old harbour ${tags}`);
    expect(c.passages[0]).toMatchObject({ words: 8, contentWords: 0 });
    // love, paris, spring, rain: #Paris is a word of this sentence.
    const inline = compare('We love #Paris in the spring rain', 'we love paris in the spring rain');
    expect(inline.sharedContentWords).toBe(4);
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORING, parseStoredScoring, scoringSettingsSchema } from './settings.js';

describe('scoring settings', () => {
  it('reads stored settings leniently: missing or invalid fields take the default', () => {
    expect(parseStoredScoring(null)).toEqual(DEFAULT_SCORING);
    expect(parseStoredScoring('not json')).toEqual(DEFAULT_SCORING);
    expect(
      parseStoredScoring(JSON.stringify({ monthlyCap: null, weights: { like: 0.5, reply: 'x' } })),
    ).toEqual({
      ...DEFAULT_SCORING,
      monthlyCap: null,
      weights: { ...DEFAULT_SCORING.weights, like: 0.5 },
    });
    expect(
      parseStoredScoring(
        JSON.stringify({ monthlyDecay: 7, levels: { participating: 1, contributing: 2, leading: 3 } }),
      ),
    ).toEqual({
      ...DEFAULT_SCORING,
      levels: { participating: 1, contributing: 2, leading: 3 },
    });
  });

  it('has defaults that pass its own validation, a reply weighing more than a repost, more than a like', () => {
    expect(scoringSettingsSchema.parse(DEFAULT_SCORING)).toEqual(DEFAULT_SCORING);
    const { reply, repost, follow, like } = DEFAULT_SCORING.weights;
    expect(reply).toBeGreaterThan(repost);
    expect(follow).toBeGreaterThan(like);
  });
});

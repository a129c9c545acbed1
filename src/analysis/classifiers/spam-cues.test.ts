import { describe, expect, it } from 'vitest';
import { gateSpamScore, hasSpamCue } from './spam-cues.js';

describe('spam cues', () => {
  it('sees links, phone numbers, prices and calls to go elsewhere, in English and French', () => {
    for (const text of [
      'great song! visit www.example.com',
      'Call me on +33 6 12 34 56 78',
      'Only $9.99 today',
      'sub 4 sub anyone?',
      'Abonnez-vous et partagez !',
      'code promo dans ma bio',
    ]) {
      expect(hasSpamCue(text), text).toBe(true);
    }
  });

  it('sees none in ordinary replies', () => {
    for (const text of ['Thanks for the update', 'Merci pour votre réponse rapide', 'See you on Monday, have a good weekend']) {
      expect(hasSpamCue(text), text).toBe(false);
    }
  });

  it('damps the score only without a cue', () => {
    expect(gateSpamScore(0.8, 'Thanks a lot')).toBeCloseTo(0.2);
    expect(gateSpamScore(0.8, 'subscribe to my channel')).toBe(0.8);
  });
});

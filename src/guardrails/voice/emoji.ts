/** Emoji policy: none, few (at most two) or free; counted per grapheme, as readers see them. */
import type { Finding } from '../types.js';
import { makeFinding, type Span } from '../text/folded-text.js';

const FEW = 2;
const GRAPHEMES = new Intl.Segmenter('en', { granularity: 'grapheme' });
const PICTOGRAPHIC = /\p{Extended_Pictographic}|\p{Regional_Indicator}{2}|\u20E3/u;
// ©, ® and ™ are pictographic by Unicode's table but are typography, not emoji.
const NOT_EMOJI = /^[©®™‼⁉]$/u;

/** Spans of the emoji in `text`, one per grapheme (a family or a flag counts once). */
export function findEmoji(text: string): Span[] {
  const spans: Span[] = [];
  for (const { segment, index } of GRAPHEMES.segment(text)) {
    if (PICTOGRAPHIC.test(segment) && !NOT_EMOJI.test(segment)) {
      spans.push({ start: index, end: index + segment.length });
    }
  }
  return spans;
}

export function checkEmoji(text: string, policy: 'none' | 'few' | 'free'): Finding[] {
  if (policy === 'free') {
    return [];
  }
  const emoji = findEmoji(text);
  const allowed = policy === 'none' ? 0 : FEW;
  const message =
    policy === 'none'
      ? 'This voice uses no emoji: remove this one.'
      : `This voice uses at most ${FEW} emoji per text: remove this one.`;
  return emoji
    .slice(allowed)
    .map((span) =>
      makeFinding(text, span, {
        rule: 'voice.emoji',
        category: 'voice',
        severity: 'warning',
        message,
        suggestions: [''],
      }),
    );
}

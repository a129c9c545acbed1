/**
 * Language identification: eld's n-gram scores restricted to Hearth's languages, after cleaning,
 * plus a function-word rule for romanised Hindi. Synchronous; the n-gram table (~0.3 MB) is parsed
 * on first use, or ahead of time with `loadNgramModel()`.
 */
import type { LanguageCode } from '../types.js';
import { cleanForLanguage } from './clean-for-language.js';
import { hinglishShare } from './hinglish.js';
import { HEARTH_LANGUAGES, OTHER_LANGUAGE_MARGIN } from './languages.js';
import { loadNgramModel, NGRAM_LANGUAGES, scoreNgrams } from './ngram-scorer.js';
import { languageOfScript } from './script-language.js';
import { languageOfShortReply } from './short-replies.js';

export interface LanguageGuess {
  language: LanguageCode;
  /** Estimated probability that `language` is right, in [0, 1]; 0 for 'und'. */
  confidence: number;
}

/** Fewer letters than this (after cleaning) says nothing reliable. */
const MIN_LETTERS = 3;
/** Below this confidence the answer is 'und'. */
const MIN_CONFIDENCE = 0.4;
// Logistic calibration of "is the chosen language right", fitted on the UMSAB train splits of the
// seven n-gram languages from two features: the runner-up/chosen score ratio and the n-gram count.
// At 0.4, 18 of 12,873 texts turn 'und', 12 of which were right.
const BIAS = 0.333;
const W_MARGIN = 0.498;
const W_NGRAMS = 1.645;

const LETTER = /\p{L}/gu;
const UNDETERMINED: LanguageGuess = { language: 'und', confidence: 0 };
/** A script of one language (Greek, Hangul...) is near-certain, but mixed texts exist. */
const SCRIPT_CONFIDENCE = 0.9;
/** "Merci" is French, but "Bravo" is also Italian: listed replies are likely, not certain. */
const SHORT_REPLY_CONFIDENCE = 0.8;

/**
 * Parses the n-gram table now rather than at the first detection (~0.1 s). Optional: detection is
 * synchronous and loads it itself; async only so that a later, larger model can load lazily.
 */
export async function initLanguageDetector(): Promise<void> {
  loadNgramModel();
}

export function detectLanguage(text: string): LanguageGuess {
  const clean = cleanForLanguage(text);
  if (countLetters(clean) < MIN_LETTERS) {
    return UNDETERMINED;
  }
  const reply = languageOfShortReply(clean);
  if (reply !== undefined) {
    return { language: reply, confidence: SHORT_REPLY_CONFIDENCE };
  }
  const hinglish = hinglishShare(clean);
  if (hinglish > 0) {
    return { language: 'hi', confidence: round(Math.min(0.95, 0.6 + hinglish)) };
  }
  const { scores, ngramCount } = scoreNgrams(clean);
  const best = pickLanguage(scores);
  // No n-gram of ours: another script (Greek, CJK...) or a language far from ours.
  if (best < 0) {
    const byScript = languageOfScript(clean);
    return byScript === undefined ? UNDETERMINED : { language: byScript, confidence: SCRIPT_CONFIDENCE };
  }
  const top = scores[best] as number;
  let second = 0;
  for (let i = 0; i < scores.length; i++) {
    if (i !== best && (scores[i] as number) > second) {
      second = scores[i] as number;
    }
  }
  const confidence = calibrate(second / top, ngramCount);
  if (confidence < MIN_CONFIDENCE) {
    return UNDETERMINED;
  }
  return { language: NGRAM_LANGUAGES[best] as string, confidence: round(confidence) };
}

/** Index of the best of our languages, unless an other language beats it by the margin; -1 if none scored. */
function pickLanguage(scores: readonly number[]): number {
  let ours = -1;
  let oursScore = 0;
  let other = -1;
  let otherScore = 0;
  for (let i = 0; i < scores.length; i++) {
    const score = scores[i] as number;
    if (i < HEARTH_LANGUAGES.length) {
      if (score > oursScore) {
        oursScore = score;
        ours = i;
      }
    } else if (score > otherScore) {
      otherScore = score;
      other = i;
    }
  }
  return other >= 0 && otherScore > oursScore * (1 + OTHER_LANGUAGE_MARGIN) ? other : ours;
}

function calibrate(ratio: number, ngramCount: number): number {
  // The runner-up may outscore the chosen language: an other language that fell short of the margin.
  const z = BIAS + W_MARGIN * Math.log(1 - Math.min(1, ratio) + 1e-3) + W_NGRAMS * Math.log(ngramCount);
  return 1 / (1 + Math.exp(-z));
}

function countLetters(text: string): number {
  let count = 0;
  LETTER.lastIndex = 0;
  while (LETTER.exec(text) !== null) {
    count++;
    if (count >= MIN_LETTERS) {
      break;
    }
  }
  return count;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

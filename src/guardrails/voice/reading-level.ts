/**
 * Reading level as a school grade.
 *
 * English: Flesch–Kincaid grade = 0.39 × (words / sentences) + 11.8 × (syllables / words) − 15.59.
 * French: Kandel & Moles' (1958) adaptation of Flesch's reading ease,
 *   ease = 207 − 1.015 × (words / sentences) − 73.6 × (syllables / words),
 * turned into a grade with Flesch's own ease-to-grade table (100→4, 90→5, 80→6, 70→7, 60→8.5,
 * 50→11, 30→14.5, 0→18), linearly interpolated, so both languages share one `maxGrade`.
 */
import type { CheckLanguage, Finding } from '../types.js';
import { makeFinding } from '../text/folded-text.js';
import { splitSentences } from '../text/sentences.js';

// Links, handles and hashtags are not read as words.
const NOT_PROSE = /\bhttps?:\/\/\S+|\bwww\.\S+|[@#]\S+/gu;
const WORD = /\p{L}[\p{L}\p{M}'’-]*/gu;
const HAS_LETTER = /\p{L}/u;
const EN_VOWELS = /[aeiouy]+/g;
const EN_SILENT_E = /(?:[^l]e|es|ed)$/;
const FR_VOWELS = /[aeiouyàâäéèêëîïôöùûüÿœæ]+/g;
const FR_MUTE_END = /(?:e|es|ent)$/;
/** Fewer words than this give a meaningless grade. */
const MIN_WORDS = 12;
const EASE_TO_GRADE: readonly (readonly [number, number])[] = [
  [100, 4],
  [90, 5],
  [80, 6],
  [70, 7],
  [60, 8.5],
  [50, 11],
  [30, 14.5],
  [0, 18],
];

export function countSyllables(word: string, language: CheckLanguage): number {
  const lower = word.toLowerCase();
  if (language === 'en') {
    const groups = lower.match(EN_VOWELS)?.length ?? 0;
    return Math.max(1, groups - (groups > 1 && EN_SILENT_E.test(lower) ? 1 : 0));
  }
  const groups = lower.match(FR_VOWELS)?.length ?? 0;
  // The final mute e ("table", "tables", "parlent") is not said in standard French.
  return Math.max(1, groups - (groups > 1 && FR_MUTE_END.test(lower) ? 1 : 0));
}

export interface ReadingStats {
  grade: number;
  words: number;
  sentences: number;
}

/** The grade of `text`, or undefined when it is too short to measure. */
export function readingGrade(text: string, language: CheckLanguage): ReadingStats | undefined {
  const prose = text.replace(NOT_PROSE, ' ');
  const sentences = splitSentences(prose).filter((sentence) => HAS_LETTER.test(sentence.text));
  const words = prose.match(WORD) ?? [];
  if (words.length < MIN_WORDS || sentences.length === 0) {
    return undefined;
  }
  const syllables = words.reduce((sum, word) => sum + countSyllables(word, language), 0);
  const wordsPerSentence = words.length / sentences.length;
  const syllablesPerWord = syllables / words.length;
  const grade =
    language === 'en'
      ? 0.39 * wordsPerSentence + 11.8 * syllablesPerWord - 15.59
      : easeToGrade(207 - 1.015 * wordsPerSentence - 73.6 * syllablesPerWord);
  return { grade: Math.round(grade * 10) / 10, words: words.length, sentences: sentences.length };
}

function easeToGrade(ease: number): number {
  const clamped = Math.min(100, Math.max(0, ease));
  for (let i = 1; i < EASE_TO_GRADE.length; i++) {
    const [highEase, lowGrade] = EASE_TO_GRADE[i - 1] as readonly [number, number];
    const [lowEase, highGrade] = EASE_TO_GRADE[i] as readonly [number, number];
    if (clamped >= lowEase) {
      return lowGrade + ((highEase - clamped) / (highEase - lowEase)) * (highGrade - lowGrade);
    }
  }
  return 18;
}

/** A warning on the longest sentence when the text reads above `maxGrade`. */
export function checkReadingLevel(text: string, language: CheckLanguage, maxGrade: number): Finding[] {
  const stats = readingGrade(text, language);
  if (stats === undefined || stats.grade <= maxGrade) {
    return [];
  }
  const [first, ...rest] = splitSentences(text);
  if (first === undefined) {
    return [];
  }
  const longest = rest.reduce(
    (best, sentence) => (wordCount(sentence.text) > wordCount(best.text) ? sentence : best),
    first,
  );
  return [
    makeFinding(text, longest, {
      rule: 'voice.reading-level',
      category: 'voice',
      severity: 'warning',
      message: `This text reads at grade ${stats.grade}, above this voice's target of ${maxGrade}: split this long sentence or use shorter words.`,
    }),
  ];
}

function wordCount(sentence: string): number {
  return sentence.match(WORD)?.length ?? 0;
}

/**
 * Keywords, RAKE-style (Rose et al. 2010): stop words and punctuation cut the text into candidate
 * phrases of content words; a word scores its degree over its frequency, a phrase the sum of its
 * words. Links, handles, hashtags and numbers are left out (hashtags have their own field).
 */
import { ELISIONS, STOP_WORDS } from './stopwords.js';
import { scanWords } from './word-scanner.js';

const MAX_KEYWORDS = 8;
const MAX_PHRASE_WORDS = 3;
const MIN_WORD_LENGTH = 3;

// Removed before tokenising: links, whole tokens holding an '@' (handles, e-mails), hashtags.
// Each runs only when its marker is present; together as one Unicode pattern they cost ~9 µs a text.
const LINK = /\bhttps?:\/\/\S+|\bwww\.\S+/g;
const ADDRESS = /(?<!\S)\S*@\S*/g;
const HASHTAG = /[#＃][\p{L}\p{M}\p{N}_]+/gu;
const HAS_LETTER = /\p{L}/u;

/** Up to eight keywords or key phrases, lower-cased, accents kept, best first. Both stop lists apply whatever `_language`. */
export function extractKeywords(text: string, _language?: string): string[] {
  const phrases = candidatePhrases(text);
  if (phrases.length === 0) {
    return [];
  }
  const frequency = new Map<string, number>();
  const degree = new Map<string, number>();
  for (const phrase of phrases) {
    for (const word of phrase) {
      frequency.set(word, (frequency.get(word) ?? 0) + 1);
      degree.set(word, (degree.get(word) ?? 0) + phrase.length);
    }
  }
  const scored = new Map<string, { score: number; first: number }>();
  phrases.forEach((phrase, index) => {
    const key = phrase.join(' ');
    if (!scored.has(key)) {
      let score = 0;
      for (const word of phrase) {
        score += (degree.get(word) ?? 0) / (frequency.get(word) ?? 1);
      }
      scored.set(key, { score, first: index });
    }
  });
  return [...scored.entries()]
    .sort(([, a], [, b]) => b.score - a.score || a.first - b.first)
    .slice(0, MAX_KEYWORDS)
    .map(([key]) => key);
}

/** Runs of content words between stop words and punctuation, at most three words long. */
function candidatePhrases(text: string): string[][] {
  const phrases: string[][] = [];
  let current: string[] = [];
  const flush = (): void => {
    if (current.length > 0) {
      phrases.push(current);
      current = [];
    }
  };
  let clean = text;
  if (clean.includes('http') || clean.includes('www.')) {
    clean = clean.replace(LINK, ' . ');
  }
  if (clean.includes('@')) {
    clean = clean.replace(ADDRESS, ' . ');
  }
  if (clean.includes('#') || clean.includes('＃')) {
    clean = clean.replace(HASHTAG, ' . ');
  }
  scanWords(
    clean,
    (token) => {
      const lower = token.toLowerCase();
      const word = hasApostrophe(lower) ? lower.replace(/’/g, "'").replace(ELISIONS, '') : lower;
      if (word.length < MIN_WORD_LENGTH || STOP_WORDS.has(word) || isNumber(word)) {
        flush();
        return;
      }
      current.push(word);
      if (current.length === MAX_PHRASE_WORDS) {
        flush();
      }
    },
    flush,
  );
  flush();
  return phrases;
}

function hasApostrophe(token: string): boolean {
  return token.includes("'") || token.includes('’');
}

/** A number, possibly with a unit glued after it and no letter ("2026", "12,5"); "12h" is kept. */
function isNumber(word: string): boolean {
  const first = word.charCodeAt(0);
  return first >= 48 && first <= 57 && !HAS_LETTER.test(word);
}

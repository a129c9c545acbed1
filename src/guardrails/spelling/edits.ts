/**
 * Fast suggestions: every word one edit away (delete, swap, replace, insert) that the dictionary
 * accepts. A few hundred `correct()` calls take about a millisecond, while nspell's `suggest` can
 * take seconds on an unknown long word, so `check` uses these and `suggest` adds nspell's.
 */
import type { CheckLanguage } from '../types.js';

const ALPHABET: Record<CheckLanguage, string[]> = {
  en: [...'abcdefghijklmnopqrstuvwxyz', "'", '-'],
  fr: [...'abcdefghijklmnopqrstuvwxyzàâäçéèêëîïôöùûüÿœ', '-'],
};

/** Words one edit from `word` (lower-cased) for which `accepts` holds, in order of discovery. */
export function oneEditCandidates(word: string, language: CheckLanguage, accepts: (candidate: string) => boolean): string[] {
  const letters = [...word.toLowerCase()];
  const candidates = new Set<string>();
  const tryWord = (chars: string[]): void => {
    const candidate = chars.join('');
    if (candidate.length > 0 && !candidates.has(candidate) && accepts(candidate)) {
      candidates.add(candidate);
    }
  };
  for (let i = 0; i < letters.length - 1; i++) {
    const swapped = [...letters];
    swapped[i] = letters[i + 1] as string;
    swapped[i + 1] = letters[i] as string;
    tryWord(swapped);
  }
  for (let i = 0; i < letters.length; i++) {
    tryWord([...letters.slice(0, i), ...letters.slice(i + 1)]);
  }
  for (let i = 0; i <= letters.length; i++) {
    for (const letter of ALPHABET[language]) {
      if (i < letters.length && letter !== letters[i]) {
        tryWord([...letters.slice(0, i), letter, ...letters.slice(i + 1)]);
      }
      tryWord([...letters.slice(0, i), letter, ...letters.slice(i)]);
    }
  }
  return [...candidates];
}

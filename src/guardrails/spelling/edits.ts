/**
 * Fast suggestions: the dictionary words one edit away (delete, swap, replace, insert), the same
 * word with its accents restored or changed ("evenement" → "événement"), and the dictionary's own
 * REP patterns ("alot" → "a lot"). A few hundred `correct()` calls take about a millisecond, so
 * `check` can attach these; `suggest` adds the words found by letter pairs (suggestion-index.ts).
 */
import type { CheckLanguage } from '../types.js';

const ALPHABET: Record<CheckLanguage, string[]> = {
  en: [...'abcdefghijklmnopqrstuvwxyz', "'", '-'],
  // The apostrophe finds elisions written without it ("aujourdhui", "jai").
  fr: [...'abcdefghijklmnopqrstuvwxyzàâäçéèêëîïôöùûüÿœ', "'", '-'],
};

/** Letters that differ only by an accent, by language (English has them in loanwords: café, naïve). */
const ACCENT_GROUPS: Record<CheckLanguage, string[]> = {
  en: ['aàâä', 'eéèêë', 'iîï', 'oôö', 'uüû', 'cç', 'nñ'],
  fr: ['aàâä', 'eéèêë', 'iîï', 'oôö', 'uùûü', 'cç', 'yÿ'],
};

const ACCENT_OPTIONS: Record<CheckLanguage, Map<string, string[]>> = {
  en: accentOptions(ACCENT_GROUPS.en),
  fr: accentOptions(ACCENT_GROUPS.fr),
};

function accentOptions(groups: string[]): Map<string, string[]> {
  const options = new Map<string, string[]>();
  for (const group of groups) {
    for (const letter of group) {
      options.set(letter, [...group].filter((other) => other !== letter));
    }
  }
  return options;
}

/** The dictionary's spelling of `candidate` (e.g. "America" for "america"), or undefined if unknown. */
export type Lookup = (candidate: string) => string | undefined;

/** Words one edit from `word` (lower-cased) that the dictionary knows, in order of discovery. */
export function oneEditCandidates(word: string, language: CheckLanguage, lookup: Lookup): string[] {
  const letters = [...word.toLowerCase()];
  const n = letters.length;
  // Prefixes and suffixes once, so that each candidate is two concatenations.
  const head: string[] = [''];
  for (let i = 0; i < n; i++) {
    head.push((head[i] as string) + (letters[i] as string));
  }
  const tail: string[] = new Array<string>(n + 1).fill('');
  for (let i = n - 1; i >= 0; i--) {
    tail[i] = (letters[i] as string) + (tail[i + 1] as string);
  }
  const tried = new Set<string>();
  const found: string[] = [];
  const tryWord = (candidate: string): void => {
    if (candidate.length > 0 && !tried.has(candidate)) {
      tried.add(candidate);
      const known = lookup(candidate);
      if (known !== undefined) {
        found.push(known);
      }
    }
  };
  for (let i = 0; i < n - 1; i++) {
    tryWord(`${head[i] as string}${letters[i + 1] as string}${letters[i] as string}${tail[i + 2] as string}`);
  }
  for (let i = 0; i < n; i++) {
    tryWord(`${head[i] as string}${tail[i + 1] as string}`);
  }
  for (let i = 0; i <= n; i++) {
    for (const letter of ALPHABET[language]) {
      if (i < n && letter !== letters[i]) {
        tryWord(`${head[i] as string}${letter}${tail[i + 1] as string}`);
      }
      tryWord(`${head[i] as string}${letter}${tail[i] as string}`);
    }
  }
  return found;
}

/**
 * `word` (lower-cased) with one to `maxChanges` letters given another accent or none, the
 * dictionary's words only: dropped or wrong accents are the most common French error, and one edit
 * restores only one. Fewer changes are tried first; at most `maxTries` lookups.
 */
export function accentCandidates(word: string, language: CheckLanguage, lookup: Lookup, maxChanges = 3, maxTries = 600): string[] {
  const letters = [...word.toLowerCase()];
  const options = ACCENT_OPTIONS[language];
  const positions = letters.flatMap((letter, i) => (options.has(letter) ? [i] : []));
  const found: string[] = [];
  let tries = 0;
  // Every choice of `changes` positions (in order), each given each of its other accents.
  const walk = (from: number, changes: number, chars: string[]): void => {
    for (let k = from; k < positions.length && tries < maxTries; k++) {
      const at = positions[k] as number;
      const original = chars[at] as string;
      for (const other of options.get(original) ?? []) {
        if (tries >= maxTries) {
          break;
        }
        chars[at] = other;
        if (changes === 1) {
          tries++;
          const known = lookup(chars.join(''));
          if (known !== undefined) {
            found.push(known);
          }
        } else {
          walk(k + 1, changes - 1, chars);
        }
      }
      chars[at] = original;
    }
  };
  for (let changes = 1; changes <= maxChanges && tries < maxTries; changes++) {
    walk(0, changes, letters);
  }
  return found;
}

/**
 * The dictionary's REP table applied once at each place it matches ("alot" → "a lot", "ph" ↔ "f"):
 * replacements whose every word the dictionary knows.
 */
export function replacementCandidates(word: string, table: readonly (readonly [string, string])[], lookup: Lookup): string[] {
  const lower = word.toLowerCase();
  const found: string[] = [];
  for (const [from, to] of table) {
    for (let at = lower.indexOf(from); at >= 0; at = lower.indexOf(from, at + 1)) {
      const replaced = `${lower.slice(0, at)}${to.replace(/_/gu, ' ')}${lower.slice(at + from.length)}`;
      const parts = replaced.split(' ').map((part) => (part ? lookup(part) : undefined));
      if (parts.every((part) => part !== undefined)) {
        found.push(parts.join(' '));
      }
    }
  }
  return found;
}

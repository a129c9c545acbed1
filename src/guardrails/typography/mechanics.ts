/** Slips of the keyboard: doubled words, doubled spaces, SHOUTING, runs of !!! or ???. */
import type { CheckLanguage, Finding } from '../types.js';
import { typographyFinding } from './finding.js';

// Repetitions that are grammatical: reflexive "nous nous", "vous vous"; "had had", "that that".
const ALLOWED_DOUBLES: Record<CheckLanguage, Set<string>> = {
  fr: new Set(['nous', 'vous']),
  en: new Set(['had', 'that']),
};

const WORD = /[\p{L}\p{M}\p{N}]+(?:['’-][\p{L}\p{M}\p{N}]+)*/gu;

export function doubledWords(text: string, masked: string, language: CheckLanguage): Finding[] {
  const findings: Finding[] = [];
  let previous: { word: string; start: number; end: number } | undefined;
  for (const match of masked.matchAll(WORD)) {
    const current = { word: match[0], start: match.index, end: match.index + match[0].length };
    const key = current.word.toLowerCase();
    if (
      previous &&
      previous.word.toLowerCase() === key &&
      /^[ \t\u00a0\u202f]+$/u.test(masked.slice(previous.end, current.start)) &&
      !/\p{N}/u.test(key) &&
      !ALLOWED_DOUBLES[language].has(key)
    ) {
      findings.push(
        typographyFinding(text, 'typography.doubled-word', 'warning', previous.start, current.end,
          `“${previous.word}” is written twice.`, [previous.word]),
      );
    }
    previous = current;
  }
  return findings;
}

export function doubledSpaces(text: string, masked: string): Finding[] {
  const findings: Finding[] = [];
  // Between two visible characters only: indentation and trailing spaces are layout, not slips.
  for (const match of masked.matchAll(/(?<=\S) {2,}(?=\S)/gu)) {
    findings.push(
      typographyFinding(text, 'typography.doubled-space', 'suggestion', match.index, match.index + match[0].length,
        'Two spaces in a row: one is enough.', [' ']),
    );
  }
  return findings;
}

const CAPS_WORD = /[\p{L}\p{M}]+/gu;

/** Three or more all-caps words of three letters or more in a row, or a whole text in capitals. */
export function shouting(text: string, masked: string): Finding[] {
  const letters = masked.match(/\p{L}/gu) ?? [];
  const words = [...masked.matchAll(CAPS_WORD)];
  if (letters.length >= 10 && words.length >= 2 && masked === masked.toUpperCase()) {
    const first = words[0];
    const last = words[words.length - 1];
    if (first && last) {
      return [shout(text, first.index, last.index + last[0].length)];
    }
  }
  const findings: Finding[] = [];
  let runStart = -1;
  let runEnd = -1;
  let longWords = 0;
  const close = (): void => {
    if (longWords >= 3) {
      findings.push(shout(text, runStart, runEnd));
    }
    runStart = -1;
    longWords = 0;
  };
  for (const match of words) {
    const word = match[0];
    const isCaps = word === word.toUpperCase() && word !== word.toLowerCase();
    if (!isCaps) {
      close();
      continue;
    }
    if (runStart < 0) {
      runStart = match.index;
    }
    runEnd = match.index + word.length;
    // One- and two-letter capitals ("A", "I", "TO") continue a shout but do not make one.
    if ([...word].length >= 3) {
      longWords++;
    }
  }
  close();
  return findings;
}

function shout(text: string, start: number, end: number): Finding {
  const span = text.slice(start, end);
  const calmer = span.charAt(0) + span.slice(1).toLowerCase();
  return typographyFinding(text, 'typography.shouting', 'warning', start, end,
    'Several words in capitals read as shouting: keep capitals for acronyms.', [calmer]);
}

export function repeatedPunctuation(text: string, masked: string): Finding[] {
  const findings: Finding[] = [];
  for (const match of masked.matchAll(/[!?]{2,}/gu)) {
    // "?!" once is an accepted interrobang.
    if (match[0] === '?!' || match[0] === '!?') {
      continue;
    }
    findings.push(
      typographyFinding(text, 'typography.repeated-punctuation', 'warning', match.index, match.index + match[0].length,
        `“${match[0]}”: one mark is enough and reads calmer.`, [match[0].charAt(0)]),
    );
  }
  return findings;
}

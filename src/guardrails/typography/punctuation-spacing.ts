/**
 * Spaces around ; : ! ? and guillemets. French sets a no-break space before the high punctuation
 * (narrow U+202F before ; ! ?, U+00A0 before :, either accepted) and inside « »; English sets none.
 */
import type { Finding } from '../types.js';
import { isSmileyAt, typographyFinding } from './finding.js';

const NBSP = '\u00a0';
const NNBSP = '\u202f';
const HIGH = new Set([';', ':', '!', '?']);

/** French: no-break space before ; : ! ? — missing or plain. */
export function frenchHighPunctuation(text: string, masked: string): Finding[] {
  const findings: Finding[] = [];
  for (let i = 1; i < masked.length; i++) {
    const char = masked.charAt(i);
    if (!HIGH.has(char) || skipPunctuation(masked, i)) {
      continue;
    }
    const space = char === ':' ? NBSP : NNBSP;
    const before = masked.charAt(i - 1);
    if (before === ' ') {
      findings.push(
        typographyFinding(text, 'typography.fr-space-before-punctuation', 'suggestion', i - 1, i + 1,
          `In French, “${char}” takes a no-break space before it, so it never starts a line.`, [space + char]),
      );
    } else if (!/\s/u.test(before)) {
      findings.push(
        typographyFinding(text, 'typography.fr-space-before-punctuation', 'suggestion', i, i + 1,
          `In French, “${char}” is preceded by a no-break space.`, [space + char]),
      );
    }
  }
  return findings;
}

/** English: no space before ; : ! ? */
export function englishHighPunctuation(text: string, masked: string): Finding[] {
  const findings: Finding[] = [];
  for (let i = 1; i < masked.length; i++) {
    const char = masked.charAt(i);
    if (!HIGH.has(char) || skipPunctuation(masked, i)) {
      continue;
    }
    let start = i;
    while (start > 0 && /[ \u00a0\u202f\t]/u.test(masked.charAt(start - 1))) {
      start--;
    }
    // A space at the start of a line is indentation, not a space before the mark.
    if (start < i && start > 0 && masked.charAt(start - 1) !== '\n') {
      findings.push(
        typographyFinding(text, 'typography.en-space-before-punctuation', 'suggestion', start, i + 1,
          `In English, “${char}” follows the word without a space.`, [char]),
      );
    }
  }
  return findings;
}

/** Not the first of a run ("?!"), a time or ratio (10:30), a smiley (:-)), or a scheme ("http:"). */
function skipPunctuation(masked: string, i: number): boolean {
  const before = masked.charAt(i - 1);
  const after = masked.charAt(i + 1);
  if (HIGH.has(before) || before === '\n' || before === '\uE000') {
    return true;
  }
  if (masked.charAt(i) === ':' && /\d/u.test(before) && /\d/u.test(after)) {
    return true;
  }
  return (masked.charAt(i) === ':' || masked.charAt(i) === ';') && isSmileyAt(masked, i);
}

/** French: no-break space after « and before ». */
export function frenchGuillemets(text: string, masked: string): Finding[] {
  const findings: Finding[] = [];
  const rule = 'typography.fr-guillemets-space';
  for (let i = 0; i < masked.length; i++) {
    const char = masked.charAt(i);
    if (char === '«') {
      const after = masked.charAt(i + 1);
      if (after === ' ') {
        findings.push(typographyFinding(text, rule, 'suggestion', i, i + 2, 'In French, “«” is followed by a no-break space.', [`«${NNBSP}`]));
      } else if (after !== '' && !/\s/u.test(after)) {
        findings.push(typographyFinding(text, rule, 'suggestion', i, i + 1, 'In French, “«” is followed by a no-break space.', [`«${NNBSP}`]));
      }
    } else if (char === '»' && i > 0) {
      const before = masked.charAt(i - 1);
      if (before === ' ') {
        findings.push(typographyFinding(text, rule, 'suggestion', i - 1, i + 1, 'In French, “»” is preceded by a no-break space.', [`${NNBSP}»`]));
      } else if (!/\s/u.test(before)) {
        findings.push(typographyFinding(text, rule, 'suggestion', i, i + 1, 'In French, “»” is preceded by a no-break space.', [`${NNBSP}»`]));
      }
    }
  }
  return findings;
}

/** French: typographic apostrophe ’ rather than the typewriter ' between letters. */
export function frenchApostrophe(text: string, masked: string): Finding[] {
  const findings: Finding[] = [];
  for (const match of masked.matchAll(/(?<=\p{L})'(?=\p{L})/gu)) {
    findings.push(
      typographyFinding(text, 'typography.fr-apostrophe', 'suggestion', match.index, match.index + 1,
        'French typography uses the curly apostrophe “’”.', ['’']),
    );
  }
  return findings;
}

/**
 * Typography and mechanics (issue 4, family 2): French spacing and apostrophes, English spacing,
 * doubled words and spaces, SHOUTING, !!!/??? runs, unbalanced brackets and quotes. Links,
 * handles, hashtags and e-mails are masked first so no rule fires inside them.
 */
import { maskProtected } from '../spelling/protected-spans.js';
import type { CheckLanguage, Finding } from '../types.js';
import { unbalanced } from './balance.js';
import { doubledSpaces, doubledWords, repeatedPunctuation, shouting } from './mechanics.js';
import { englishHighPunctuation, frenchApostrophe, frenchGuillemets, frenchHighPunctuation } from './punctuation-spacing.js';

/** All typography findings of `text`, ordered by position; synchronous and dictionary-free. */
export function checkTypography(text: string, language: CheckLanguage): Finding[] {
  const masked = maskProtected(text);
  const findings: Finding[] =
    language === 'fr'
      ? [...frenchHighPunctuation(text, masked), ...frenchGuillemets(text, masked), ...frenchApostrophe(text, masked)]
      : englishHighPunctuation(text, masked);
  findings.push(
    ...doubledWords(text, masked, language),
    ...doubledSpaces(text, masked),
    ...shouting(text, masked),
    ...repeatedPunctuation(text, masked),
    ...unbalanced(text, masked),
  );
  return findings.sort((a, b) => a.start - b.start || a.end - b.end);
}

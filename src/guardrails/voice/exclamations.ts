/** The profile's maximum number of exclamation marks per text. */
import type { Finding } from '../types.js';
import { makeFinding } from '../text/folded-text.js';

const EXCLAMATION = /[!！]/gu;

/** One finding per exclamation mark beyond `max`. */
export function checkExclamations(text: string, max: number): Finding[] {
  const marks = [...text.matchAll(EXCLAMATION)];
  return marks.slice(max).map((match) =>
    makeFinding(
      text,
      { start: match.index, end: match.index + match[0].length },
      {
        rule: 'voice.exclamations',
        category: 'voice',
        severity: 'warning',
        message: `This voice allows at most ${max} exclamation mark${max === 1 ? '' : 's'} per text: end this sentence with a period.`,
        suggestions: ['.'],
      },
    ),
  );
}

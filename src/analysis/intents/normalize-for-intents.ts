/**
 * Text normalisation for the intent cues: the lexicons are written in lower-case ASCII, so accents
 * are folded once here instead of spelling every cue twice ("reçu"/"recu").
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const APOSTROPHES = /[\u2018\u2019\u02bc\u0060\u00b4]/g;
const QUESTION_MARKS = /[\uff1f\u00bf]/g;
// Handles and links say nothing about intent, and "@brand_help" must not count as "help".
const HANDLES_AND_LINKS = /(?:https?:\/\/|www\.)\S+|@[a-z0-9_.]+/g;
// "#fail" counts as "fail": hashtags often carry the verdict.
const HASH_SIGNS = /#/g;
const SPACES = /\s+/g;

/** Lower-case, accent-free, handle-free text with straight apostrophes and single spaces. */
export function normalizeForIntents(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(APOSTROPHES, "'")
    .replace(QUESTION_MARKS, '?')
    .replace(HANDLES_AND_LINKS, ' ')
    .replace(HASH_SIGNS, '')
    .replace(SPACES, ' ')
    .trim();
}

/** Formality: French tu / vous, English contractions and slang in a formal profile. */
import type { CheckLanguage, Finding } from '../types.js';
import {
  compileMatcher,
  compilePhrases,
  escapeRegExp,
  findAll,
  makeFinding,
  type FoldedText,
} from '../text/folded-text.js';

// "ton" is also a noun ("le ton de la marque"): an article or preposition before it rules it out.
const FRENCH_TU = compileMatcher(['(?<!(?:le|un|du|de|au|ce|mon|son) )(?:tu|te|toi|ton|ta|tes)']);
// Elided "t'" is followed by a letter ("t'inquiète"), so it cannot use the whole-word matcher.
const FRENCH_T_ELIDED = /(?<![\p{L}\p{N}])t'(?=\p{L})/gu;
const FRENCH_VOUS = compileMatcher(['vous', 'votre', 'vos']);
const FRENCH_SLANG = compilePhrases([
  'mdr',
  'ptdr',
  'lol',
  'ouais',
  'bcp',
  'stp',
  'kiffer',
  'kiffe',
  'grave cool',
  'trop cool',
]);

const EXPANSIONS: Readonly<Record<string, string>> = {
  "don't": 'do not',
  "doesn't": 'does not',
  "didn't": 'did not',
  "can't": 'cannot',
  "won't": 'will not',
  "isn't": 'is not',
  "aren't": 'are not',
  "wasn't": 'was not',
  "weren't": 'were not',
  "haven't": 'have not',
  "hasn't": 'has not',
  "hadn't": 'had not',
  "wouldn't": 'would not',
  "couldn't": 'could not',
  "shouldn't": 'should not',
  "we're": 'we are',
  "you're": 'you are',
  "they're": 'they are',
  "we've": 'we have',
  "you've": 'you have',
  "they've": 'they have',
  "i've": 'I have',
  "we'll": 'we will',
  "you'll": 'you will',
  "they'll": 'they will',
  "i'll": 'I will',
  "it'll": 'it will',
  "i'm": 'I am',
  "i'd": 'I would',
  "we'd": 'we would',
  "you'd": 'you would',
  "it's": 'it is',
  "that's": 'that is',
  "there's": 'there is',
  "what's": 'what is',
  "let's": 'let us',
  "here's": 'here is',
  "who's": 'who is',
  "he's": 'he is',
  "she's": 'she is',
  "ain't": 'is not',
};
const SLANG: Readonly<Record<string, string>> = {
  gonna: 'going to',
  wanna: 'want to',
  gotta: 'have to',
  kinda: 'kind of',
  sorta: 'sort of',
  "y'all": 'you all',
  yeah: 'yes',
  yep: 'yes',
  nope: 'no',
  lol: '',
  omg: '',
  btw: 'by the way',
  thx: 'thank you',
  pls: 'please',
};
// Any n't / 're / 've / 'll / 'm / 'd, plus the 's forms listed (a bare 's is usually a possessive).
const CONTRACTION = compileMatcher([
  "\\p{L}+n't",
  "\\p{L}+'(?:re|ve|ll|m|d)",
  ...Object.keys(EXPANSIONS)
    .filter((k) => k.endsWith("'s"))
    .map(escapeRegExp),
]);
const CURLY_APOSTROPHE = /’/g;
const ENGLISH_SLANG = compilePhrases(Object.keys(SLANG));

/** Formality findings for `folded` (the folded form of `text`). */
export function checkFormality(
  text: string,
  folded: FoldedText,
  language: CheckLanguage,
  formality: 'formal' | 'informal' | 'any',
): Finding[] {
  if (formality === 'any') {
    return [];
  }
  if (language === 'fr') {
    return formality === 'formal' ? frenchFormal(text, folded) : frenchInformal(text, folded);
  }
  return formality === 'formal' ? englishFormal(text, folded) : [];
}

function frenchFormal(text: string, folded: FoldedText): Finding[] {
  const spans = [...findAll(folded, FRENCH_TU), ...findAll(folded, FRENCH_T_ELIDED)].sort(
    (a, b) => a.start - b.start,
  );
  const tu = spans.map((span) =>
    makeFinding(text, span, {
      rule: 'voice.formality-tu',
      category: 'voice',
      severity: 'warning',
      message: 'This voice addresses people with « vous »: rephrase this « tu » form.',
    }),
  );
  const slang = findAll(folded, FRENCH_SLANG).map((span) =>
    makeFinding(text, span, {
      rule: 'voice.formality-slang',
      category: 'voice',
      severity: 'warning',
      message: 'This slang does not fit the formal voice of this account.',
    }),
  );
  return [...tu, ...slang];
}

function frenchInformal(text: string, folded: FoldedText): Finding[] {
  return findAll(folded, FRENCH_VOUS).map((span) =>
    makeFinding(text, span, {
      rule: 'voice.formality-vous',
      category: 'voice',
      severity: 'warning',
      message:
        'This voice addresses people with « tu »: rephrase this « vous » form unless you address a group.',
    }),
  );
}

function englishFormal(text: string, folded: FoldedText): Finding[] {
  const contractions = findAll(folded, CONTRACTION).map((span) => {
    const written = text.slice(span.start, span.end);
    const expansion = EXPANSIONS[written.toLowerCase().replace(CURLY_APOSTROPHE, "'")];
    return makeFinding(text, span, {
      rule: 'voice.formality-contraction',
      category: 'voice',
      severity: 'warning',
      message: 'This voice is formal: write the contraction out in full.',
      suggestions: expansion === undefined ? [] : [matchCase(written, expansion)],
    });
  });
  const slang = findAll(folded, ENGLISH_SLANG).map((span) => {
    const written = text.slice(span.start, span.end);
    const replacement = SLANG[written.toLowerCase().replace(CURLY_APOSTROPHE, "'")];
    return makeFinding(text, span, {
      rule: 'voice.formality-slang',
      category: 'voice',
      severity: 'warning',
      message: 'This slang does not fit the formal voice of this account.',
      suggestions: replacement ? [matchCase(written, replacement)] : [],
    });
  });
  return [...contractions, ...slang];
}

const NOT_LETTER = /[^\p{L}]/gu;

/** `replacement` written with the capitalisation of `original` (ALL CAPS, Capitalised or as is). */
export function matchCase(original: string, replacement: string): string {
  const letters = original.replace(NOT_LETTER, '');
  if (letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) {
    return replacement.toUpperCase();
  }
  const first = original.charAt(0);
  if (first !== first.toLowerCase()) {
    return replacement.charAt(0).toUpperCase() + replacement.slice(1);
  }
  return replacement;
}

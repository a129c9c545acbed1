/**
 * Compiles the cue lexicons into one regular expression per (cue list, language), once, at module
 * load: detection then costs a handful of `RegExp.test` calls per text.
 */

/**
 * Languages with their own cue lists. Any other code, and `und`, uses the French and English
 * lists: short, unsure texts are mostly those two here, and the German "was" or Spanish "como" at
 * the start of an English clause would read as questions.
 */
export const CUE_LANGUAGES = ['en', 'fr', 'es', 'de', 'it', 'pt'] as const;
export type CueLanguage = (typeof CUE_LANGUAGES)[number];

/** Regex sources (lower-case, accent-free, see normalize-for-intents.ts), per language. */
export type CueList = Partial<Record<CueLanguage, readonly string[]>>;

/** Where a cue may start: anywhere on a word boundary, or only at the start of a clause. */
export type CueAnchor = 'word' | 'clause';

/** A compiled cue list: `test(normalisedText, language)`. */
export interface CueMatcher {
  test(text: string, language: string): boolean;
}

// Clause start: text start, after sentence punctuation or a comma, optionally after a greeting
// ("hi, how do I…", "bonjour est-ce que…") that social posts put before the real sentence.
const CLAUSE_START =
  "(?:^|[.!?;:,()\\n]\\s*|\\s-\\s)(?:(?:hi|hello|hey|bonjour|salut|coucou|hola|hallo|ciao|ola|oi)\\s+(?:there\\s+|team\\s+|all\\s+|a tous\\s+|a toutes\\s+)?)?(?:(?:so|and|but|also|et|mais|alors|du coup|donc)\\s+)?";
const WORD_START = '(?<![a-z0-9])';
const WORD_END = '(?![a-z0-9])';

function compile(sources: readonly string[], anchor: CueAnchor): RegExp | null {
  if (sources.length === 0) {
    return null;
  }
  const start = anchor === 'clause' ? CLAUSE_START : WORD_START;
  return new RegExp(`${start}(?:${sources.join('|')})${WORD_END}`);
}

/**
 * English cues are added to every language: brand mentions mix English into French and the
 * others ("top", "help", "refund"), and a wrong language id must not silence the detector.
 */
export function compileCues(list: CueList, anchor: CueAnchor = 'word'): CueMatcher {
  const byLanguage = new Map<string, RegExp | null>();
  const english = list.en ?? [];
  for (const language of CUE_LANGUAGES) {
    const own = language === 'en' ? english : [...(list[language] ?? []), ...english];
    byLanguage.set(language, compile(own, anchor));
  }
  const all = compile([...(list.fr ?? []), ...english], anchor);
  return {
    test(text: string, language: string): boolean {
      const regex = byLanguage.has(language) ? byLanguage.get(language) : all;
      return regex ? regex.test(text) : false;
    },
  };
}

/**
 * The parts of an nspell 2.1.5 instance that its typings leave out: the expanded word table (every
 * form the affix rules generate, as keys), the affix flags, the compound rules, the ICONV input
 * conversions and the REP replacement table. Read only, and checked at run time: another nspell
 * version without them gives `undefined`, and the callers fall back to what the public API offers.
 */
import type NSpell from 'nspell';

export interface NSpellInternals {
  /** Word form → its affix flag codes (an empty array for generated forms). */
  data: Record<string, readonly string[]>;
  flags: Record<string, unknown>;
  /** REP pairs: a common misspelling pattern and its fix, "_" standing for a space. */
  replacementTable: readonly (readonly [string, string])[];
  /** Compound rules as built by nspell (dictionary-en: ordinal numbers). */
  compoundRules: readonly RegExp[];
  /** ICONV input conversions (’ → ', ligatures, decomposed accents). */
  conversionIn: readonly (readonly [RegExp, string])[];
}

export function nspellInternals(spell: NSpell): NSpellInternals | undefined {
  const cached = known.get(spell);
  if (cached !== undefined || known.has(spell)) {
    return cached;
  }
  const read = readInternals(spell);
  known.set(spell, read);
  return read;
}

const known = new WeakMap<NSpell, NSpellInternals | undefined>();

function readInternals(spell: NSpell): NSpellInternals | undefined {
  const candidate = spell as unknown as Record<string, unknown>;
  const { data, flags, replacementTable, compoundRules, conversion } = candidate;
  const conversionIn = typeof conversion === 'object' && conversion !== null ? (conversion as Record<string, unknown>).in : undefined;
  if (
    typeof data !== 'object' ||
    data === null ||
    typeof flags !== 'object' ||
    flags === null ||
    !Array.isArray(replacementTable) ||
    !Array.isArray(compoundRules) ||
    !compoundRules.every((rule) => rule instanceof RegExp) ||
    !Array.isArray(conversionIn) ||
    !conversionIn.every((pair) => Array.isArray(pair) && pair[0] instanceof RegExp && typeof pair[1] === 'string')
  ) {
    return undefined;
  }
  const pairs = replacementTable.filter(
    (pair): pair is [string, string] => Array.isArray(pair) && typeof pair[0] === 'string' && typeof pair[1] === 'string',
  );
  return {
    data: data as Record<string, readonly string[]>,
    flags: flags as Record<string, unknown>,
    replacementTable: pairs,
    compoundRules,
    conversionIn: conversionIn as [RegExp, string][],
  };
}

/**
 * `nspell.correct` for a lower-case or capitalised candidate built from plain letters, "'" and "-",
 * without its per-call input conversion (some fifty regular expressions in French): the same
 * answer, several times faster, for the thousands of candidates a suggestion tries. Undefined for
 * a candidate the conversions could change; the caller then asks `correct`. `checked`: the caller
 * vouches that the candidate is plain (made of a plain word's letters and of plain letters).
 */
export type FastCorrect = (candidate: string, checked?: boolean) => boolean | undefined;

/** Whether `word` is made of letters, "'" and "-" that no ICONV conversion touches; see `fastCorrect`. */
export function isPlainWord(internals: NSpellInternals, word: string): boolean {
  return fastCorrectParts(internals).isPlain(word);
}

export function fastCorrect(internals: NSpellInternals): FastCorrect {
  return fastCorrectParts(internals).correct;
}

const partsCache = new WeakMap<NSpellInternals, { correct: FastCorrect; isPlain: (value: string) => boolean }>();

function fastCorrectParts(internals: NSpellInternals): { correct: FastCorrect; isPlain: (value: string) => boolean } {
  const cached = partsCache.get(internals);
  if (cached) {
    return cached;
  }
  const built = buildFastCorrect(internals);
  partsCache.set(internals, built);
  return built;
}

function buildFastCorrect(internals: NSpellInternals): { correct: FastCorrect; isPlain: (value: string) => boolean } {
  const flagOf = (name: string): string | undefined => {
    const flag = internals.flags[name];
    return typeof flag === 'string' ? flag : undefined;
  };
  const onlyInCompound = flagOf('ONLYINCOMPOUND');
  const forbidden = flagOf('FORBIDDENWORD');
  const keepCase = flagOf('KEEPCASE');
  const compoundMin = typeof internals.flags.COMPOUNDMIN === 'number' ? internals.flags.COMPOUNDMIN : 1;
  const has = (codes: readonly string[] | undefined, flag: string | undefined): boolean => !!codes && flag !== undefined && codes.includes(flag);
  // A compound rule is built from the words of `compoundRuleCodes` ("1", "1th"...) and the rule's
  // own characters, all in its source: a value with a character the sources lack cannot match
  // (the expressions ignore case) and skips them.
  const compoundChars = new Set<string>();
  for (const rule of internals.compoundRules) {
    for (const char of rule.source) {
      compoundChars.add(char.toLowerCase());
      compoundChars.add(char.toUpperCase());
    }
  }
  const mayCompound = (value: string): boolean => {
    if (value.length < compoundMin || internals.compoundRules.length === 0) {
      return false;
    }
    for (const char of value) {
      if (!compoundChars.has(char)) {
        return false;
      }
    }
    return true;
  };
  // nspell's `exact`: in the table and not only-in-compound, or matched by a compound rule.
  const exact = (value: string): boolean => {
    const codes = internals.data[value];
    if (codes) {
      return !has(codes, onlyInCompound);
    }
    return mayCompound(value) && internals.compoundRules.some((rule) => rule.test(value));
  };
  // One expression for all the conversions: a candidate one of them matches goes to `correct`.
  const sources = internals.conversionIn.map(([pattern]) => `(?:${pattern.source})`);
  const convertible = sources.length > 0 ? new RegExp(sources.join('|')) : undefined;
  const isPlain = (value: string): boolean =>
    /^[\p{Ll}\p{Lu}'-]*\p{L}[\p{Ll}\p{Lu}'-]*$/u.test(value) && !(convertible?.test(value) ?? false);
  const correct: FastCorrect = (candidate, checked = false) => {
    // Single capitals take another path through `form` (the all-capitals one): leave them to `correct`.
    if (candidate.length === 1 || (!checked && !isPlain(candidate))) {
      return undefined;
    }
    const lower = candidate.toLowerCase();
    if (candidate !== lower && candidate !== lower.charAt(0).toUpperCase() + lower.slice(1)) {
      return undefined;
    }
    // nspell's `form`, for these two shapes: the value itself, then (capitalised) its lower case.
    if (exact(candidate)) {
      return !has(internals.data[candidate], forbidden);
    }
    if (candidate === lower) {
      return false;
    }
    const lowerCodes = internals.data[lower];
    if (has(lowerCodes, keepCase) || has(lowerCodes, forbidden)) {
      return false;
    }
    return exact(lower);
  };
  return { correct, isPlain };
}

/**
 * Forms never to suggest: flagged NOSUGGEST (slurs in dictionary-en; units and numerals in
 * dictionary-fr) or FORBIDDENWORD, and the inflections of such a word of four letters or more
 * ("fucks", "niggers": nspell's affix expansion does not carry the flag to the forms it generates).
 */
export function isUnsuggestable(internals: NSpellInternals, form: string): boolean {
  const lower = form.toLowerCase();
  if (hasBlockingFlag(internals, form) || (lower !== form && hasBlockingFlag(internals, lower))) {
    return true;
  }
  for (let cut = Math.max(4, lower.length - 3); cut < lower.length; cut++) {
    if (hasBlockingFlag(internals, lower.slice(0, cut))) {
      return true;
    }
  }
  return false;
}

function hasBlockingFlag(internals: NSpellInternals, form: string): boolean {
  const codes = internals.data[form];
  if (!codes || codes.length === 0) {
    return false;
  }
  for (const name of ['NOSUGGEST', 'FORBIDDENWORD']) {
    const flag = internals.flags[name];
    if (typeof flag === 'string' && codes.includes(flag)) {
      return true;
    }
  }
  return false;
}

/**
 * Finds dictionary words far from a misspelling, where one edit is not enough ("acomodation",
 * "apriciate"): an inverted index of letter pairs over every form the dictionary accepts (nspell
 * expands the affix rules into its word table), queried by the share of pairs in common (Dice),
 * like Hunspell's n-gram suggestions. Built on the first full `suggest()` (English ~0.3 s and
 * ~10 MB; French, 450k forms, ~2 s and ~40 MB), never by `check()`.
 */
import { isUnsuggestable, type NSpellInternals } from './nspell-internals.js';

export interface SuggestionIndex {
  /** Up to `limit` dictionary forms closest to `word` by shared letter pairs, length within ±`maxLengthGap`. */
  similar(word: string, limit: number, maxLengthGap?: number): string[];
  /** Forms indexed. */
  readonly size: number;
}

/**
 * The forms worth suggesting: no digits, no apostrophes (possessives and French elisions are
 * reached by one edit from the writer's word), nothing `isUnsuggestable`; one spelling per
 * lower-cased form, the lower-case one when the dictionary has it.
 */
export function suggestableForms(internals: NSpellInternals): string[] {
  const byKey = new Map<string, string>();
  for (const form of Object.keys(internals.data)) {
    // Most French forms are elisions ("l'arbre"): the cheap tests first.
    if (form.length < 2 || form.includes("'") || form.includes('’') || form.includes('.') || /\p{N}/u.test(form)) {
      continue;
    }
    const key = form.toLowerCase();
    const known = byKey.get(key);
    if ((known === undefined || (form === key && known !== key)) && !isUnsuggestable(internals, form)) {
      byKey.set(key, form);
    }
  }
  return [...byKey.values()];
}

/** Distinct letter pairs of `^word$` (lower-case), so that first and last letters weigh too. */
function pairsOf(word: string): string[] {
  const letters = ['^', ...word.toLowerCase(), '$'];
  const pairs = new Set<string>();
  for (let i = 0; i < letters.length - 1; i++) {
    pairs.add(`${letters[i] as string}${letters[i + 1] as string}`);
  }
  return [...pairs];
}

export function buildSuggestionIndex(forms: readonly string[]): SuggestionIndex {
  // Two passes over the forms (count, then fill) rather than keeping every form's pairs in between:
  // for French's 450k forms that transient array of arrays would cost more than the index.
  const pairIds = new Map<string, number>();
  const lengths = new Uint8Array(forms.length);
  const pairCounts = new Uint8Array(forms.length);
  let postingSizes = new Uint32Array(1024);
  forms.forEach((form, id) => {
    const pairs = pairsOf(form);
    for (const pair of pairs) {
      let pairId = pairIds.get(pair);
      if (pairId === undefined) {
        pairId = pairIds.size;
        pairIds.set(pair, pairId);
        if (pairId >= postingSizes.length) {
          const grown = new Uint32Array(postingSizes.length * 2);
          grown.set(postingSizes);
          postingSizes = grown;
        }
      }
      postingSizes[pairId] = (postingSizes[pairId] as number) + 1;
    }
    lengths[id] = Math.min(255, [...form].length);
    pairCounts[id] = Math.min(255, pairs.length);
  });
  // One flat posting array: the forms of pair p are postings[offsets[p] .. offsets[p + 1]).
  const offsets = new Uint32Array(pairIds.size + 1);
  for (let p = 0; p < pairIds.size; p++) {
    offsets[p + 1] = (offsets[p] as number) + (postingSizes[p] as number);
  }
  const postings = new Uint32Array(offsets[pairIds.size] as number);
  const fill = offsets.slice(0, pairIds.size);
  forms.forEach((form, id) => {
    for (const pair of pairsOf(form)) {
      const p = pairIds.get(pair) as number;
      postings[(fill[p] as number)++] = id;
    }
  });

  const shared = new Uint8Array(forms.length);
  return {
    size: forms.length,
    similar(word, limit, maxLengthGap = 3) {
      const query = pairsOf(word);
      const length = [...word].length;
      const touched: number[] = [];
      for (const pair of query) {
        const p = pairIds.get(pair);
        if (p === undefined) {
          continue;
        }
        const end = offsets[p + 1] as number;
        for (let i = offsets[p] as number; i < end; i++) {
          const id = postings[i] as number;
          if (shared[id] === 0) {
            touched.push(id);
          }
          shared[id] = (shared[id] as number) + 1;
        }
      }
      // Two pairs in common at least, and at least a third of the query's.
      const floor = Math.max(2, Math.ceil(query.length / 3));
      const scored: { id: number; dice: number }[] = [];
      for (const id of touched) {
        const common = shared[id] as number;
        shared[id] = 0;
        if (common >= floor && Math.abs((lengths[id] as number) - length) <= maxLengthGap) {
          scored.push({ id, dice: (2 * common) / (query.length + (pairCounts[id] as number)) });
        }
      }
      scored.sort((a, b) => b.dice - a.dice || a.id - b.id);
      return scored.slice(0, limit).map(({ id }) => forms[id] as string);
    },
  };
}

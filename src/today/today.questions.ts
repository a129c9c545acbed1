/**
 * Questions the community keeps asking: this week's questions grouped by the terms they share
 * (listening's trend terms: hashtags, content words, pairs of words). A group is a term held by at
 * least `minCount` questions; a term whose questions are mostly another chosen term's is left out,
 * so "delivery" and "delivery time" do not both appear.
 */
import { termsOf } from '../listening/insights/terms.js';

export interface QuestionGroup {
  term: string;
  count: number;
}

/** Share of a term's questions already covered by a chosen term above which it is a duplicate. */
const OVERLAP = 0.6;

export function groupQuestions(
  texts: readonly string[],
  options: { minCount: number; limit: number; ignore?: ReadonlySet<string> },
): QuestionGroup[] {
  const holders = new Map<string, Set<number>>();
  texts.forEach((text, index) => {
    for (const term of termsOf(text, { bigrams: true })) {
      if (options.ignore?.has(term)) {
        continue;
      }
      let set = holders.get(term);
      if (!set) {
        set = new Set();
        holders.set(term, set);
      }
      set.add(index);
    }
  });
  const ranked = [...holders.entries()]
    .filter(([, set]) => set.size >= options.minCount)
    .sort(
      ([a, setA], [b, setB]) =>
        setB.size - setA.size ||
        // On a tie the pair of words says more than either word.
        Number(b.includes(' ')) - Number(a.includes(' ')) ||
        a.localeCompare(b),
    );
  const chosen: { term: string; set: Set<number> }[] = [];
  for (const [term, set] of ranked) {
    if (chosen.length >= options.limit) {
      break;
    }
    const duplicate = chosen.some((other) => {
      let shared = 0;
      for (const index of set) {
        if (other.set.has(index)) {
          shared += 1;
        }
      }
      return shared / set.size >= OVERLAP;
    });
    if (!duplicate) {
      chosen.push({ term, set });
    }
  }
  return chosen.map(({ term, set }) => ({ term, count: set.size }));
}

/**
 * Tunes the suggestion-ranking weights (rank.ts) on the "tune" half of a benchmark by coordinate
 * descent over small grids, maximising top-1 + top-5; then prints the chosen weights and, once,
 * their figures on the "eval" half (never used to choose). Copy them into DEFAULT_RANK_WEIGHTS by hand.
 * English: en-misspellings, halves by a hash of the target word (bench/guardrails/spelling.ts).
 * French: the synthetic misspellings of bench/guardrails/spelling-fr.ts, halves by a hash of the word.
 * Run: npx tsx bench/guardrails/spelling-tune.ts [--language en|fr] [--data DIR] [--sample N]
 */
import { resolve } from 'node:path';
import { loadDictionary } from '../../src/guardrails/spelling/dictionaries.js';
import { DEFAULT_RANK_WEIGHTS, editCost, rankSuggestions, suggestionScore, type RankWeights } from '../../src/guardrails/spelling/rank.js';
import { createSpellChecker } from '../../src/guardrails/spelling/spelling.js';
import type { CheckLanguage } from '../../src/guardrails/types.js';
import { accuracy, readPairs, sampleOf, splitOf, type Pair } from './spelling.js';
import { syntheticPairs } from './spelling-fr.js';

const GRIDS: Record<keyof RankWeights, number[]> = {
  vowel: [0.2, 0.3, 0.4, 0.55, 0.7, 0.85, 1],
  // A prior for typed text, not tuned: en-misspellings was handwritten, where keyboard slips do not occur.
  adjacentKey: [0.6],
  firstLetter: [0, 0.25, 0.5, 0.75, 1, 1.25, 1.5, 2],
  name: [0, 0.25, 0.5, 1, 1.5, 2, 3],
  possessive: [0, 0.3, 0.6, 1, 1.5],
  split: [0, 0.3, 0.6, 1, 1.5],
  frequency: [0, 0.5, 1, 1.5, 2, 2.5, 3, 4],
};

/**
 * The French benchmark's errors are synthetic, drawn uniformly over positions: it would price a
 * changed first letter like any other, while real writers rarely get it wrong. Kept as a prior there.
 */
const FIXED_IN_FRENCH: Partial<Record<keyof RankWeights, number[]>> = { firstLetter: [0.5] };

const argument = (name: string): string | undefined => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
};

const dataDir = resolve(argument('--data') ?? '../shared/datasets');
const language: CheckLanguage = argument('--language') === 'fr' ? 'fr' : 'en';
const size = Number(argument('--sample') ?? 3_000);
const checker = createSpellChecker({ suggestionsInCheck: 'none' });
await checker.ready(language);
const { counts } = await loadDictionary(language);

const prepare = (half: 'tune' | 'eval'): { sample: Pair[]; candidates: string[][] } => {
  const sample =
    language === 'en'
      ? sampleOf(
          readPairs(dataDir).filter((p) => splitOf(p) === half && !checker.isKnown(p.wrong, 'en')),
          size,
        )
      : syntheticPairs(dataDir, checker, half, Math.ceil(size / 6)).pairs.filter((p) => !checker.isKnown(p.wrong, 'fr'));
  return { sample, candidates: sample.map((p) => checker.candidates(p.wrong, language)) };
};

/**
 * The score of rank.ts's `suggestionScore`, split into its terms so that a grid step recomputes
 * only the edit cost, and only for a new (vowel, adjacentKey) pair.
 */
interface Terms {
  candidate: string;
  firstLetter: number;
  name: number;
  possessive: number;
  split: number;
  commonness: number;
  edit: Map<string, number>;
}

const termsCache = new WeakMap<string[], Terms[]>();

function termsOf(word: string, candidates: string[]): Terms[] {
  let terms = termsCache.get(candidates);
  if (!terms) {
    const none: RankWeights = { vowel: 0, adjacentKey: 0, firstLetter: 0, name: 0, possessive: 0, split: 0, frequency: 0 };
    const term = (candidate: string, key: keyof RankWeights): number =>
      suggestionScore(word, candidate, language, { counts, weights: { ...none, vowel: 1, adjacentKey: 1, [key]: 1 } }) -
      editCost(word, candidate, language, { ...none, vowel: 1, adjacentKey: 1 });
    terms = [...new Set(candidates)].map((candidate) => ({
      candidate,
      firstLetter: term(candidate, 'firstLetter'),
      name: term(candidate, 'name'),
      possessive: term(candidate, 'possessive'),
      split: term(candidate, 'split'),
      commonness: counts.commonness(candidate),
      edit: new Map(),
    }));
    termsCache.set(candidates, terms);
  }
  return terms;
}

function fastRank(word: string, candidates: string[], w: RankWeights): string[] {
  const editKey = `${w.vowel}/${w.adjacentKey}`;
  const scored = termsOf(word, candidates).map((t, index) => {
    let edit = t.edit.get(editKey);
    if (edit === undefined) {
      edit = editCost(word, t.candidate, language, w);
      t.edit.set(editKey, edit);
    }
    const score =
      edit + w.firstLetter * t.firstLetter + w.name * t.name + w.possessive * t.possessive + w.split * t.split - w.frequency * t.commonness;
    return { candidate: t.candidate, score: score + index * 0.0001 };
  });
  scored.sort((a, b) => a.score - b.score);
  return scored.slice(0, 5).map((s) => s.candidate);
}

const evaluate = (set: { sample: Pair[]; candidates: string[][] }, weights: RankWeights, exact = false): { top1: number; top5: number } =>
  accuracy(
    set.sample,
    set.sample.map((p, i) =>
      exact
        ? rankSuggestions(p.wrong, set.candidates[i] ?? [], language, 5, { counts, weights })
        : fastRank(p.wrong, set.candidates[i] ?? [], weights),
    ),
  );

const tune = prepare('tune');
let best = { ...DEFAULT_RANK_WEIGHTS[language] };
const objective = (w: RankWeights): number => {
  const { top1, top5 } = evaluate(tune, w);
  return top1 + top5;
};
let bestScore = objective(best);
console.log(`${language}, tune half: ${tune.sample.length} pairs; start top-1 + top-5 = ${(bestScore * 100).toFixed(1)}`);
for (let pass = 0; pass < 4; pass++) {
  let improved = false;
  for (const key of Object.keys(GRIDS) as (keyof RankWeights)[]) {
    for (const value of (language === 'fr' ? FIXED_IN_FRENCH[key] : undefined) ?? GRIDS[key]) {
      const trial = { ...best, [key]: value };
      const score = objective(trial);
      if (score > bestScore + 1e-9) {
        best = trial;
        bestScore = score;
        improved = true;
      }
    }
  }
  console.log(`pass ${pass + 1}: top-1 + top-5 = ${(bestScore * 100).toFixed(1)}`, JSON.stringify(best));
  if (!improved) {
    break;
  }
}
const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;
// Through rank.ts itself, to check that the split terms above add up to the same ranking.
const tuned = evaluate(tune, best, true);
const evalSet = prepare('eval');
const before = evaluate(evalSet, DEFAULT_RANK_WEIGHTS[language], true);
const after = evaluate(evalSet, best, true);
console.log(`tune half (n=${tune.sample.length}), tuned weights: top-1 ${pct(tuned.top1)}, top-5 ${pct(tuned.top5)}`);
console.log(`eval half (n=${evalSet.sample.length}), current defaults: top-1 ${pct(before.top1)}, top-5 ${pct(before.top5)}`);
console.log(`eval half (n=${evalSet.sample.length}), tuned weights:    top-1 ${pct(after.top1)}, top-5 ${pct(after.top5)}`);

/** Matching a sentence with the fact register: by value (same price or number) or by topic (shared words). */
import { foldForSearch } from '../../analysis/extract/fold.js';
import { STOP_WORDS } from '../../analysis/extract/stopwords.js';
import { fold } from '../text/folded-text.js';
import type { CheckLanguage } from '../types.js';
import type { Fact } from './fact.js';
import { findQuantities, parseNumber, type Quantity, type QuantityKind } from './quantities.js';

export interface RegisteredFact {
  fact: Fact;
  /** The fact's value as a quantity, when it is one. */
  amount?: { kind: QuantityKind | 'number'; value: number };
  words: ReadonlySet<string>;
}

const FOLDED_STOP_WORDS = new Set([...STOP_WORDS].map((word) => foldForSearch(word)));
const CONTENT_WORD = /\p{L}[\p{L}']*/gu;
const ELISION = /^(?:l|d|j|m|n|s|t|c|qu)'/u;
const BARE_NUMBER = /^\s*(\d[\d\s.,]*)\s*$/u;
const MIN_TOPIC_RATIO = 0.5;

/** Content words, folded, elisions cut, a plural -s dropped: what a topic is made of. */
export function contentWords(text: string): Set<string> {
  const words = new Set<string>();
  for (const match of foldForSearch(text).matchAll(CONTENT_WORD)) {
    const word = match[0].replace(ELISION, '');
    if (word.length >= 3 && !FOLDED_STOP_WORDS.has(word)) {
      words.add(word.length > 3 && word.endsWith('s') ? word.slice(0, -1) : word);
    }
  }
  return words;
}

/** Prepares the register once per check. */
export function prepareFacts(facts: readonly Fact[], language: CheckLanguage): RegisteredFact[] {
  return facts.map((fact) => {
    const registered: RegisteredFact = { fact, words: contentWords(fact.statement) };
    if (fact.value !== undefined) {
      const [quantity] = findQuantities(fold(fact.value), language);
      const bare = BARE_NUMBER.exec(fact.value);
      if (quantity !== undefined) {
        registered.amount = { kind: quantity.kind, value: quantity.value };
      } else if (bare?.[1] !== undefined) {
        registered.amount = { kind: 'number', value: parseNumber(bare[1].trim(), language) };
      }
    }
    return registered;
  });
}

/** The sentence is about the fact: at least half of the statement's words, and two of them (or all, if fewer). */
export function sameTopic(fact: RegisteredFact, sentenceWords: ReadonlySet<string>): boolean {
  if (fact.words.size === 0) {
    return false;
  }
  let shared = 0;
  for (const word of fact.words) {
    if (sentenceWords.has(word)) {
      shared++;
    }
  }
  return shared >= Math.min(2, fact.words.size) && shared / fact.words.size >= MIN_TOPIC_RATIO;
}

/** The quantities of the sentence comparable with the fact's value (same kind; a bare number compares with all). */
export function comparable(fact: RegisteredFact, quantities: readonly Quantity[]): Quantity[] {
  const amount = fact.amount;
  if (amount === undefined) {
    return [];
  }
  return quantities.filter((quantity) => amount.kind === 'number' || quantity.kind === amount.kind);
}

export function sameValue(a: number, b: number): boolean {
  return Math.abs(a - b) < 1e-9;
}

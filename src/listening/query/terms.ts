/**
 * Where the terms of a query occur in a prepared item, and whether its fields pass: the pieces the
 * evaluator combines. Positions are token indexes, so proximity counts words.
 */
import type { FieldFilter, NearNode, NearOperand, QueryWord, TextTerm } from './ast.js';
import type { Occurrence, PreparedItem } from './item.js';

/** Positions where the query word occurs. */
function wordPositions(item: PreparedItem, word: QueryWord): readonly number[] {
  return word.prefix ? item.prefixPositions(word.text) : item.positions(word.text);
}

function wordAt(item: PreparedItem, position: number, word: QueryWord): boolean {
  const token = item.tokens.words[position];
  return token !== undefined && (word.prefix ? token.startsWith(word.text) : token === word.text);
}

function occurrence(item: PreparedItem, from: number, to: number): Occurrence {
  return { from, to, start: item.tokens.starts[from] as number, end: item.tokens.ends[to - 1] as number };
}

/** Occurrences of a text term, in text order; with `firstOnly`, at most one. */
export function findTerm(item: PreparedItem, term: TextTerm, firstOnly: boolean): Occurrence[] {
  const found: Occurrence[] = [];
  switch (term.type) {
    case 'word':
      for (const at of wordPositions(item, term.word)) {
        found.push(occurrence(item, at, at + 1));
        if (firstOnly) {
          break;
        }
      }
      return found;
    case 'phrase': {
      const [first, ...rest] = term.words as [QueryWord, ...QueryWord[]];
      for (const at of wordPositions(item, first)) {
        if (rest.every((word, i) => wordAt(item, at + 1 + i, word))) {
          found.push(occurrence(item, at, at + term.words.length));
          if (firstOnly) {
            break;
          }
        }
      }
      return found;
    }
    case 'hashtag': {
      const key = term.words.join(' ');
      for (const tag of item.hashtags()) {
        if (tag.key === key) {
          found.push(tag);
          if (firstOnly) {
            break;
          }
        }
      }
      return found;
    }
    case 'mention':
      for (const mention of item.mentions()) {
        // `@alice` also names `@alice@mastodon.social`; a full handle names only itself.
        if (
          mention.key === term.handle ||
          (!term.handle.includes('@') && mention.key.startsWith(`${term.handle}@`))
        ) {
          found.push(mention);
          if (firstOnly) {
            break;
          }
        }
      }
      return found;
  }
}

function findOperand(item: PreparedItem, operand: NearOperand): Occurrence[] {
  if (operand.type !== 'alternatives') {
    return findTerm(item, operand, false);
  }
  return operand.terms
    .flatMap((term) => findTerm(item, term, false))
    .sort((a, b) => a.from - b.from || a.to - b.to);
}

/**
 * Proximity, with the semantics of SQLite FTS5's NEAR (so its prefilter never loses a match): one
 * occurrence of each operand such that, between the end of the first (in text order) and the start
 * of the last, there are at most `distance` words. Stricter than FTS5 in one way: the operands
 * start at different words, so `nike NEAR/3 nike` needs two of them.
 *
 * Returns the occurrences of every anchor that satisfies it (all of them when `collect`, else the
 * first); an empty list when none does.
 */
export function findNear(item: PreparedItem, near: NearNode, collect: boolean): Occurrence[] {
  const lists = near.operands.map((operand) => findOperand(item, operand));
  if (lists.some((list) => list.length === 0)) {
    return [];
  }
  const found: Occurrence[] = [];
  for (let a = 0; a < lists.length; a++) {
    for (const anchor of lists[a] as Occurrence[]) {
      const last = anchor.to + near.distance;
      const candidates = lists.map((list, i) =>
        i === a ? [] : list.filter((o) => o.from > anchor.from && o.from <= last),
      );
      const chosen = assignDistinct(candidates, a);
      if (chosen) {
        found.push(anchor, ...chosen);
        if (!collect) {
          return found;
        }
      }
    }
  }
  return found;
}

/**
 * One candidate per operand (but `skip`), no two starting at the same word: bipartite matching
 * by augmenting paths (operands are few, candidates fewer).
 */
function assignDistinct(candidates: Occurrence[][], skip: number): Occurrence[] | undefined {
  const owner = new Map<number, number>();
  const pick = new Map<number, Occurrence>();
  const tryAssign = (operand: number, seen: Set<number>): boolean => {
    for (const candidate of candidates[operand] as Occurrence[]) {
      if (seen.has(candidate.from)) {
        continue;
      }
      seen.add(candidate.from);
      const holder = owner.get(candidate.from);
      if (holder === undefined || tryAssign(holder, seen)) {
        owner.set(candidate.from, operand);
        pick.set(operand, candidate);
        return true;
      }
    }
    return false;
  };
  for (let operand = 0; operand < candidates.length; operand++) {
    if (operand !== skip && !tryAssign(operand, new Set())) {
      return undefined;
    }
  }
  return [...pick.values()];
}

/** Whether the item satisfies the filter (before any NOT around it). */
export function fieldPasses(item: PreparedItem, filter: FieldFilter): boolean {
  const { item: source } = item;
  switch (filter.field) {
    case 'lang':
      return filter.values.includes(source.language.toLowerCase());
    case 'network':
      return filter.values.includes(source.network.toLowerCase());
    case 'sentiment':
      return source.sentiment !== null && filter.values.includes(source.sentiment);
    case 'intent':
      return source.intents.some((intent) => filter.values.includes(intent));
    case 'author':
      return filter.values.includes(normalizeHandle(source.author.handle));
    case 'followers': {
      const followers = source.author.followers;
      return (
        followers !== null &&
        (filter.min === null || followers >= filter.min) &&
        (filter.max === null || followers <= filter.max)
      );
    }
    case 'has':
      return filter.values.some((feature) => {
        switch (feature) {
          case 'link':
            return source.hasLink;
          case 'image':
            return source.hasImage;
          case 'mention':
            return item.mentions().length > 0;
          case 'hashtag':
            return item.hashtags().length > 0;
        }
      });
  }
}

/** The item's value for the filter's field, for "why it matched". */
export function fieldValue(
  item: PreparedItem,
  filter: FieldFilter,
): string | number | boolean | string[] | null {
  const { item: source } = item;
  switch (filter.field) {
    case 'lang':
      return source.language;
    case 'network':
      return source.network;
    case 'sentiment':
      return source.sentiment;
    case 'intent':
      return [...source.intents];
    case 'author':
      return normalizeHandle(source.author.handle);
    case 'followers':
      return source.author.followers;
    case 'has':
      return filter.values.filter((feature) => fieldPasses(item, { field: 'has', values: [feature] }));
  }
}

/** A handle as compared: lower case, without a leading '@'. */
export function normalizeHandle(handle: string): string {
  const lower = handle.toLowerCase();
  return lower.startsWith('@') ? lower.slice(1) : lower;
}

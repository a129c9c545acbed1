/**
 * The workspace's brand, products and competitors in a text: case- and accent-insensitive, whole
 * words, longest first, also glued inside hashtags and handles (#MaisonLumiere, @maison_lumiere).
 * Spans point into the original text.
 */
import type { NamedThingMatch, NamedThings } from '../types.js';
import { foldForSearch, foldText, originalSpan } from './fold.js';
import { findHashtags } from './hashtags.js';
import { findMentions } from './mentions.js';

type Kind = NamedThingMatch['kind'];

interface Entry {
  kind: Kind;
  name: string;
}

/** Named things compiled once per settings object: folded names in one regular expression. */
export interface NamedThingsMatcher {
  /** Folded name ("maison lumiere") → entry. */
  byFolded: Map<string, Entry>;
  /** Compact name ("maisonlumiere") → entry, for hashtags and handles. */
  byCompact: Map<string, Entry>;
  /** Alternation of folded names, longest first, between non-word characters; undefined if none. */
  pattern: RegExp | undefined;
}

const compiled = new WeakMap<NamedThings, NamedThingsMatcher>();

/** Compiles the named things (cached per object): call once per workspace settings. */
export function compileNamedThings(named: NamedThings): NamedThingsMatcher {
  let matcher = compiled.get(named);
  if (matcher === undefined) {
    matcher = build(named);
    compiled.set(named, matcher);
  }
  return matcher;
}

function build(named: NamedThings): NamedThingsMatcher {
  const byFolded = new Map<string, Entry>();
  const byCompact = new Map<string, Entry>();
  const kinds: [Kind, string[] | undefined][] = [
    ['brand', named.brand],
    ['product', named.products],
    ['competitor', named.competitors],
  ];
  // Brand first: a name listed twice keeps its first kind.
  for (const [kind, names] of kinds) {
    for (const raw of names ?? []) {
      const name = raw.trim();
      const folded = foldText(name).text.trim();
      if (folded === '') {
        continue;
      }
      if (!byFolded.has(folded)) {
        byFolded.set(folded, { kind, name });
      }
      const compact = foldText(name, true).text;
      // Short compact forms ("hp", "x") would match inside unrelated tags.
      if (compact.length >= 4 && !byCompact.has(compact)) {
        byCompact.set(compact, { kind, name });
      }
    }
  }
  const alternatives = [...byFolded.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const pattern =
    alternatives.length === 0
      ? undefined
      : new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  return { byFolded, byCompact, pattern };
}

/** Named things found in `text`, in order; overlapping finds keep the longest. */
export function findNamedThings(text: string, named: NamedThings | NamedThingsMatcher): NamedThingMatch[] {
  const matcher = 'byFolded' in named ? named : compileNamedThings(named);
  if (matcher.pattern === undefined) {
    return [];
  }
  const found: NamedThingMatch[] = [];
  // Most texts name nothing: a cheap test first, the span map only when something matches.
  matcher.pattern.lastIndex = 0;
  const maybe = matcher.pattern.test(foldForSearch(text));
  // test() on a global pattern moves lastIndex, which matchAll() would start from.
  matcher.pattern.lastIndex = 0;
  if (maybe) {
    const folded = foldText(text);
    for (const match of folded.text.matchAll(matcher.pattern)) {
      const entry = matcher.byFolded.get(match[0]);
      if (entry !== undefined) {
        const [start, end] = originalSpan(folded, match.index, match.index + match[0].length);
        found.push({ kind: entry.kind, name: entry.name, start, end });
      }
    }
  }
  if (matcher.byCompact.size > 0 && (text.includes('#') || text.includes('@'))) {
    findInTags(text, matcher, found);
  }
  return longestFirst(found);
}

/** Names glued inside hashtags and handles, starting and ending at word or case boundaries. */
function findInTags(text: string, matcher: NamedThingsMatcher, found: NamedThingMatch[]): void {
  const tags = [
    ...findHashtags(text).map(({ start, end }) => ({ start: start + 1, end })),
    ...findMentions(text).map(({ start, end }) => ({ start: start + 1, end })),
  ];
  for (const tag of tags) {
    const body = text.slice(tag.start, tag.end);
    const compact = foldText(body, true);
    for (const [name, entry] of matcher.byCompact) {
      let at = compact.text.indexOf(name);
      while (at >= 0) {
        const [start, end] = originalSpan(compact, at, at + name.length);
        if (isBoundary(body, start) && isBoundary(body, end)) {
          found.push({ kind: entry.kind, name: entry.name, start: tag.start + start, end: tag.start + end });
        }
        at = compact.text.indexOf(name, at + 1);
      }
    }
  }
}

const LOWER = /\p{Ll}/u;
const UPPER = /\p{Lu}/u;
const LETTER = /\p{L}/u;

/** A word edge inside a tag: its ends, a non-letter on either side, or a lower→upper case change. */
function isBoundary(body: string, index: number): boolean {
  if (index <= 0 || index >= body.length) {
    return true;
  }
  const before = body[index - 1] as string;
  const after = body[index] as string;
  return !LETTER.test(before) || !LETTER.test(after) || (LOWER.test(before) && UPPER.test(after));
}

function longestFirst(found: NamedThingMatch[]): NamedThingMatch[] {
  const byLength = [...found].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: NamedThingMatch[] = [];
  for (const match of byLength) {
    if (kept.every((other) => match.end <= other.start || match.start >= other.end)) {
      kept.push(match);
    }
  }
  return kept.sort((a, b) => a.start - b.start);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

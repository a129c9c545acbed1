/**
 * What a query is matched against, and the item prepared once for any number of queries: its text
 * tokenised, a word index, hashtags and mentions, all built lazily on first need.
 */
import type { IntentLabel, SentimentLabel } from '../../analysis/types.js';
import { findHashtags } from '../../analysis/extract/hashtags.js';
import { findMentions } from '../../analysis/extract/mentions.js';
import { tokenize, type TextTokens } from './text-tokens.js';

/** An item of the listening stream, as far as queries are concerned. */
export interface MatchableItem {
  text: string;
  /** ISO 639-1 code from the analyzer; `und` when unknown. */
  language: string;
  author: {
    /** Without '@': `alice.bsky.social`, `user@mastodon.social`. */
    handle: string;
    /** Null when the network did not say. */
    followers: number | null;
  };
  /** `bluesky`, `mastodon`, `rss`, `webhook`, `import`, or an imported network's name. */
  network: string;
  /** Null until analysed. */
  sentiment: SentimentLabel | null;
  intents: readonly IntentLabel[];
  /** A link in the text or attached (a card). */
  hasLink: boolean;
  hasImage: boolean;
}

/** Where a term occurs: token positions [from, to) and the original characters [start, end). */
export interface Occurrence {
  from: number;
  to: number;
  start: number;
  end: number;
}

/** A hashtag or mention of the text, with its folded key. */
export interface TaggedRun extends Occurrence {
  /** Hashtags: the tag's folded words joined by spaces; mentions: the handle in lower case. */
  key: string;
}

const NONE: readonly number[] = [];

/** Lookups answered by scanning the words before building a map is worth it. */
const SCANS_BEFORE_INDEX = 8;

export class PreparedItem {
  private words: TextTokens | undefined;
  private index: Map<string, number[]> | undefined;
  private scans = 0;
  private prefixes: Map<string, readonly number[]> | undefined;
  private tags: TaggedRun[] | undefined;
  private handles: TaggedRun[] | undefined;

  constructor(readonly item: MatchableItem) {}

  /** The text's words, tokenised on first use: a query whose filters fail never pays for it. */
  get tokens(): TextTokens {
    this.words ??= tokenize(this.item.text);
    return this.words;
  }

  /** Positions of `word` (folded), ascending. */
  positions(word: string): readonly number[] {
    if (this.index === undefined && this.scans < SCANS_BEFORE_INDEX) {
      // One query asks for a few words: scanning ~20 words beats building a map.
      this.scans++;
      return this.scan((token) => token === word);
    }
    return this.wordIndex().get(word) ?? NONE;
  }

  /** Positions of the words starting with `prefix` (folded), ascending. */
  prefixPositions(prefix: string): readonly number[] {
    this.prefixes ??= new Map();
    let found = this.prefixes.get(prefix);
    if (found === undefined) {
      if (this.index === undefined) {
        found = this.scan((token) => token.startsWith(prefix));
      } else {
        const positions: number[] = [];
        for (const [word, at] of this.index) {
          if (word.startsWith(prefix)) {
            positions.push(...at);
          }
        }
        found = positions.sort((a, b) => a - b);
      }
      this.prefixes.set(prefix, found);
    }
    return found;
  }

  private scan(accept: (token: string) => boolean): readonly number[] {
    const { words } = this.tokens;
    let found: number[] | undefined;
    for (let i = 0; i < words.length; i++) {
      if (accept(words[i] as string)) {
        (found ??= []).push(i);
      }
    }
    return found ?? NONE;
  }

  hashtags(): readonly TaggedRun[] {
    this.tags ??= findHashtags(this.item.text).map((match) => this.run(match.start, match.end, null));
    return this.tags;
  }

  mentions(): readonly TaggedRun[] {
    this.handles ??= findMentions(this.item.text).map((match) =>
      this.run(match.start, match.end, match.handle.toLowerCase()),
    );
    return this.handles;
  }

  private wordIndex(): Map<string, number[]> {
    if (this.index === undefined) {
      this.index = new Map();
      const { words } = this.tokens;
      for (let i = 0; i < words.length; i++) {
        const word = words[i] as string;
        const at = this.index.get(word);
        if (at) {
          at.push(i);
        } else {
          this.index.set(word, [i]);
        }
      }
    }
    return this.index;
  }

  /** The tokens inside the characters [start, end); `key` null: their words joined. */
  private run(start: number, end: number, key: string | null): TaggedRun {
    const { starts, ends, words } = this.tokens;
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((starts[mid] as number) < start) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    let to = low;
    while (to < ends.length && (ends[to] as number) <= end) {
      to++;
    }
    return { from: low, to, start, end, key: key ?? words.slice(low, to).join(' ') };
  }
}

/** The item prepared, or prepares it. */
export function prepareItem(item: MatchableItem | PreparedItem): PreparedItem {
  return item instanceof PreparedItem ? item : new PreparedItem(item);
}

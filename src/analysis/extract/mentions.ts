/**
 * Handles: X / Instagram (@name, @first.last), Bluesky domain handles (@alice.bsky.social,
 * @brand.com) and Mastodon (@user@instance.social). An '@' after a letter or digit is an e-mail.
 */
import { unique } from './urls.js';

const MENTION =
  /(?<![\p{L}\p{N}_.@/+-])@([A-Za-z0-9_]+(?:[.-][A-Za-z0-9_]+)*)(?:@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+))?(?![\p{L}\p{N}_@])/gu;

export interface MentionMatch {
  /** The handle without its leading '@', as written. */
  handle: string;
  /** Span of the handle, '@' included. */
  start: number;
  end: number;
}

/** Handles without the leading '@', as written, in order, deduplicated ignoring case. */
export function extractMentions(text: string): string[] {
  return findMentions(text)
    .map((match) => match.handle)
    .filter(unique());
}

/** Handles with their spans in `text`. */
export function findMentions(text: string): MentionMatch[] {
  if (!text.includes('@')) {
    return [];
  }
  const found: MentionMatch[] = [];
  for (const match of text.matchAll(MENTION)) {
    const handle = match[0].slice(1);
    found.push({ handle, start: match.index, end: match.index + match[0].length });
  }
  return found;
}

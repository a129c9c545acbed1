/** Hashtags: '#' then Unicode letters, marks, digits and underscores, with at least one letter. */
import { unique } from './urls.js';

// Not after a word character, '&' (HTML entities) or '/' (URL fragments); a lone number is not a tag.
const HASHTAG = /(?<![\p{L}\p{M}\p{N}_&/#])[#＃]([\p{L}\p{M}\p{N}_]*\p{L}[\p{L}\p{M}\p{N}_]*)/gu;

export interface HashtagMatch {
  /** The tag without '#', as written. */
  tag: string;
  /** Span of the tag, '#' included. */
  start: number;
  end: number;
}

/** Tags without '#', in their original case, in order, deduplicated ignoring case (first spelling kept). */
export function extractHashtags(text: string): string[] {
  return findHashtags(text)
    .map((match) => match.tag)
    .filter(unique());
}

/** Hashtags with their spans in `text`. */
export function findHashtags(text: string): HashtagMatch[] {
  if (!text.includes('#') && !text.includes('＃')) {
    return [];
  }
  const found: HashtagMatch[] = [];
  for (const match of text.matchAll(HASHTAG)) {
    found.push({ tag: match[1] as string, start: match.index, end: match.index + match[0].length });
  }
  return found;
}

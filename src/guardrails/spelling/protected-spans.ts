/**
 * Spans that no text check may touch: links, @handles, #hashtags and e-mail addresses. Masking
 * keeps string indices, so findings on the masked text point into the original.
 */
import { findHashtags, findMentions, findUrls } from '../../analysis/extract/index.js';

/** Private-use character: neither a letter, a space nor punctuation, so no rule fires on a mask. */
export const MASK_CHAR = '\uE000';

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;

export interface Span {
  start: number;
  end: number;
}

/** Links, handles, hashtags and e-mail addresses in `text`, possibly overlapping. */
export function findProtectedSpans(text: string): Span[] {
  const spans: Span[] = [...findUrls(text), ...findMentions(text), ...findHashtags(text)].map(({ start, end }) => ({
    start,
    end,
  }));
  if (text.includes('@')) {
    for (const match of text.matchAll(EMAIL)) {
      spans.push({ start: match.index, end: match.index + match[0].length });
    }
  }
  return spans;
}

/** `text` with every protected span replaced by MASK_CHAR, same length. */
export function maskProtected(text: string): string {
  const spans = findProtectedSpans(text);
  if (spans.length === 0) {
    return text;
  }
  const chars = text.split('');
  for (const { start, end } of spans) {
    for (let i = start; i < end; i++) {
      chars[i] = MASK_CHAR;
    }
  }
  return chars.join('');
}

/** Sentences with their spans, for checks that reason per sentence (reading level, claims). */
import type { Span } from './folded-text.js';

export interface Sentence extends Span {
  text: string;
}

// A sentence ends at . ! ? … (or a run of them) followed by whitespace, or at a line break. A
// period between digits ("2.5") or inside a URL is not followed by whitespace, so it never ends one.
const BOUNDARY = /[.!?…]+(?=\s|$)|\n+/gu;

/** Splits `text` into trimmed, non-empty sentences with spans in `text`. */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let from = 0;
  for (const match of text.matchAll(BOUNDARY)) {
    push(text, from, match.index + (match[0].startsWith('\n') ? 0 : match[0].length), sentences);
    from = match.index + match[0].length;
  }
  push(text, from, text.length, sentences);
  return sentences;
}

const SPACE = /\s/u;

function push(text: string, from: number, to: number, out: Sentence[]): void {
  let start = from;
  let end = to;
  while (start < end && SPACE.test(text[start] ?? '')) {
    start++;
  }
  while (end > start && SPACE.test(text[end - 1] ?? '')) {
    end--;
  }
  if (end > start) {
    out.push({ start, end, text: text.slice(start, end) });
  }
}

/**
 * Splits a query into parentheses, '-' (NOT before a term), quoted phrases (with an optional
 * `~N`) and bare words. Operators and fields are bare words the parser recognises.
 */
import { QuerySyntaxError } from './errors.js';

export type LexToken =
  | { kind: 'lparen' | 'rparen' | 'minus'; start: number; end: number }
  | {
      kind: 'quoted';
      /** Between the quotes. */
      content: string;
      contentStart: number;
      /** The number after `~`, if any, and where the `~` is. */
      distance: number | null;
      tildeAt: number;
      start: number;
      end: number;
    }
  | { kind: 'bare'; text: string; start: number; end: number };

/** Opening quote → closing quote: straight, typographic and French quotes. */
const QUOTES: Readonly<Record<string, string>> = { '"': '"', '“': '”', '«': '»', '„': '“' };
const SPACE = /\s/u;

function isSpace(char: string | undefined): boolean {
  return char !== undefined && SPACE.test(char);
}

function endsBare(char: string): boolean {
  return char === '(' || char === ')' || QUOTES[char] !== undefined || isSpace(char);
}

export function lex(source: string): LexToken[] {
  const tokens: LexToken[] = [];
  let i = 0;
  while (i < source.length) {
    const char = source[i] as string;
    if (isSpace(char)) {
      i++;
    } else if (char === '(' || char === ')') {
      tokens.push({ kind: char === '(' ? 'lparen' : 'rparen', start: i, end: i + 1 });
      i++;
    } else if (char === '-' && i + 1 < source.length && !isSpace(source[i + 1]) && source[i + 1] !== ')') {
      // '-' opening a term negates it; inside a word ("e-mail") it is part of the word.
      tokens.push({ kind: 'minus', start: i, end: i + 1 });
      i++;
    } else if (QUOTES[char] !== undefined) {
      i = lexQuoted(source, i, QUOTES[char], tokens);
    } else {
      const start = i;
      while (i < source.length && !endsBare(source[i] as string)) {
        i++;
      }
      tokens.push({ kind: 'bare', text: source.slice(start, i), start, end: i });
    }
  }
  return tokens;
}

/** Reads `"…"` and an optional `~N` from `start`; returns the position after them. */
function lexQuoted(source: string, start: number, closing: string, tokens: LexToken[]): number {
  const close = source.indexOf(closing, start + 1);
  if (close < 0) {
    throw new QuerySyntaxError('unclosed_quote', start, start + 1);
  }
  let end = close + 1;
  let distance: number | null = null;
  const tildeAt = end;
  if (source[end] === '~') {
    let digits = end + 1;
    while (digits < source.length && /[0-9]/.test(source[digits] as string)) {
      digits++;
    }
    if (digits === end + 1 || (digits < source.length && !endsBare(source[digits] as string))) {
      throw new QuerySyntaxError('proximity_distance', end, end + 1);
    }
    distance = Number(source.slice(end + 1, digits));
    end = digits;
  }
  tokens.push({
    kind: 'quoted',
    content: source.slice(start + 1, close),
    contentStart: start + 1,
    distance,
    tildeAt,
    start,
    end,
  });
  return end;
}

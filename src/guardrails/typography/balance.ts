/** Unbalanced brackets and quotes, each finding pointing at the unmatched mark. */
import type { Finding } from '../types.js';
import { isSmileyAt, typographyFinding } from './finding.js';

const PAIRS: Record<string, string> = { '(': ')', '[': ']', '{': '}', '“': '”', '«': '»' };
const CLOSERS = new Map(Object.entries(PAIRS).map(([open, close]) => [close, open]));

export function unbalanced(text: string, masked: string): Finding[] {
  const findings: Finding[] = [];
  const open: { char: string; index: number }[] = [];
  const straightQuotes: number[] = [];
  for (let i = 0; i < masked.length; i++) {
    const char = masked.charAt(i);
    if (char === '"') {
      straightQuotes.push(i);
    } else if (PAIRS[char] !== undefined) {
      if (!isSmileyBracket(masked, i)) {
        open.push({ char, index: i });
      }
    } else if (CLOSERS.has(char)) {
      const opener = CLOSERS.get(char);
      const top = open[open.length - 1];
      if (top && top.char === opener) {
        open.pop();
      } else if (!isSmileyBracket(masked, i) && !isEnumerator(masked, i)) {
        findings.push(finding(text, i, `“${char}” closes nothing: its “${opener}” is missing.`));
      }
    }
  }
  for (const { char, index } of open) {
    findings.push(finding(text, index, `“${char}” is never closed: its “${PAIRS[char]}” is missing.`));
  }
  if (straightQuotes.length % 2 === 1) {
    const last = straightQuotes[straightQuotes.length - 1] as number;
    findings.push(finding(text, last, 'This “"” has no partner: a quotation is left open.'));
  }
  return findings.sort((a, b) => a.start - b.start);
}

function finding(text: string, index: number, message: string): Finding {
  const rule = /["“”«»]/u.test(text.charAt(index)) ? 'typography.unbalanced-quote' : 'typography.unbalanced-bracket';
  return typographyFinding(text, rule, 'warning', index, index + 1, message);
}

/** The bracket ends a smiley: ":)", ":-(", ";)", ":'(". */
function isSmileyBracket(masked: string, i: number): boolean {
  for (let back = 1; back <= 2; back++) {
    if (i - back >= 0 && isSmileyAt(masked, i - back)) {
      return true;
    }
  }
  return false;
}

/** "1)" or "a)" opening a list item. */
function isEnumerator(masked: string, i: number): boolean {
  return /(?:^|\s)(?:\d{1,2}|[a-zA-Z])$/u.test(masked.slice(Math.max(0, i - 3), i));
}

/** Builds typography findings from spans of the original text. */
import type { Finding, Severity } from '../types.js';

export function typographyFinding(
  text: string,
  rule: string,
  severity: Severity,
  start: number,
  end: number,
  message: string,
  suggestions: string[] = [],
): Finding {
  return { rule, category: 'typography', severity, start, end, text: text.slice(start, end), message, suggestions };
}

/** ":)", ":-(", ";D", ":P", ":/" and friends start at `index` (the ':' or ';'). */
export function isSmileyAt(text: string, index: number): boolean {
  return /^[:;8=][-'^]?[()[\]DPpOo/|*3]/u.test(text.slice(index, index + 3)) && !/^[:;][/]{2}/u.test(text.slice(index, index + 3));
}

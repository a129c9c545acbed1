/** Pure text work on findings: applying a suggestion and cutting a text into highlighted segments. */
import type { Finding, Severity } from './check.api';

/**
 * The text with the finding's passage [start, end) replaced by the suggestion; the text unchanged
 * when the passage no longer holds what was flagged (the text was edited since the check).
 */
export function applySuggestion(
  text: string,
  finding: Pick<Finding, 'start' | 'end' | 'text'>,
  suggestion: string,
): string {
  if (text.slice(finding.start, finding.end) !== finding.text) {
    return text;
  }
  return text.slice(0, finding.start) + suggestion + text.slice(finding.end);
}

export interface Segment {
  start: number;
  end: number;
  text: string;
  /** The findings covering this whole segment; empty for plain text. */
  findings: Finding[];
}

const RANK: Record<Severity, number> = { error: 3, warning: 2, suggestion: 1 };

/** The most serious severity among findings, or null when there are none. */
export function worstSeverity(findings: readonly Finding[]): Severity | null {
  let worst: Severity | null = null;
  for (const finding of findings) {
    if (worst === null || RANK[finding.severity] > RANK[worst]) {
      worst = finding.severity;
    }
  }
  return worst;
}

/**
 * Cuts the text into consecutive segments that cover it exactly, each flagged by the findings
 * spanning it; overlapping findings split the text at every boundary. Empty or out-of-range spans
 * are ignored (a missing disclosure flags no passage).
 */
export function segmentsFor(text: string, findings: readonly Finding[]): Segment[] {
  const spans = findings
    .map((finding) => ({
      finding,
      start: Math.max(0, finding.start),
      end: Math.min(text.length, finding.end),
    }))
    .filter((span) => span.start < span.end);
  const cuts = [...new Set([0, text.length, ...spans.flatMap((span) => [span.start, span.end])])].sort(
    (a, b) => a - b,
  );
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < cuts.length; i += 1) {
    const start = cuts[i] ?? 0;
    const end = cuts[i + 1] ?? start;
    const covering = spans
      .filter((span) => span.start <= start && span.end >= end)
      .map((span) => span.finding);
    const previous = segments.at(-1);
    if (previous && sameFindings(previous.findings, covering)) {
      previous.end = end;
      previous.text = text.slice(previous.start, end);
    } else {
      segments.push({ start, end, text: text.slice(start, end), findings: covering });
    }
  }
  return segments;
}

const sameFindings = (a: readonly Finding[], b: readonly Finding[]): boolean =>
  a.length === b.length && a.every((finding, i) => finding === b[i]);

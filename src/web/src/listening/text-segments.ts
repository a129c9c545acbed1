/** A text cut at highlighted spans, for rendering as React text nodes (never as HTML). */
import type { Span } from './listening.api';

export interface Segment {
  start: number;
  text: string;
  marked: boolean;
}

/** The text in order, in marked and unmarked pieces; spans are clamped, sorted and merged. */
export function segmentsOf(text: string, spans: readonly Span[]): Segment[] {
  const clamped = spans
    .map(({ start, end }) => ({
      start: Math.max(0, Math.min(start, text.length)),
      end: Math.max(0, Math.min(end, text.length)),
    }))
    .filter(({ start, end }) => end > start)
    .sort((a, b) => a.start - b.start);
  const segments: Segment[] = [];
  let at = 0;
  for (const span of clamped) {
    if (span.end <= at) {
      continue;
    }
    const start = Math.max(span.start, at);
    if (start > at) {
      segments.push({ start: at, text: text.slice(at, start), marked: false });
    }
    segments.push({ start, text: text.slice(start, span.end), marked: true });
    at = span.end;
  }
  if (at < text.length) {
    segments.push({ start: at, text: text.slice(at), marked: false });
  }
  return segments;
}

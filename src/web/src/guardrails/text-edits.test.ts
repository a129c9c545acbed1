import { describe, expect, it } from 'vitest';
import type { Finding } from './check.api';
import { applySuggestion, segmentsFor, worstSeverity } from './text-edits';

function buildFinding(text: string, start: number, overrides: Partial<Finding> = {}): Finding {
  const passage = overrides.text ?? text;
  return {
    rule: 'spelling',
    category: 'spelling',
    severity: 'error',
    start,
    end: start + passage.length,
    text: passage,
    message: `“${passage}” may be misspelt`,
    suggestions: [],
    ...overrides,
  };
}

const DRAFT = 'We have recieved your message!!';

describe('applySuggestion', () => {
  it('replaces the flagged passage with the suggestion', () => {
    expect(applySuggestion(DRAFT, buildFinding('recieved', 8), 'received')).toBe(
      'We have received your message!!',
    );
  });

  it('deletes the passage with an empty suggestion', () => {
    expect(applySuggestion('the the cat', buildFinding('the ', 0), '')).toBe('the cat');
  });

  it('counts in UTF-16 units, as the server does', () => {
    const text = '🎉 recieved';
    expect(applySuggestion(text, buildFinding('recieved', 3), 'received')).toBe('🎉 received');
  });

  it('leaves the text alone when the passage was edited since the check', () => {
    expect(applySuggestion('We have recei ved it', buildFinding('recieved', 8), 'received')).toBe(
      'We have recei ved it',
    );
  });
});

describe('segmentsFor', () => {
  it('returns the whole text as one plain segment without findings', () => {
    expect(segmentsFor(DRAFT, [])).toEqual([{ start: 0, end: DRAFT.length, text: DRAFT, findings: [] }]);
  });

  it('cuts around a flagged passage, covering the text exactly', () => {
    const finding = buildFinding('recieved', 8);
    const segments = segmentsFor(DRAFT, [finding]);
    expect(segments.map((s) => s.text)).toEqual(['We have ', 'recieved', ' your message!!']);
    expect(segments.map((s) => s.findings)).toEqual([[], [finding], []]);
    expect(segments.map((s) => s.text).join('')).toBe(DRAFT);
  });

  it('splits overlapping findings at every boundary', () => {
    const word = buildFinding('message', 22, { severity: 'warning' });
    const tail = buildFinding('age!!', 26, { severity: 'suggestion' });
    const segments = segmentsFor(DRAFT, [tail, word]);
    expect(segments.map((s) => s.text)).toEqual(['We have recieved your ', 'mess', 'age', '!!']);
    expect(segments.map((s) => s.findings.length)).toEqual([0, 1, 2, 1]);
  });

  it('ignores empty and out-of-range spans', () => {
    const empty = buildFinding('', 3);
    const beyond = buildFinding('x', 500);
    expect(segmentsFor('abc', [empty, beyond])).toEqual([{ start: 0, end: 3, text: 'abc', findings: [] }]);
  });

  it('returns nothing for an empty text', () => {
    expect(segmentsFor('', [])).toEqual([]);
  });
});

describe('worstSeverity', () => {
  it('ranks error over warning over suggestion', () => {
    const of = (...severities: Finding['severity'][]) =>
      severities.map((severity) => buildFinding('x', 0, { severity }));
    expect(worstSeverity(of('suggestion', 'error', 'warning'))).toBe('error');
    expect(worstSeverity(of('suggestion', 'warning'))).toBe('warning');
    expect(worstSeverity([])).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { describeDetails, formatDate, formatDateTime } from './format';

describe('formatDateTime', () => {
  it('shows the time in the workspace time zone, across a DST change', () => {
    // Paris moves from UTC+1 to UTC+2 at 01:00 UTC on 29 March 2026.
    expect(formatDateTime('2026-03-29T00:30:00Z', 'en-GB', 'Europe/Paris')).toContain('01:30');
    expect(formatDateTime('2026-03-29T01:30:00Z', 'en-GB', 'Europe/Paris')).toContain('03:30');
    expect(formatDateTime('2026-03-29T01:30:00Z', 'en-GB', 'America/New_York')).toContain('21:30');
  });

  it('writes the date in the interface language', () => {
    expect(formatDate('2026-07-14T12:00:00Z', 'fr', 'Europe/Paris')).toContain('juil.');
    expect(formatDate('2026-07-14T12:00:00Z', 'en', 'Europe/Paris')).toContain('Jul');
  });

  it('returns what is not a date unchanged', () => {
    expect(formatDateTime('not a date', 'en', 'UTC')).toBe('not a date');
  });

  it('falls back to the browser time zone for a zone Intl does not know', () => {
    expect(() => formatDateTime('2026-01-01T00:00:00Z', 'en', 'Mars/Olympus_Mons')).not.toThrow();
  });
});

describe('describeDetails', () => {
  it('writes one line per detail, text as is and the rest as JSON', () => {
    expect(describeDetails({ from: 'editor', to: 'admin', count: 2, tags: ['a'] })).toEqual([
      'from: editor',
      'to: admin',
      'count: 2',
      'tags: ["a"]',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import {
  formatFactDate,
  fromFactForm,
  isExpired,
  isValidDate,
  isWebAddress,
  localDay,
  toFactForm,
} from './facts';

describe('isExpired', () => {
  // 22:30 UTC on 31 March is already 1 April in Paris, still 31 March in New York.
  const now = new Date('2026-03-31T22:30:00Z');

  it('keeps a date valid through its whole day in the workspace time zone', () => {
    expect(isExpired('2026-03-31', now, 'America/New_York')).toBe(false);
    expect(isExpired('2026-03-31', now, 'Europe/Paris')).toBe(true);
    expect(isExpired('2026-04-01', now, 'Europe/Paris')).toBe(false);
  });

  it('ends a date and time at that instant', () => {
    expect(isExpired('2026-03-31T22:00:00Z', now, 'UTC')).toBe(true);
    expect(isExpired('2026-03-31T23:00:00Z', now, 'UTC')).toBe(false);
  });

  it('never expires a fact without a date, nor on an unreadable one', () => {
    expect(isExpired(undefined, now, 'UTC')).toBe(false);
    expect(isExpired('soon', now, 'UTC')).toBe(false);
  });
});

describe('localDay', () => {
  it('falls back to UTC for a zone Intl does not know', () => {
    expect(localDay(new Date('2026-03-31T22:30:00Z'), 'Mars/Olympus_Mons')).toBe('2026-03-31');
  });
});

describe('formatFactDate', () => {
  it('shows a bare date as written, whatever the time zone', () => {
    expect(formatFactDate('2026-07-14', 'en-GB', 'America/Los_Angeles')).toBe('14 Jul 2026');
  });
});

describe('fact form', () => {
  it('round-trips a fact, trimming and leaving out empty fields', () => {
    const form = toFactForm({ id: 'f1', statement: 'The Aube lamp costs', value: '89 €' });
    expect(form).toEqual({
      statement: 'The Aube lamp costs',
      value: '89 €',
      sourceUrl: '',
      validUntil: '',
      sourceDate: '',
    });
    expect(
      fromFactForm({ ...form, statement: '  The Aube lamp costs ', sourceUrl: ' https://example.com ' }),
    ).toEqual({
      statement: 'The Aube lamp costs',
      value: '89 €',
      sourceUrl: 'https://example.com',
    });
  });

  it('links only web addresses', () => {
    expect(isWebAddress('https://example.com/prices')).toBe(true);
    expect(isWebAddress('javascript:alert(1)')).toBe(false);
    expect(isWebAddress('not a url')).toBe(false);
  });

  it('accepts empty or ISO dates', () => {
    expect(isValidDate('')).toBe(true);
    expect(isValidDate('2026-12-31')).toBe(true);
    expect(isValidDate('next week')).toBe(false);
  });
});

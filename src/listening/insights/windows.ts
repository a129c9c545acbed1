/** Time windows of insights: validated bounds, as ISO instants. */
import { invalid } from '../../core/errors.js';

const HOUR_MS = 3_600_000;

export function parseInstant(path: string, value: string | undefined, fallback: Date): Date {
  if (value === undefined) {
    return fallback;
  }
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) {
    throw invalid(path, `"${value}" is not an ISO 8601 date or instant`);
  }
  return at;
}

export function hoursBefore(at: Date, hours: number): Date {
  return new Date(at.getTime() - hours * HOUR_MS);
}

/** [since, until): `until` defaults to now, `since` to `defaultDays` before it; since < until. */
export function period(
  now: Date,
  input: { since?: string; until?: string },
  defaultDays: number,
): { since: string; until: string } {
  const until = parseInstant('until', input.until, now);
  const since = parseInstant('since', input.since, hoursBefore(until, defaultDays * 24));
  if (since.getTime() >= until.getTime()) {
    throw invalid('since', 'must be before until');
  }
  return { since: since.toISOString(), until: until.toISOString() };
}

/**
 * The people list as CSV (RFC 4180, UTF-8 with a BOM so spreadsheets read accents). Names and
 * handles come from networks: a cell that a spreadsheet would run as a formula (=, +, -, @, tab,
 * carriage return first) is prefixed with an apostrophe.
 */
import type { PersonSummary } from './people.presenter.js';

export const PEOPLE_CSV_COLUMNS = [
  'id',
  'displayName',
  'identities',
  'followers',
  'stage',
  'tags',
  'ownerId',
  'nextStep',
  'nextStepDue',
  'firstSeenAt',
  'lastSeenAt',
  'activityCount',
  'engagement',
  'engagementLevel',
  'reach',
  'ambassador',
  'influencer',
] as const;

function cell(value: string | number | null): string {
  if (value === null) {
    return '';
  }
  if (typeof value === 'number') {
    return String(Math.round(value * 1000) / 1000);
  }
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function rowOf(person: PersonSummary): (string | number | null)[] {
  const followers = person.identities.some((identity) => identity.followers !== null)
    ? person.identities.reduce((sum, identity) => sum + (identity.followers ?? 0), 0)
    : null;
  return [
    person.id,
    person.displayName,
    person.identities
      .map((identity) => `${identity.network}:${identity.handle ?? identity.accountKey}`)
      .join('; '),
    followers,
    person.stage,
    person.tags.join('; '),
    person.ownerId,
    person.nextStep,
    person.nextStepDue,
    person.firstSeenAt,
    person.lastSeenAt,
    person.activityCount,
    person.scores.engagement,
    person.scores.engagementLevel,
    person.scores.reach,
    person.scores.ambassador,
    person.scores.influencer,
  ];
}

export function peopleCsv(people: readonly PersonSummary[]): string {
  const lines = [PEOPLE_CSV_COLUMNS.join(','), ...people.map((person) => rowOf(person).map(cell).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

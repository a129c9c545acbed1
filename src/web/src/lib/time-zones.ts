/** IANA time zones, as this browser's Intl knows them. */

/** The browser's own time zone, the default for a new workspace. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

function supportedTimeZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
}

/**
 * The sorted zones to choose from. `UTC` and the current value are always offered: some browsers
 * leave UTC out of their list, and a workspace may hold a zone this browser does not list.
 */
export function timeZoneOptions(current?: string, zones: readonly string[] = supportedTimeZones()): string[] {
  const all = new Set(zones);
  all.add('UTC');
  if (current !== undefined && current !== '') {
    all.add(current);
  }
  return [...all].sort((a, b) => a.localeCompare(b));
}

/** Dates as people read them: in their language, in the workspace's time zone. */

/** Date and time of an ISO instant, or the input unchanged if it is not a date. */
export function formatDateTime(iso: string, locale: string, timeZone?: string): string {
  return format(iso, locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
}

/** The date of an ISO instant, or the input unchanged if it is not a date. */
export function formatDate(iso: string, locale: string, timeZone?: string): string {
  return format(iso, locale, { dateStyle: 'medium', timeZone });
}

function format(iso: string, locale: string, options: Intl.DateTimeFormatOptions): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return iso;
  }
  try {
    return new Intl.DateTimeFormat(locale, options).format(date);
  } catch {
    // An unknown time zone: fall back to the browser's.
    return new Intl.DateTimeFormat(locale, { ...options, timeZone: undefined }).format(date);
  }
}

/** One line per detail of an audit entry, `key: value`, values that are not text as JSON. */
export function describeDetails(details: Record<string, unknown>): string[] {
  return Object.entries(details).map(
    ([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`,
  );
}

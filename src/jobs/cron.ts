import { CronExpressionParser } from 'cron-parser';

/** Throws a readable error unless `timeZone` is an IANA zone this runtime knows. */
export function assertTimeZone(timeZone: string): void {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw new Error(`Unknown time zone "${timeZone}": use an IANA name such as "Europe/Paris"`);
  }
}

/**
 * The first time strictly after `after` that `cron` names, reading the expression in `timeZone`.
 * A wall-clock time skipped by a DST jump runs an hour later; one repeated by it runs once.
 */
export function nextRunAt(cron: string, timeZone: string, after: Date): Date {
  assertTimeZone(timeZone);
  try {
    return CronExpressionParser.parse(cron, { tz: timeZone, currentDate: after }).next().toDate();
  } catch (error) {
    throw new Error(
      `Invalid cron expression "${cron}": ${error instanceof Error ? error.message : String(error)}`,
      {
        cause: error,
      },
    );
  }
}

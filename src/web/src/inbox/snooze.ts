/** The snooze field's first value: tomorrow at 09:00 in the workspace's zone (datetime-local). */
import { toLocalInput } from '../lib/zoned-time';

export function defaultSnooze(now: number, timeZone: string): string {
  const tomorrow = toLocalInput(new Date(now + 86_400_000).toISOString(), timeZone);
  return `${tomorrow.slice(0, 10)}T09:00`;
}

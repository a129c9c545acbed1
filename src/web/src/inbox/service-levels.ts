/** The service-levels form: its values, what is wrong with them, and the body of the PUT. */
import type { InboxSettings, InboxSettingsInput } from './inbox.api';

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const MAX_MINUTES = 10_080;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export interface ServiceLevelValues {
  firstResponseMinutes: number | string;
  nextResponseMinutes: number | string;
  days: string[];
  start: string;
  end: string;
}

export type ServiceLevelProblem = 'minutes' | 'days' | 'time' | 'order';

export const serviceLevelValues = (settings: InboxSettings): ServiceLevelValues => ({
  firstResponseMinutes: settings.firstResponseMinutes,
  nextResponseMinutes: settings.nextResponseMinutes,
  days: settings.businessHours.days.map(String),
  start: settings.businessHours.start,
  end: settings.businessHours.end,
});

const minutesOk = (value: number | string): boolean => {
  const number = typeof value === 'number' ? value : Number(value);
  return Number.isInteger(number) && number >= 1 && number <= MAX_MINUTES;
};

/** What stops the form from being saved, by field. */
export function serviceLevelProblems(
  values: ServiceLevelValues,
): Partial<Record<keyof ServiceLevelValues, ServiceLevelProblem>> {
  const problems: Partial<Record<keyof ServiceLevelValues, ServiceLevelProblem>> = {};
  if (!minutesOk(values.firstResponseMinutes)) {
    problems.firstResponseMinutes = 'minutes';
  }
  if (!minutesOk(values.nextResponseMinutes)) {
    problems.nextResponseMinutes = 'minutes';
  }
  if (values.days.length === 0) {
    problems.days = 'days';
  }
  if (!TIME.test(values.start)) {
    problems.start = 'time';
  }
  if (!TIME.test(values.end)) {
    problems.end = 'time';
  } else if (TIME.test(values.start) && values.end <= values.start) {
    problems.end = 'order';
  }
  return problems;
}

export const serviceLevelBody = (values: ServiceLevelValues): InboxSettingsInput => ({
  firstResponseMinutes: Number(values.firstResponseMinutes),
  nextResponseMinutes: Number(values.nextResponseMinutes),
  businessHours: {
    days: values.days.map(Number).sort((a, b) => a - b),
    start: values.start,
    end: values.end,
  },
});

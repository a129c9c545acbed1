/** The scoring settings form: its values (inputs give number | string), its problems, the body sent. */
import { ACTIVITY_TYPES, type ScoringSettings } from './community.api';

type Input = number | string;

export interface ScoringValues {
  weights: Record<string, Input>;
  monthlyDecay: Input;
  monthlyCap: Input;
  participating: Input;
  contributing: Input;
  leading: Input;
}

export type ScoringProblem = 'number' | 'weight' | 'decay' | 'cap' | 'level' | 'order';

/** The largest weight the server takes. */
export const MAX_WEIGHT = 1000;

/** The activity types of the settings, in the usual order, then any the server added. */
export const weightTypes = (weights: Record<string, number>): string[] => [
  ...ACTIVITY_TYPES.filter((type) => type in weights),
  ...Object.keys(weights).filter((type) => !(ACTIVITY_TYPES as readonly string[]).includes(type)),
];

export const scoringValues = (settings: ScoringSettings): ScoringValues => ({
  weights: { ...settings.weights },
  monthlyDecay: settings.monthlyDecay,
  monthlyCap: settings.monthlyCap ?? '',
  participating: settings.levels.participating,
  contributing: settings.levels.contributing,
  leading: settings.levels.leading,
});

const isBlank = (value: Input): boolean => typeof value === 'string' && value.trim() === '';

const num = (value: Input): number =>
  typeof value === 'number' ? value : value.trim() === '' ? NaN : Number(value);

/** What is wrong with each field (by field name, weights as `weight.<type>`). */
export function scoringProblems(values: ScoringValues): Record<string, ScoringProblem> {
  const problems: Record<string, ScoringProblem> = {};
  for (const [type, weight] of Object.entries(values.weights)) {
    const value = num(weight);
    if (!Number.isFinite(value)) {
      problems[`weight.${type}`] = 'number';
    } else if (value < 0 || value > MAX_WEIGHT) {
      problems[`weight.${type}`] = 'weight';
    }
  }
  const decay = num(values.monthlyDecay);
  if (!Number.isFinite(decay) || decay <= 0 || decay > 1) {
    problems.monthlyDecay = 'decay';
  }
  const cap = num(values.monthlyCap);
  // Empty: no cap.
  if (!isBlank(values.monthlyCap) && (!Number.isFinite(cap) || cap <= 0)) {
    problems.monthlyCap = 'cap';
  }
  const levels = [num(values.participating), num(values.contributing), num(values.leading)];
  (['participating', 'contributing', 'leading'] as const).forEach((name, index) => {
    const value = levels[index] ?? NaN;
    if (!Number.isFinite(value) || value < 0) {
      problems[name] = 'level';
    } else if (index > 0 && value <= (levels[index - 1] ?? 0)) {
      problems[name] = 'order';
    }
  });
  return problems;
}

export const scoringBody = (values: ScoringValues): ScoringSettings => ({
  weights: Object.fromEntries(
    Object.entries(values.weights).map(([type, weight]) => [type, num(weight)]),
  ) as ScoringSettings['weights'],
  monthlyDecay: num(values.monthlyDecay),
  monthlyCap: isBlank(values.monthlyCap) ? null : num(values.monthlyCap),
  levels: {
    participating: num(values.participating),
    contributing: num(values.contributing),
    leading: num(values.leading),
  },
});

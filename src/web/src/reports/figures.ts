/** A figure's value and change in the reader's language (units as the KPI registry names them). */
import type { KpiUnit } from './reports.api';

export interface FigureFormat {
  value: (value: number | null, unit: KpiUnit) => string;
  delta: (delta: number | null) => string;
}

export function figureFormat(language: string, dash: string): FigureFormat {
  const number = new Intl.NumberFormat(language, { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 });
  const signed = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' });
  return {
    value(value, unit) {
      if (value === null) {
        return dash;
      }
      switch (unit) {
        case 'ratio':
          return percent.format(value);
        case 'business_minutes': {
          if (value < 60) {
            return `${number.format(value)} min`;
          }
          const hours = Math.floor(value / 60);
          const minutes = Math.round(value - hours * 60);
          return minutes === 0 ? `${hours} h` : `${hours} h ${minutes} min`;
        }
        case 'count':
        case 'items':
        case 'followers':
        case 'engagement':
          return number.format(value);
      }
    },
    delta: (delta) => (delta === null ? dash : signed.format(delta)),
  };
}

/** Green when the change is good news, red when bad, grey when neither or unknown. */
export function deltaColour(delta: number | null, higherIsBetter: boolean | null): string {
  if (delta === null || delta === 0 || higherIsBetter === null) {
    return 'gray';
  }
  return delta > 0 === higherIsBetter ? 'teal' : 'red';
}

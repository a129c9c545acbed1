/** How figures read in words (HTML, summaries, CSV display columns): the same everywhere. */
import type { KpiUnit } from '../kpis/kpi.js';

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** Business minutes as "1 h 30 min" (or "45 min"). */
function duration(minutes: number): string {
  const whole = Math.round(minutes);
  const hours = Math.floor(whole / 60);
  const rest = whole % 60;
  return hours === 0 ? `${rest} min` : rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

export function formatValue(value: number | null, unit: KpiUnit): string {
  if (value === null) {
    return 'n/a';
  }
  switch (unit) {
    case 'ratio':
      return `${decimal.format(value * 100)} %`;
    case 'business_minutes':
      return `${duration(value)} (business)`;
    case 'engagement':
      return decimal.format(value);
    case 'count':
    case 'followers':
    case 'items':
      return integer.format(value);
  }
}

/** A relative change as "+12.5 %", "−3 %", or "n/a". */
export function formatDelta(delta: number | null): string {
  if (delta === null) {
    return 'n/a';
  }
  const percent = decimal.format(Math.abs(delta) * 100);
  return delta > 0 ? `+${percent} %` : delta < 0 ? `−${percent} %` : '0 %';
}

/** A period in words, in the workspace's zone: "2026-03-02 – 2026-03-08 (Europe/Paris)". */
export function formatPeriod(period: { from: string; to: string }, timeZone: string): string {
  const day = (iso: string): string =>
    new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
  const lastInstant = new Date(Date.parse(period.to) - 1).toISOString();
  return `${day(period.from)} – ${day(lastInstant)} (${timeZone})`;
}

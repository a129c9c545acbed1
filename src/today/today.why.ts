/**
 * Today's reasons in English sentences: the API's `why` and the CLI's lines. The web app writes
 * its own from the same codes and values, in the reader's language (locales/today.*.json).
 */
import type { TodayReason } from './today.types.js';

/** "42 min", "3 h 5 min", "2 d 4 h". */
export function duration(totalMinutes: number): string {
  const minutes = Math.max(0, Math.floor(totalMinutes));
  const days = Math.floor(minutes / 1_440);
  const hours = Math.floor((minutes % 1_440) / 60);
  const rest = minutes % 60;
  if (days > 0) {
    return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  }
  if (hours > 0) {
    return rest > 0 ? `${hours} h ${rest} min` : `${hours} h`;
  }
  return `${rest} min`;
}

/** "12k", "1.2M", "950". */
export const compact = (value: number): string =>
  new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 }).format(value).toLowerCase();

/** An instant in the workspace's time zone: "Sat 28 Mar, 10:00". */
export function when(iso: string, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat('en-GB', {
      timeZone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
    }).format(new Date(iso));
  } catch {
    return `${iso.slice(0, 16).replace('T', ' ')} UTC`;
  }
}

const SIGNALS: Record<string, string> = {
  negative: 'negative',
  offensive: 'offensive',
  complaint: 'complaint',
  question: 'question',
  purchase_intent: 'purchase intent',
  support_request: 'support request',
};

const str = (value: string | number | undefined): string => (value === undefined ? '' : String(value));
const num = (value: string | number | undefined): number =>
  typeof value === 'number' ? value : Number(value ?? 0);

function signalWords(values: TodayReason['values']): string {
  const words = str(values.signals)
    .split(',')
    .filter((code) => code !== '')
    .map((code) => {
      switch (code) {
        case 'reach':
          return `${compact(num(values.followers))} followers`;
        case 'waiting':
          return `waiting ${duration(num(values.waitingMinutes))}`;
        case 'rule':
          return `rule “${str(values.rule)}”`;
        default:
          return SIGNALS[code] ?? code.replaceAll('_', ' ');
      }
    });
  return words.join(', ');
}

/** One reason as a phrase. */
export function phrase(reason: TodayReason, timeZone: string): string {
  const v = reason.values;
  switch (reason.code) {
    case 'first_response_overdue':
      return `first response overdue by ${duration(num(v.minutes))}`;
    case 'next_response_overdue':
      return `next response overdue by ${duration(num(v.minutes))}`;
    case 'first_response_due':
      return `first response due in ${duration(num(v.minutes))}`;
    case 'next_response_due':
      return `next response due in ${duration(num(v.minutes))}`;
    case 'priority': {
      const words = signalWords(v);
      return words === '' ? `priority ${num(v.score)}` : `priority ${num(v.score)}: ${words}`;
    }
    case 'pending':
      return 'marked pending while they wait for an answer';
    case 'awaiting_approval':
      return `waiting for approval for ${duration(num(v.minutes))}`;
    case 'publishes_at':
      return `publishes ${when(str(v.at), timeZone)}`;
    case 'publish_time_passed':
      return `its publish time (${when(str(v.at), timeZone)}) has passed`;
    case 'publish_failed':
      return `failed on @${str(v.handle)}: ${str(v.error) || 'the network refused it'}`;
    case 'publish_unconfirmed':
      return `outcome unknown on @${str(v.handle)}: check whether it went out`;
    case 'credentials_refused':
      return `${str(v.network)} refuses its credentials${v.message ? `: ${str(v.message)}` : ''}`;
    case 'scheduled_blocked':
      return `${num(v.count)} scheduled ${num(v.count) === 1 ? 'post' : 'posts'} will not go out until it is reconnected`;
    case 'alert_volume_spike':
      return `${num(v.observed)} mentions in ${num(v.hours)} h, usually ${num(v.usual)}`;
    case 'alert_negative_surge':
      return `${num(v.share)} % negative mentions, usually ${num(v.usual)} %`;
    case 'alert_high_reach':
      return `@${str(v.author)} (${compact(num(v.followers))} followers) mentioned you`;
    case 'alert_opportunity':
      return `a ${str(v.intent)} on “${str(v.query)}”${v.author ? ` by @${str(v.author)}` : ''}`;
    case 'unread':
      return `unread, fired ${duration(num(v.minutes))} ago`;
    case 'next_step_overdue':
      return `next step “${str(v.step)}” overdue by ${duration(num(v.minutes))}`;
    case 'next_step_due':
      return `next step “${str(v.step)}” due ${when(str(v.at), timeZone)}`;
    case 'asked':
      return `asked ${num(v.count)} times this week`;
    case 'trend_rising':
      return `rising: ${num(v.recent)} mentions in ${num(v.hours)} h, ${num(v.expected)} expected (×${num(v.ratio)})`;
    default:
      return reason.code.replaceAll('_', ' ');
  }
}

/** The reasons as one sentence, first letter up: "First response overdue by 42 min; priority 80: negative". */
export function whyOf(reasons: readonly TodayReason[], timeZone: string): string {
  const text = reasons.map((reason) => phrase(reason, timeZone)).join('; ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

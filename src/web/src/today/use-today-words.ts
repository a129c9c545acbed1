/**
 * Today's reasons in the reader's words ("First response overdue by 42 min; priority 80: negative,
 * complaint, 12K followers"), from the codes and facts the server sends. A code this page does not
 * know yet makes it show the server's English sentence instead.
 */
import { useTranslation } from 'react-i18next';
import { useUiLanguage } from '../i18n/use-ui-language';
import { formatDuration } from '../inbox/priority-reasons';
import { formatDateTime } from '../lib/format';
import type { TodayItem, TodayReason } from './today.api';

const SIMPLE_SIGNALS = [
  'negative',
  'offensive',
  'complaint',
  'question',
  'purchase_intent',
  'support_request',
] as const;
type SimpleSignal = (typeof SIMPLE_SIGNALS)[number];
const isSimpleSignal = (code: string): code is SimpleSignal =>
  (SIMPLE_SIGNALS as readonly string[]).includes(code);

const text = (value: string | number | undefined): string => (value === undefined ? '' : String(value));
const number = (value: string | number | undefined): number => {
  const parsed = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(parsed) ? parsed : 0;
};

export function useTodayWords(timeZone: string) {
  const { t } = useTranslation();
  const [language] = useUiLanguage();
  const wait = (minutes: string | number | undefined): string =>
    formatDuration(number(minutes), {
      day: t('today.units.day'),
      hour: t('today.units.hour'),
      minute: t('today.units.minute'),
    });
  const compact = (value: string | number | undefined): string =>
    new Intl.NumberFormat(language, { notation: 'compact', maximumFractionDigits: 1 }).format(number(value));
  const decimal = (value: string | number | undefined): string =>
    new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(number(value));
  const percent = (value: string | number | undefined): string =>
    new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(
      number(value) / 100,
    );
  const date = (iso: string | number | undefined): string => formatDateTime(text(iso), language, timeZone);

  const signals = (values: TodayReason['values']): string[] =>
    text(values.signals)
      .split(',')
      .filter((code) => code !== '')
      .map((code) => {
        if (isSimpleSignal(code)) {
          return t(`today.signal.${code}`);
        }
        switch (code) {
          case 'reach':
            return t('today.signal.reach', { followers: compact(values.followers) });
          case 'waiting':
            return t('today.signal.waiting', { wait: wait(values.waitingMinutes) });
          case 'rule':
            return t('today.signal.rule', { name: text(values.rule) });
          default:
            return code.replaceAll('_', ' ');
        }
      });

  /** One reason as a phrase, or null for a code this page does not know. */
  const phrase = (reason: TodayReason): string | null => {
    const v = reason.values;
    switch (reason.code) {
      case 'first_response_overdue':
      case 'next_response_overdue':
      case 'first_response_due':
      case 'next_response_due':
        return t(`today.reason.${reason.code}`, { wait: wait(v.minutes) });
      case 'priority': {
        const list = signals(v);
        return list.length === 0
          ? t('today.reason.priority', { score: number(v.score) })
          : t('today.reason.priorityWith', { score: number(v.score), signals: list.join(', ') });
      }
      case 'pending':
        return t('today.reason.pending');
      case 'awaiting_approval':
        return t('today.reason.awaiting_approval', { wait: wait(v.minutes) });
      case 'publishes_at':
      case 'publish_time_passed':
        return t(`today.reason.${reason.code}`, { date: date(v.at) });
      case 'publish_failed':
        return text(v.error) === ''
          ? t('today.reason.publish_failed', { handle: text(v.handle) })
          : t('today.reason.publish_failedWith', { handle: text(v.handle), error: text(v.error) });
      case 'publish_unconfirmed':
        return t('today.reason.publish_unconfirmed', { handle: text(v.handle) });
      case 'credentials_refused':
        return text(v.message) === ''
          ? t('today.reason.credentials_refused', { network: text(v.network) })
          : t('today.reason.credentials_refusedWith', { network: text(v.network), message: text(v.message) });
      case 'scheduled_blocked':
        return t('today.reason.scheduled_blocked', { count: number(v.count) });
      case 'alert_volume_spike':
        return t('today.reason.alert_volume_spike', {
          observed: decimal(v.observed),
          hours: decimal(v.hours),
          usual: decimal(v.usual),
        });
      case 'alert_negative_surge':
        return t('today.reason.alert_negative_surge', { share: percent(v.share), usual: percent(v.usual) });
      case 'alert_high_reach':
        return t('today.reason.alert_high_reach', {
          author: text(v.author),
          followers: compact(v.followers),
        });
      case 'alert_opportunity': {
        const intent = v.intent === 'complaint' ? t('today.intent.complaint') : t('today.intent.question');
        return text(v.author) === ''
          ? t('today.reason.alert_opportunity', { intent, query: text(v.query) })
          : t('today.reason.alert_opportunityBy', { intent, query: text(v.query), author: text(v.author) });
      }
      case 'unread':
        return t('today.reason.unread', { wait: wait(v.minutes) });
      case 'next_step_overdue':
        return t('today.reason.next_step_overdue', { step: text(v.step), wait: wait(v.minutes) });
      case 'next_step_due':
        return t('today.reason.next_step_due', { step: text(v.step), date: date(v.at) });
      case 'asked':
        return t('today.reason.asked', { count: number(v.count) });
      case 'trend_rising':
        return t('today.reason.trend_rising', {
          recent: decimal(v.recent),
          hours: decimal(v.hours),
          expected: decimal(v.expected),
          ratio: decimal(v.ratio),
        });
      default:
        return null;
    }
  };

  /** Why an item is on the list, as one sentence. */
  const why = (item: TodayItem): string => {
    const phrases = item.reasons.map(phrase);
    if (phrases.length === 0 || phrases.some((entry) => entry === null)) {
      return item.why;
    }
    const sentence = phrases.join(t('today.separator'));
    return sentence.charAt(0).toLocaleUpperCase(language) + sentence.slice(1);
  };

  return { why, date, language };
}

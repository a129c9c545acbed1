/** The inbox's facts in the reader's words: priority reasons, durations, counts. */
import { useTranslation } from 'react-i18next';
import { useUiLanguage } from '../i18n/use-ui-language';
import type { PriorityReason } from './inbox.api';
import { describeReason, formatCount, formatDuration } from './priority-reasons';

export function useInboxWords() {
  const { t } = useTranslation();
  const [language] = useUiLanguage();
  const duration = (minutes: number): string =>
    formatDuration(minutes, {
      day: t('inbox.units.day'),
      hour: t('inbox.units.hour'),
      minute: t('inbox.units.minute'),
    });
  const count = (value: number): string => formatCount(value, language);
  const reason = (item: PriorityReason): string => {
    const described = describeReason(item);
    switch (described.kind) {
      case 'simple':
        return t(`inbox.reason.${described.code}`);
      case 'reach':
        return t('inbox.reason.reach', { followers: count(described.followers) });
      case 'waiting':
        return t('inbox.reason.waiting', { wait: duration(described.minutes) });
      case 'rule':
        return t('inbox.reason.rule', { name: described.name });
      case 'other':
        return t('inbox.reason.other', { code: described.code });
    }
  };
  return { duration, count, reason, language };
}

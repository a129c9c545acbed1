import { Badge, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../lib/format';
import type { Sla } from './inbox.api';
import { slaStanding, type SlaTone } from './priority-reasons';
import { useInboxWords } from './use-inbox-words';

const COLOR: Record<SlaTone, string> = { overdue: 'red', soon: 'orange', ok: 'teal' };

/** Due in / overdue by, against the first- or next-response target; the due time on hover. */
export function SlaBadge({ sla, timeZone, now }: { sla: Sla; timeZone: string; now: number }) {
  const { t } = useTranslation();
  const words = useInboxWords();
  const standing = slaStanding(sla, now);
  const text =
    standing.tone === 'overdue'
      ? t('inbox.sla.overdue', { wait: words.duration(standing.minutes) })
      : t('inbox.sla.due', { wait: words.duration(standing.minutes) });
  return (
    <Tooltip
      label={`${t(`inbox.sla.${sla.target}`)} · ${t('inbox.sla.dueAt', {
        date: formatDateTime(sla.dueAt, words.language, timeZone),
      })}`}
      withArrow
    >
      <Badge variant="light" size="sm" color={COLOR[standing.tone]} data-testid="sla">
        {text}
      </Badge>
    </Tooltip>
  );
}

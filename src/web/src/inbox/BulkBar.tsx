import { Button, Group, Paper, Select, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { Member } from '../api/types';
import type { ConversationChanges } from './inbox.api';
import { useBulkUpdate } from './inbox.queries';

interface BulkBarProps {
  workspaceId: string;
  ids: string[];
  members: Member[];
  spamView: boolean;
  onDone: () => void;
}

/** Close, assign or (un)mark as spam every selected conversation at once. */
export function BulkBar({ workspaceId, ids, members, spamView, onDone }: BulkBarProps) {
  const { t } = useTranslation();
  const bulk = useBulkUpdate(workspaceId);
  // mutateAsync, not mutate's callbacks: the bar unmounts as soon as the lists drop what it changed.
  const apply = async (changes: ConversationChanges): Promise<void> => {
    try {
      await bulk.mutateAsync({ ids, changes });
    } catch {
      return; // The global handler shows the error.
    }
    notifications.show({ color: 'teal', message: t('inbox.bulk.done', { count: ids.length }) });
    onDone();
  };
  return (
    <Paper withBorder p="xs" radius="md" role="group" aria-label={t('inbox.bulk.label')}>
      <Group gap="xs">
        <Text size="sm" fw={600}>
          {t('inbox.bulk.selected', { count: ids.length })}
        </Text>
        <Button
          size="compact-sm"
          variant="light"
          loading={bulk.isPending}
          onClick={() => void apply({ status: 'closed' })}
        >
          {t('inbox.bulk.close')}
        </Button>
        <Select
          size="xs"
          w={170}
          aria-label={t('inbox.bulk.assign')}
          placeholder={t('inbox.bulk.assignPlaceholder')}
          value={null}
          disabled={bulk.isPending}
          onChange={(value) => {
            if (value !== null) {
              void apply({ assignee: value === '' ? null : value });
            }
          }}
          data={[
            { value: '', label: t('inbox.unassigned') },
            ...members.map((member) => ({ value: member.userId, label: member.name })),
          ]}
        />
        <Button
          size="compact-sm"
          variant="light"
          color="orange"
          loading={bulk.isPending}
          onClick={() => void apply({ spam: !spamView })}
        >
          {spamView ? t('inbox.bulk.notSpam') : t('inbox.bulk.spam')}
        </Button>
        <Button size="compact-sm" variant="subtle" onClick={onDone}>
          {t('inbox.bulk.clear')}
        </Button>
      </Group>
    </Paper>
  );
}

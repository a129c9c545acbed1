import { Button, Checkbox, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Member } from '../api/types';
import { QueryError } from '../components/QueryError';
import { TableSkeleton } from '../components/TableSkeleton';
import { BulkBar } from './BulkBar';
import { ConversationRow } from './ConversationRow';
import type { ConversationFilter } from './inbox.api';
import { useConversations } from './inbox.queries';
import { useNow } from './use-now';

interface ConversationListProps {
  workspaceId: string;
  timeZone: string;
  filter: ConversationFilter;
  live: boolean;
  activeId: string | null;
  /** Absent for readers: no bulk actions. */
  members?: Member[] | undefined;
  selected: Set<string>;
  onSelected: (selected: Set<string>) => void;
  onOpen: (id: string) => void;
}

/** The conversations of the view, paged ("load more"), with the bulk actions over the selected ones. */
export function ConversationList({
  workspaceId,
  timeZone,
  filter,
  live,
  activeId,
  members,
  selected,
  onSelected,
  onOpen,
}: ConversationListProps) {
  const { t } = useTranslation();
  const now = useNow();
  const list = useConversations(workspaceId, filter, live);
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const shown = items.filter((item) => selected.has(item.id)).map((item) => item.id);
  const toggle = (id: string, on: boolean): void => {
    const next = new Set(selected);
    if (on) {
      next.add(id);
    } else {
      next.delete(id);
    }
    onSelected(next);
  };
  return (
    <Stack gap="xs">
      {members && shown.length > 0 ? (
        <BulkBar
          workspaceId={workspaceId}
          ids={shown}
          members={members}
          spamView={filter.spam === true}
          onDone={() => onSelected(new Set())}
        />
      ) : null}
      {list.isError ? <QueryError error={list.error} /> : null}
      {list.data === undefined ? (
        list.isError ? null : (
          <TableSkeleton rows={4} />
        )
      ) : items.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('inbox.list.empty')}
        </Text>
      ) : (
        <>
          {members ? (
            <Group>
              <Checkbox
                size="xs"
                label={t('inbox.list.selectAll')}
                checked={shown.length === items.length}
                indeterminate={shown.length > 0 && shown.length < items.length}
                onChange={(event) =>
                  onSelected(event.currentTarget.checked ? new Set(items.map((item) => item.id)) : new Set())
                }
              />
            </Group>
          ) : null}
          <Stack
            component="ul"
            p={0}
            m={0}
            gap={6}
            style={{ listStyle: 'none' }}
            aria-label={t('inbox.list.label')}
          >
            {items.map((conversation) => (
              <ConversationRow
                key={conversation.id}
                conversation={conversation}
                active={conversation.id === activeId}
                timeZone={timeZone}
                now={now}
                selected={members ? selected.has(conversation.id) : undefined}
                onSelect={members ? (on) => toggle(conversation.id, on) : undefined}
                onOpen={() => onOpen(conversation.id)}
              />
            ))}
          </Stack>
        </>
      )}
      {list.hasNextPage ? (
        <Button
          variant="default"
          size="xs"
          loading={list.isFetchingNextPage}
          onClick={() => void list.fetchNextPage()}
        >
          {t('common.loadMore')}
        </Button>
      ) : null}
    </Stack>
  );
}

import { Badge, Checkbox, Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../lib/format';
import { authorOf } from './author';
import { AnalysisBadges } from './AnalysisBadges';
import type { Conversation } from './inbox.api';
import { PriorityBadge } from './PriorityBadge';
import { SlaBadge } from './SlaBadge';
import { useInboxWords } from './use-inbox-words';

interface ConversationRowProps {
  conversation: Conversation;
  active: boolean;
  timeZone: string;
  now: number;
  /** Absent for readers: no bulk selection. */
  selected?: boolean | undefined;
  onSelect?: ((selected: boolean) => void) | undefined;
  onOpen: () => void;
}

/** One conversation in the list: who, where, what (escaped text), how urgent, whose. */
export function ConversationRow({
  conversation,
  active,
  timeZone,
  now,
  selected,
  onSelect,
  onOpen,
}: ConversationRowProps) {
  const { t } = useTranslation();
  const words = useInboxWords();
  const author = authorOf(conversation.author) ?? t('inbox.list.unknownAuthor');
  return (
    <Paper
      component="li"
      withBorder
      p="xs"
      radius="md"
      aria-label={t('inbox.list.item', { author })}
      aria-current={active ? 'true' : undefined}
      bg={active ? 'var(--mantine-color-blue-light)' : undefined}
    >
      <Group align="flex-start" wrap="nowrap" gap="xs">
        {onSelect ? (
          <Checkbox
            mt={4}
            checked={selected === true}
            onChange={(event) => onSelect(event.currentTarget.checked)}
            aria-label={t('inbox.list.select', { author })}
          />
        ) : null}
        <UnstyledButton onClick={onOpen} style={{ flex: 1, minWidth: 0 }} data-testid="open-conversation">
          <Stack gap={4}>
            <Group justify="space-between" wrap="nowrap" gap="xs">
              <Text size="sm" fw={600} lineClamp={1}>
                {author}
              </Text>
              <Group gap={4} wrap="nowrap">
                <PriorityBadge score={conversation.priority.score} reasons={conversation.priority.reasons} />
                <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {formatDateTime(conversation.lastInboundAt, words.language, timeZone)}
                </Text>
              </Group>
            </Group>
            <Text size="sm" lineClamp={2} data-testid="subject">
              {conversation.subject}
            </Text>
            <Group gap={4}>
              <Badge variant="outline" size="sm">
                {conversation.network}
              </Badge>
              <AnalysisBadges sentiment={conversation.sentiment} intents={conversation.intents} />
              {conversation.sla ? <SlaBadge sla={conversation.sla} timeZone={timeZone} now={now} /> : null}
              {conversation.spam ? (
                <Badge variant="light" size="sm" color="orange">
                  {t('inbox.spam')}
                </Badge>
              ) : null}
              <Badge
                variant="dot"
                size="sm"
                color={conversation.assignee ? 'blue' : 'gray'}
                data-testid="assignee"
              >
                {conversation.assignee?.name ?? t('inbox.unassigned')}
              </Badge>
              {conversation.tags.map((tag) => (
                <Badge key={tag} variant="default" size="sm">
                  {tag}
                </Badge>
              ))}
            </Group>
          </Stack>
        </UnstyledButton>
      </Group>
    </Paper>
  );
}

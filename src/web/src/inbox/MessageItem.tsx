import { Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../lib/format';
import { safeHttpUrl } from '../listening/safe-url';
import type { Message, MessageStatus } from './inbox.api';
import { useInboxWords } from './use-inbox-words';

const STATUS_COLOR: Record<MessageStatus, string> = {
  received: 'gray',
  sending: 'blue',
  sent: 'teal',
  failed: 'red',
  unknown: 'orange',
  internal: 'yellow',
};

interface MessageItemProps {
  message: Message;
  /** The team member who wrote a reply or a note. */
  memberName: string | null;
  timeZone: string;
  /** Absent for readers, and for messages that cannot be retried. */
  onRetry?: (() => void) | undefined;
  retrying?: boolean;
}

/** One message: theirs on the left, our replies (with how the sending went) on the right, notes in yellow. */
export function MessageItem({ message, memberName, timeZone, onRetry, retrying = false }: MessageItemProps) {
  const { t } = useTranslation();
  const words = useInboxWords();
  const link = safeHttpUrl(message.url);
  const name = memberName ?? t('inbox.message.someone');
  const heading =
    message.kind === 'inbound'
      ? t('inbox.message.theirs', {
          author: message.authorHandle ? `@${message.authorHandle}` : t('inbox.list.unknownAuthor'),
        })
      : message.kind === 'reply'
        ? t('inbox.message.ours', { name })
        : t('inbox.message.note', { name });
  const canRetry = message.kind === 'reply' && (message.status === 'failed' || message.status === 'unknown');
  return (
    <Paper
      component="li"
      withBorder
      p="sm"
      radius="md"
      ml={message.kind === 'inbound' ? 0 : 'xl'}
      mr={message.kind === 'inbound' ? 'xl' : 0}
      bg={
        message.kind === 'note'
          ? 'var(--mantine-color-yellow-light)'
          : message.kind === 'reply'
            ? 'var(--mantine-color-blue-light)'
            : undefined
      }
      data-kind={message.kind}
      data-testid="message"
    >
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Text size="xs" fw={600}>
            {heading}
          </Text>
          <Group gap={4} wrap="nowrap">
            {message.kind === 'note' ? (
              <Badge size="xs" color="yellow" variant="filled">
                {t('inbox.message.noteBadge')}
              </Badge>
            ) : null}
            {message.kind === 'reply' ? (
              <Badge
                size="xs"
                color={STATUS_COLOR[message.status]}
                variant="light"
                data-testid="reply-status"
              >
                {t(`inbox.message.status.${message.status}`)}
              </Badge>
            ) : null}
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {formatDateTime(message.sentAt ?? message.createdAt, words.language, timeZone)}
            </Text>
          </Group>
        </Group>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {message.text}
        </Text>
        {message.error !== null && message.kind === 'reply' ? (
          <Text size="xs" c="red">
            {message.error}
          </Text>
        ) : null}
        <Group gap="xs">
          {link === null ? null : (
            <Anchor href={link} target="_blank" rel="noopener noreferrer nofollow" size="xs">
              {t('inbox.message.open')}
            </Anchor>
          )}
          {canRetry && onRetry ? (
            <Button size="compact-xs" variant="light" color="orange" loading={retrying} onClick={onRetry}>
              {t('inbox.message.retry')}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </Paper>
  );
}

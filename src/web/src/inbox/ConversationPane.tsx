import { Alert, Badge, Divider, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { hasStatus } from '../api/errors';
import type { Member } from '../api/types';
import { PageLoader } from '../components/PageLoader';
import { QueryError } from '../components/QueryError';
import { formatDateTime } from '../lib/format';
import { authorOf } from './author';
import { AnalysisBadges } from './AnalysisBadges';
import { ConversationActions } from './ConversationActions';
import { useConversation, useRetryReply } from './inbox.queries';
import { MessageItem } from './MessageItem';
import { PriorityReasons } from './PriorityBadge';
import { ReplyBox } from './ReplyBox';
import { SlaBadge } from './SlaBadge';
import { useInboxWords } from './use-inbox-words';
import { useNow } from './use-now';

interface ConversationPaneProps {
  workspaceId: string;
  timeZone: string;
  conversationId: string;
  live: boolean;
  members: Member[];
  /** Whether the user may reply and change the conversation (readers only read). */
  canAct: boolean;
  /** Whether the user may block authors (owners, admins, managers). */
  canBlock: boolean;
}

/** One conversation: who and why it matters, its messages, what can be done, the reply box. */
export function ConversationPane({
  workspaceId,
  timeZone,
  conversationId,
  live,
  members,
  canAct,
  canBlock,
}: ConversationPaneProps) {
  const { t } = useTranslation();
  const words = useInboxWords();
  const now = useNow();
  const detail = useConversation(workspaceId, conversationId, live);
  const retry = useRetryReply(workspaceId, conversationId);
  const names = useMemo(() => new Map(members.map((member) => [member.userId, member.name])), [members]);

  if (detail.isError) {
    return hasStatus(detail.error, 404) ? (
      <Alert color="gray" role="alert">
        {t('inbox.detail.notFound')}
      </Alert>
    ) : (
      <QueryError error={detail.error} />
    );
  }
  if (detail.data === undefined) {
    return <PageLoader />;
  }
  const { conversation, messages } = detail.data;
  const author = authorOf(conversation.author) ?? t('inbox.list.unknownAuthor');
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={t('inbox.detail.label')}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={4}>
            <Title order={2} size="h4">
              {author}
            </Title>
            <Group gap={4}>
              <Badge variant="outline" size="sm">
                {conversation.network}
              </Badge>
              {conversation.author.handle !== null && conversation.author.name !== null ? (
                <Text size="xs" c="dimmed">{`@${conversation.author.handle}`}</Text>
              ) : null}
              {conversation.author.followers !== null ? (
                <Text size="xs" c="dimmed">
                  {t('inbox.detail.followers', { followers: words.count(conversation.author.followers) })}
                </Text>
              ) : null}
            </Group>
            <Group gap={4}>
              <Badge size="sm" variant="light" data-testid="conversation-status">
                {t(`inbox.status.${conversation.status}`)}
              </Badge>
              <Badge
                size="sm"
                variant="dot"
                color={conversation.assignee ? 'blue' : 'gray'}
                data-testid="conversation-assignee"
              >
                {conversation.assignee?.name ?? t('inbox.unassigned')}
              </Badge>
              {conversation.sla ? <SlaBadge sla={conversation.sla} timeZone={timeZone} now={now} /> : null}
              <AnalysisBadges sentiment={conversation.sentiment} intents={conversation.intents} />
            </Group>
            {conversation.status === 'snoozed' && conversation.snoozedUntil !== null ? (
              <Text size="xs" c="dimmed">
                {t('inbox.detail.snoozedUntil', {
                  date: formatDateTime(conversation.snoozedUntil, words.language, timeZone),
                })}
              </Text>
            ) : null}
          </Stack>
          <PriorityReasons score={conversation.priority.score} reasons={conversation.priority.reasons} />
        </Group>
        {canAct ? (
          <ConversationActions
            key={conversation.id}
            workspaceId={workspaceId}
            timeZone={timeZone}
            conversation={conversation}
            members={members}
            canBlock={canBlock}
          />
        ) : null}
        <Divider />
        <Stack
          component="ol"
          p={0}
          m={0}
          gap="xs"
          style={{ listStyle: 'none' }}
          aria-label={t('inbox.message.thread')}
        >
          {messages.map((message) => (
            <MessageItem
              key={message.id}
              message={message}
              memberName={message.authorUserId === null ? null : (names.get(message.authorUserId) ?? null)}
              timeZone={timeZone}
              onRetry={canAct ? () => retry.mutate(message.id) : undefined}
              retrying={retry.isPending && retry.variables === message.id}
            />
          ))}
        </Stack>
        {canAct ? (
          <>
            <Divider />
            <ReplyBox
              key={conversation.id}
              workspaceId={workspaceId}
              conversationId={conversation.id}
              context={{
                replyTo: messages.findLast((message) => message.kind === 'inbound')?.text ?? null,
                network: conversation.network,
                accountId: conversation.accountId,
              }}
            />
          </>
        ) : null}
      </Stack>
    </Paper>
  );
}

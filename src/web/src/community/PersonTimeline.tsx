import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryError } from '../components/QueryError';
import { TableSkeleton } from '../components/TableSkeleton';
import { AnalysisBadges } from '../inbox/AnalysisBadges';
import { formatDateTime } from '../lib/format';
import { useCurrentWorkspace } from '../workspaces/workspace-context';
import type { Activity, PersonConversation } from './community.api';
import { useActivities } from './community.queries';
import { activityTypeLabel, conversationStatusLabel } from './labels';
import { safeLink } from './community-view';

const inboxLink = (workspaceId: string, conversationId: string): string =>
  `/w/${workspaceId}/inbox?c=${encodeURIComponent(conversationId)}`;

/** The person's conversations in the inbox, then every activity we know of, newest first, page by page. */
export function PersonTimeline({
  personId,
  conversations,
}: {
  personId: string;
  conversations: PersonConversation[];
}) {
  const { t, i18n } = useTranslation();
  const workspace = useCurrentWorkspace();
  const activities = useActivities(workspace.id, personId);
  const items = activities.data?.pages.flatMap((page) => page.activities) ?? [];
  return (
    <Stack gap="xs">
      {conversations.length > 0 ? (
        <>
          <Title order={2} size="h4">
            {t('community.timeline.conversations')}
          </Title>
          <Stack component="ul" gap={4} p={0} m={0} style={{ listStyle: 'none' }}>
            {conversations.map((conversation) => (
              <li key={conversation.id}>
                <Group gap="xs" wrap="nowrap">
                  <Anchor
                    component={Link}
                    to={inboxLink(workspace.id, conversation.id)}
                    size="sm"
                    lineClamp={1}
                  >
                    {conversation.subject}
                  </Anchor>
                  <Badge size="xs" variant="light" color="gray">
                    {conversationStatusLabel(t, conversation.status)}
                  </Badge>
                  <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    {formatDateTime(conversation.lastInboundAt, i18n.language, workspace.timeZone)}
                  </Text>
                </Group>
              </li>
            ))}
          </Stack>
        </>
      ) : null}
      <Title order={2} size="h4">
        {t('community.timeline.title')}
      </Title>
      {activities.isError ? <QueryError error={activities.error} /> : null}
      {activities.data === undefined ? (
        activities.isError ? null : (
          <TableSkeleton rows={3} />
        )
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('community.timeline.empty')}
        </Text>
      ) : (
        <Stack
          component="ol"
          gap="xs"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          aria-label={t('community.timeline.title')}
        >
          {items.map((activity) => (
            <ActivityItem key={activity.id} activity={activity} />
          ))}
        </Stack>
      )}
      {activities.hasNextPage ? (
        <Button
          variant="default"
          size="xs"
          loading={activities.isFetchingNextPage}
          onClick={() => void activities.fetchNextPage()}
        >
          {t('community.timeline.older')}
        </Button>
      ) : null}
    </Stack>
  );
}

function ActivityItem({ activity }: { activity: Activity }) {
  const { t, i18n } = useTranslation();
  const workspace = useCurrentWorkspace();
  const url = safeLink(activity.url);
  return (
    <Paper component="li" withBorder p="xs" radius="md" data-testid="activity">
      <Stack gap={4}>
        <Group gap={6} wrap="wrap">
          <Badge size="sm" variant="light">
            {activityTypeLabel(t, activity.type)}
          </Badge>
          <Text size="xs" c="dimmed">
            {activity.network}
            {activity.handle !== null ? ` · @${activity.handle.replace(/^@/, '')}` : ''}
            {activity.targetHandle !== null ? ` → @${activity.targetHandle.replace(/^@/, '')}` : ''}
          </Text>
          <Text size="xs" c="dimmed">
            {formatDateTime(activity.occurredAt, i18n.language, workspace.timeZone)}
          </Text>
          <AnalysisBadges sentiment={activity.sentiment} intents={activity.intents} />
          {activity.spam ? (
            <Badge size="sm" variant="light" color="orange">
              {t('community.timeline.spam')}
            </Badge>
          ) : null}
          {activity.offensive ? (
            <Badge size="sm" variant="light" color="red">
              {t('community.timeline.offensive')}
            </Badge>
          ) : null}
        </Group>
        {activity.text !== null && activity.text !== '' ? (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {activity.text}
          </Text>
        ) : null}
        {activity.conversationId !== null || url !== null ? (
          <Group gap="sm">
            {activity.conversationId !== null ? (
              <Anchor component={Link} to={inboxLink(workspace.id, activity.conversationId)} size="xs">
                {t('community.timeline.openConversation')}
              </Anchor>
            ) : null}
            {url !== null ? (
              <Anchor href={url} target="_blank" rel="noopener noreferrer nofollow" size="xs">
                {t('community.timeline.openOriginal')}
              </Anchor>
            ) : null}
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
}

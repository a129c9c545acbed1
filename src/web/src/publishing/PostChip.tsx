import { Anchor, Group, Paper, Stack, Text } from '@mantine/core';
import type { DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { NETWORK_LABEL } from '../accounts/networks';
import { wallTimeAt } from '../lib/zoned-time';
import { excerpt } from './post-lists';
import type { Post } from './posts.api';
import { MetricsLine, TargetLink } from './PostResults';
import { PostStatusBadge } from './PostStatusBadge';
import { POST_STATUS_COLOR } from './status';

/** The MIME type of a post dragged in the calendar: its id. */
export const POST_DRAG_TYPE = 'application/x-hearth-post';

interface PostChipProps {
  post: Post;
  workspaceId: string;
  timeZone: string;
  draggable: boolean;
  /** The list view shows every detail: status, accounts, links, metrics. */
  detailed?: boolean;
}

/** A post in the calendar: its time, its text, its status colour; published, its links. Dragged to move it. */
export function PostChip({ post, workspaceId, timeZone, draggable, detailed = false }: PostChipProps) {
  const { t } = useTranslation();
  const wall = post.publishAt === null ? null : wallTimeAt(new Date(post.publishAt), timeZone);
  const time =
    wall === null ? '' : `${String(wall.hour).padStart(2, '0')}:${String(wall.minute).padStart(2, '0')}`;
  const published = post.targets.filter((target) => target.url !== null);
  const start = (event: DragEvent<HTMLDivElement>): void => {
    event.dataTransfer.setData(POST_DRAG_TYPE, post.id);
    event.dataTransfer.setData('text/plain', post.id);
    event.dataTransfer.effectAllowed = 'move';
  };
  return (
    <Paper
      withBorder
      radius="sm"
      p={4}
      draggable={draggable}
      onDragStart={draggable ? start : undefined}
      data-testid="calendar-post"
      data-status={post.status}
      style={{
        borderLeft: `4px solid var(--mantine-color-${POST_STATUS_COLOR[post.status]}-6)`,
        cursor: draggable ? 'grab' : undefined,
      }}
    >
      <Stack gap={2}>
        <Group gap={4} wrap="nowrap">
          <Text size="xs" fw={700} style={{ flexShrink: 0 }}>
            {time}
          </Text>
          <Anchor
            component={Link}
            to={`/w/${workspaceId}/publish/${post.id}`}
            size="xs"
            c="inherit"
            lineClamp={detailed ? 2 : 1}
          >
            {excerpt(post.text, detailed ? 200 : 60) || t('publishing.lists.untitled')}
          </Anchor>
        </Group>
        {detailed ? (
          <Group gap="xs">
            <PostStatusBadge status={post.status} size="xs" />
            <Text size="xs" c="dimmed">
              {post.targets.map((target) => `${target.handle} (${NETWORK_LABEL[target.network]})`).join(', ')}
            </Text>
          </Group>
        ) : (
          <Text size="xs" c="dimmed" lineClamp={1}>
            {t(`publishing.status.${post.status}`)}
          </Text>
        )}
        {published.map((target) =>
          detailed ? (
            <Stack key={target.id} gap={0}>
              <TargetLink target={target} />
              {target.metrics === null ? null : <MetricsLine metrics={target.metrics} />}
            </Stack>
          ) : (
            <Group key={target.id} gap={4} wrap="nowrap">
              <Anchor
                href={target.url ?? undefined}
                target="_blank"
                rel="noreferrer"
                size="xs"
                aria-label={t('publishing.results.view', {
                  network: NETWORK_LABEL[target.network],
                  handle: target.handle,
                })}
              >
                {NETWORK_LABEL[target.network]} ↗
              </Anchor>
              {target.metrics === null ? null : (
                <Text size="xs" c="dimmed">
                  ♥ {target.metrics.likes} · ⇄ {target.metrics.reposts} · ↩ {target.metrics.replies}
                </Text>
              )}
            </Group>
          ),
        )}
      </Stack>
    </Paper>
  );
}

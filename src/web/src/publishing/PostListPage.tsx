import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { NETWORK_LABEL } from '../accounts/networks';
import { QueryError } from '../components/QueryError';
import { TableSkeleton } from '../components/TableSkeleton';
import { useUiLanguage } from '../i18n/use-ui-language';
import { formatDateTime } from '../lib/format';
import { useMembersQuery } from '../members/members.queries';
import { useCurrentWorkspace } from '../workspaces/workspace-context';
import { DRAFT_STATUSES, excerpt, PROBLEM_STATUSES, REVIEW_STATUSES } from './post-lists';
import type { Post } from './posts.api';
import { usePostsQuery } from './posts.queries';
import { PostStatusBadge } from './PostStatusBadge';

type ListKind = 'drafts' | 'review' | 'problems';

const STATUSES = { drafts: DRAFT_STATUSES, review: REVIEW_STATUSES, problems: PROBLEM_STATUSES } as const;

/** Drafts, posts waiting for review, or posts that failed: each opens in the composer. */
export function PostListPage({ kind }: { kind: ListKind }) {
  const { t } = useTranslation();
  const workspace = useCurrentWorkspace();
  const posts = usePostsQuery(workspace.id, { statuses: STATUSES[kind] });
  const members = useMembersQuery(workspace.id);
  const names = useMemo(() => new Map((members.data ?? []).map((m) => [m.userId, m.name])), [members.data]);
  return (
    <Stack maw={900}>
      <Stack gap={4}>
        <Title order={2}>{t(`publishing.lists.${kind}.title`)}</Title>
        <Text size="sm" c="dimmed">
          {t(`publishing.lists.${kind}.intro`)}
        </Text>
      </Stack>
      {posts.isError ? <QueryError error={posts.error} /> : null}
      {posts.data === undefined ? (
        posts.isError ? null : (
          <TableSkeleton rows={3} />
        )
      ) : posts.data.length === 0 ? (
        <Text c="dimmed">{t(`publishing.lists.${kind}.empty`)}</Text>
      ) : (
        <Stack
          component="ul"
          p={0}
          m={0}
          gap="sm"
          style={{ listStyle: 'none' }}
          aria-label={t(`publishing.lists.${kind}.title`)}
        >
          {posts.data.map((post) => (
            <PostRow
              key={post.id}
              post={post}
              author={post.authorId === null ? null : (names.get(post.authorId) ?? null)}
              problems={kind === 'problems'}
            />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function PostRow({ post, author, problems }: { post: Post; author: string | null; problems: boolean }) {
  const { t } = useTranslation();
  const [language] = useUiLanguage();
  const workspace = useCurrentWorkspace();
  const when = (iso: string): string => formatDateTime(iso, language, workspace.timeZone);
  return (
    <Paper component="li" withBorder p="sm" radius="md">
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap">
          <Anchor
            component={Link}
            to={`/w/${workspace.id}/publish/${post.id}`}
            fw={600}
            style={{ minWidth: 0 }}
            lineClamp={1}
          >
            {excerpt(post.text) || t('publishing.lists.untitled')}
          </Anchor>
          <PostStatusBadge status={post.status} />
        </Group>
        <Text size="xs" c="dimmed">
          {[
            post.publishAt === null ? t('publishing.lists.noTime') : when(post.publishAt),
            post.targets.map((target) => `${target.handle} (${NETWORK_LABEL[target.network]})`).join(', ') ||
              t('publishing.lists.noAccount'),
            author === null ? null : t('publishing.lists.by', { name: author }),
            t('publishing.lists.updated', { date: when(post.updatedAt) }),
          ]
            .filter((part) => part !== null)
            .join(' · ')}
        </Text>
        {post.review?.comment ? (
          <Text size="sm" c="orange">
            {t('publishing.lists.comment', { comment: post.review.comment })}
          </Text>
        ) : null}
        {problems
          ? post.targets
              .filter(
                (target) =>
                  target.lastError !== null || target.status === 'unconfirmed' || target.status === 'failed',
              )
              .map((target) => (
                <Text key={target.id} size="sm" c="red" data-testid="target-error">
                  {t('publishing.lists.targetError', {
                    handle: target.handle,
                    error: target.lastError ?? t(`publishing.targetStatus.${target.status}`),
                  })}
                </Text>
              ))
          : null}
      </Stack>
    </Paper>
  );
}

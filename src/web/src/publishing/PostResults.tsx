import { Alert, Anchor, Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NETWORK_LABEL } from '../accounts/networks';
import { FindingList } from '../guardrails/FindingList';
import { VerdictBadge } from '../guardrails/VerdictBadge';
import { useUiLanguage } from '../i18n/use-ui-language';
import { formatDateTime } from '../lib/format';
import type { Post, PostMetrics, PostTarget } from './posts.api';
import { TargetStatusBadge } from './PostStatusBadge';

/** Likes, reposts, replies (and quotes where the network has them), as the network last said. */
export function MetricsLine({ metrics }: { metrics: PostMetrics }) {
  const { t } = useTranslation();
  return (
    <Text size="xs" c="dimmed" data-testid="post-metrics">
      {[
        t('publishing.metrics.likes', { count: metrics.likes }),
        t('publishing.metrics.reposts', { count: metrics.reposts }),
        t('publishing.metrics.replies', { count: metrics.replies }),
        ...(metrics.quotes === null ? [] : [t('publishing.metrics.quotes', { count: metrics.quotes })]),
      ].join(' · ')}
    </Text>
  );
}

/** The link of a published target: "View on Bluesky (@brand.bsky.social)". */
export function TargetLink({ target }: { target: PostTarget }) {
  const { t } = useTranslation();
  if (target.url === null) {
    return null;
  }
  return (
    <Anchor href={target.url} target="_blank" rel="noreferrer" size="sm">
      {t('publishing.results.view', { network: NETWORK_LABEL[target.network], handle: target.handle })}
    </Anchor>
  );
}

/** Per account: where the post stands, its link, its error, its metrics. */
export function PostResults({ post, timeZone }: { post: Post; timeZone: string }) {
  const { t } = useTranslation();
  const [language] = useUiLanguage();
  const when = (iso: string | null): string => (iso === null ? '—' : formatDateTime(iso, language, timeZone));
  if (post.targets.length === 0) {
    return null;
  }
  return (
    <Stack gap="xs" component="section" aria-label={t('publishing.results.title')}>
      <Title order={3} size="h5">
        {t('publishing.results.title')}
      </Title>
      <Table.ScrollContainer minWidth={560}>
        <Table verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('publishing.results.account')}</Table.Th>
              <Table.Th>{t('publishing.results.status')}</Table.Th>
              <Table.Th>{t('publishing.results.when')}</Table.Th>
              <Table.Th>{t('publishing.results.outcome')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {post.targets.map((target) => (
              <Table.Tr key={target.id}>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Badge size="xs" variant="outline">
                      {NETWORK_LABEL[target.network]}
                    </Badge>
                    <Text size="sm">{target.handle}</Text>
                  </Group>
                </Table.Td>
                <Table.Td>
                  <TargetStatusBadge status={target.status} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{when(target.publishedAt ?? target.publishAt)}</Text>
                  {target.nextAttemptAt === null ? null : (
                    <Text size="xs" c="dimmed">
                      {t('publishing.results.retry', {
                        date: when(target.nextAttemptAt),
                        attempts: target.attempts,
                      })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Stack gap={2}>
                    <TargetLink target={target} />
                    {target.metrics === null ? null : <MetricsLine metrics={target.metrics} />}
                    {target.lastError === null ? null : (
                      <Text size="xs" c="red">
                        {target.lastError}
                      </Text>
                    )}
                    {target.warning === null ? null : (
                      <Text size="xs" c="orange">
                        {target.warning}
                      </Text>
                    )}
                  </Stack>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

/** The guardrails' verdict when the post was scheduled, and a manager's override with its reason. */
export function ScheduledCheck({ post }: { post: Post }) {
  const { t } = useTranslation();
  if (post.check === null) {
    return null;
  }
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={t('publishing.check.title')}>
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('publishing.check.title')}
        </Title>
        <VerdictBadge verdict={post.check.verdict} score={post.check.score} />
        {post.override === null ? null : (
          <Alert color="orange" title={t('publishing.check.overridden')}>
            {post.override.reason}
          </Alert>
        )}
        <FindingList findings={post.check.findings} canApply={false} onApply={() => undefined} />
      </Stack>
    </Paper>
  );
}

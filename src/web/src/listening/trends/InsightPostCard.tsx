import { Anchor, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useUiLanguage } from '../../i18n/use-ui-language';
import { formatDateTime } from '../../lib/format';
import { useCurrentWorkspace } from '../../workspaces/workspace-context';
import { safeHttpUrl } from '../safe-url';
import type { InsightPost } from './insights.api';

/** A post from a network: rendered as text (React escapes it), linked only over http(s). */
export function InsightPostCard({ post }: { post: InsightPost }) {
  const { t } = useTranslation();
  const [language] = useUiLanguage();
  const workspace = useCurrentWorkspace();
  const link = safeHttpUrl(post.url);
  const author = post.author.name ?? post.author.handle ?? post.network;
  return (
    <Paper component="li" withBorder p="xs" radius="sm">
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Text size="sm" fw={600} lineClamp={1}>
            {author}
            {post.author.handle !== null && post.author.name !== null ? (
              <Text span size="sm" c="dimmed" fw={400}>
                {` @${post.author.handle}`}
              </Text>
            ) : null}
          </Text>
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {formatDateTime(post.createdAt, language, workspace.timeZone)}
          </Text>
        </Group>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {post.text}
        </Text>
        <Group gap="xs">
          <Text size="xs" c="dimmed">
            {t('insights.post.engagement', {
              likes: post.likes,
              reposts: post.reposts,
              replies: post.replies,
              total: post.engagement,
            })}
          </Text>
          {link === null ? null : (
            <Anchor href={link} target="_blank" rel="noopener noreferrer nofollow" size="xs">
              {t('insights.post.open')}
            </Anchor>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
